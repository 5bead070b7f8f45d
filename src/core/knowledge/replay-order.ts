/**
 * The order in which answers are replayed ([KE-7]). Within an assessment it is the answer's `index` (never a
 * client clock); across assessments it is the order the caller knows them in (e.g. by start), passed as ids.
 */
import type { Answer } from '../answers/types.ts';
import { compareIds } from '../content/pack-index.ts';

/** One assessment's answers by `index`, then id (two devices racing on one index stay deterministic). */
export function orderAssessmentAnswers<A extends Pick<Answer, 'id' | 'index'>>(answers: readonly A[]): A[] {
  return [...answers].sort((a, b) => a.index - b.index || compareIds(a.id, b.id));
}

/**
 * A learner's log across assessments: assessments in the given order, answers in each by `index`. Answers of
 * an assessment missing from `assessmentOrder` come last, by assessment id, rather than being dropped.
 */
export function orderAnswerLog<A extends Pick<Answer, 'id' | 'index' | 'assessmentId'>>(
  answers: readonly A[],
  assessmentOrder: readonly string[],
): A[] {
  const rank = new Map(assessmentOrder.map((id, i) => [id, i]));
  const unknownRank = assessmentOrder.length;
  return [...answers].sort(
    (a, b) =>
      (rank.get(a.assessmentId) ?? unknownRank) - (rank.get(b.assessmentId) ?? unknownRank) ||
      compareIds(a.assessmentId, b.assessmentId) ||
      a.index - b.index ||
      compareIds(a.id, b.id),
  );
}
