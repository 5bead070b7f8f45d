import type { DocPath } from './pack-origins.ts';

/** A broken content rule: where (a path into the checked document) and what, in French for the author. */
export interface RuleIssue {
  path: DocPath;
  message: string;
}
