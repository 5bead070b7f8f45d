/**
 * [IMPORT-5] A student twice in one file is an error: the same national id, or, when neither row has one, the same
 * name and birth date (they would be the same learner on the relay, which matches on those).
 */
import { normalizeFreeText } from '../answers/normalize.ts';
import type { ImportedLearner, ImportIssue } from './learner-import.ts';

const NAME_TOLERANCES = ['T1', 'T2'] as const;

/** The key a learner without national id is matched on: names compared as sign-in compares them, and the date. */
export function nameAndBirthDateKey(learner: { lastName: string; firstName: string; birthDate: string }): string {
  return `${normalizeFreeText(learner.lastName, NAME_TOLERANCES)}|${normalizeFreeText(learner.firstName, NAME_TOLERANCES)}|${learner.birthDate}`;
}

export function findDuplicates(learners: readonly ImportedLearner[], nationalIdLabel: string): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const byNationalId = new Map<string, ImportedLearner>();
  const byName = new Map<string, ImportedLearner>();
  for (const learner of learners) {
    const who = `${learner.lastName} ${learner.firstName}`;
    if (learner.nationalId) {
      const first = byNationalId.get(learner.nationalId);
      if (first) {
        issues.push({
          line: learner.line,
          message: `${nationalIdLabel} en double « ${learner.nationalId} » : ${who} a le même que ${first.lastName} ${first.firstName} (ligne ${first.line}).`,
        });
      } else byNationalId.set(learner.nationalId, learner);
      continue;
    }
    const key = nameAndBirthDateKey(learner);
    const first = byName.get(key);
    if (first) issues.push({ line: learner.line, message: `Élève en double : ${who}, né(e) le même jour, figure déjà ligne ${first.line}.` });
    else byName.set(key, learner);
  }
  return issues;
}
