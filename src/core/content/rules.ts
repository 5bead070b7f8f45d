/**
 * The content rules beyond the schemas: ONE set, applied to the built-in bank (through its compiled form)
 * and to every imported pack, so that nothing the relay accepts could have been refused at build time.
 * Issues carry a path into the checked document: the pack for an import, the authored file for the bank.
 */
import { checkExposureTable } from '../flash/exposure-table.ts';
import { isCompetenceId } from '../referential.ts';
import { compileBank } from './compile.ts';
import type { CompiledBank, UnversionedPack } from './compile.ts';
import type { AuthoredCompetence, AuthoredSource } from './authored-types.ts';
import { checkChallenge } from './challenge-rules.ts';
import { authoredPathOf } from './pack-origins.ts';
import type { DocPath } from './pack-origins.ts';
import type { RuleIssue } from './rule-issue.ts';
import { checkStructure } from './structure-rules.ts';

/** Every broken rule of a pack, with paths into the pack. */
export function checkPackRules(pack: UnversionedPack): RuleIssue[] {
  const issues = checkStructure(pack);
  pack.challenges.forEach((challenge, i) => {
    for (const issue of checkChallenge(challenge)) {
      issues.push({ path: ['challenges', i, ...issue.path], message: `épreuve ${challenge.id} : ${issue.message}` });
    }
  });
  // An imported pack's exposure table must name its own challenges, with parameters in ]0, 1].
  for (const issue of checkExposureTable(pack.challenges.map((c) => c.id), pack.exposure?.eligibility ?? {})) {
    issues.push({ path: ['exposure', ...issue.path], message: issue.message });
  }
  return issues;
}

/** A broken rule located in one of the authored inputs (its index in the list). */
export interface AuthoredIssue {
  source: number;
  path: DocPath;
  message: string;
}

/** Compiles the authored bank and checks it; issues point into the authored documents. */
export function checkAuthoredRules(competences: readonly AuthoredCompetence[]): { compiled: CompiledBank; issues: AuthoredIssue[] } {
  const compiled = compileBank(competences);
  const issues = checkPackRules(compiled.pack).map((issue): AuthoredIssue => {
    const origin = authoredPathOf(compiled.origins, issue.path);
    // Pack-level items (the competence list) are derived from the referential: report at the file's top.
    return origin ? { source: origin.source, path: origin.path, message: issue.message } : { source: 0, path: [], message: issue.message };
  });
  return { compiled, issues };
}

/** The `competence:` code of a file must be its name: "content/competences/1.2.yaml" holds "1.2". */
export function checkCompetenceFileName(source: AuthoredSource): RuleIssue[] {
  const name = source.source.slice(source.source.lastIndexOf('/') + 1);
  const code = name.replace(/\.ya?ml$/, '');
  const declared = source.competence.competence;
  if (declared === code) return [];
  const fix = isCompetenceId(code) ? `${declared}.yaml, ou competence: "${code}"` : `${declared}.yaml`;
  return [{ path: ['competence'], message: `la compétence « ${declared} » ne correspond pas au nom du fichier ${name} (attendu : ${fix})` }];
}
