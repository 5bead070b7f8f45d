/**
 * The checkpoint screen ([CAMP-6]): after every 5 answers, and once more at the end for the answers since the
 * last one, the learner sees each answer as correct or incorrect with the tutorials of its skill.
 */
import type { Answer } from '../answers/types.ts';
import type { AnswerResult, Tutorial } from '../content/types.ts';
import type { PackIndex } from '../content/pack-index.ts';

/** Answers per group between two checkpoints (the "n/5" of the challenge screen). */
export const CHECKPOINT_EVERY = 5;

/** Whether a checkpoint follows the `answerCount`-th answer (1-based). */
export function checkpointDue(answerCount: number, finished: boolean): boolean {
  return answerCount > 0 && (answerCount % CHECKPOINT_EVERY === 0 || finished);
}

/** Position of the next challenge within its group, for the "n/5" progress: 1 … 5. */
export function positionInGroup(answerCount: number): number {
  return (answerCount % CHECKPOINT_EVERY) + 1;
}

export interface CheckpointItem {
  answerId: string;
  challengeId: string;
  /** Undefined when the challenge is no longer in the pack. */
  skillId: string | undefined;
  result: AnswerResult;
  correct: boolean;
  tutorials: readonly Tutorial[];
}

/** The last group's answers (up to 5), from one assessment's answers in replay order. */
export function checkpointItems(index: PackIndex, orderedAnswers: readonly Answer[]): CheckpointItem[] {
  const n = orderedAnswers.length;
  if (n === 0) return [];
  const groupSize = ((n - 1) % CHECKPOINT_EVERY) + 1;
  return orderedAnswers.slice(n - groupSize).map((answer) => {
    const skillId = index.challengeById.get(answer.challengeId)?.skillId;
    return {
      answerId: answer.id,
      challengeId: answer.challengeId,
      skillId,
      result: answer.result,
      correct: answer.result === 'ok',
      tutorials: skillId === undefined ? [] : (index.tutorialsBySkill.get(skillId) ?? []),
    };
  });
}
