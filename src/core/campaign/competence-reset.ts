/**
 * Resetting a competence ("Remettre à zéro", [RETRY-4]): allowed 7 days after its last answer. The reset
 * itself is knowledge/without-competence.ts. Dates are ms since epoch, handed in by the caller.
 */
import type { Answer } from '../answers/types.ts';
import type { PackIndex } from '../content/pack-index.ts';
import type { CompetenceId } from '../referential.ts';
import { DAY_MS } from './retry.ts';

/** A competence can be reset this long after its last answer. */
export const RESET_DELAY_MS = 7 * DAY_MS;

export type ResetStatus =
  | { allowed: true }
  | { allowed: false; reason: 'nothing-to-reset' }
  | { allowed: false; reason: 'too-early'; availableAt: number };

/** [RETRY-4] A competence can be reset 7 days after its last answer (ms since epoch), if it has any. */
export function competenceResetStatus(lastAnswerAt: number | undefined, now: number): ResetStatus {
  if (lastAnswerAt === undefined) return { allowed: false, reason: 'nothing-to-reset' };
  const availableAt = lastAnswerAt + RESET_DELAY_MS;
  return now < availableAt ? { allowed: false, reason: 'too-early', availableAt } : { allowed: true };
}

/**
 * When the learner last answered a challenge of the competence (the answers' own `answeredAt`, a device clock:
 * good enough for a 7-day delay), or undefined if never.
 */
export function lastAnswerAt(index: PackIndex, answers: readonly Pick<Answer, 'challengeId' | 'answeredAt'>[], competenceId: CompetenceId): number | undefined {
  let last: number | undefined;
  for (const answer of answers) {
    const skillId = index.challengeById.get(answer.challengeId)?.skillId;
    if (skillId === undefined || index.competenceIdBySkill.get(skillId) !== competenceId) continue;
    if (last === undefined || answer.answeredAt > last) last = answer.answeredAt;
  }
  return last;
}
