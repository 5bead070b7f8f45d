/**
 * The knowledge a test starts from, as frozen on its assessment ([REPLAY-5]): a campaign retry's carried-over
 * elements, read from the document, never worked out again from whatever the machine or the relay holds later.
 */
import type { KnowledgeState } from '../knowledge/knowledge-element.ts';
import type { AssessmentDocument } from '../sync/documents.ts';

export function frozenCarriedOver(assessment: Pick<AssessmentDocument, 'carriedOver'>): KnowledgeState | undefined {
  const elements = assessment.carriedOver;
  if (elements === undefined || elements.length === 0) return undefined;
  return new Map(elements.map((element) => [element.skillId, element]));
}
