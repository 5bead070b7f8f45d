/**
 * Each recorded answer's result as the rules give it ([RESULTS-2], [RESULT-5]): correctness re-checked from the
 * recorded value; only what the machine alone observed is taken from the record ("Je passe", time spent, leaving
 * the window). The lab machine computed its result the same way at submit, so an honest log re-checks unchanged.
 */
import type { AnswerResult } from '../content/types.ts';
import type { PackIndex } from '../content/pack-index.ts';
import { verifyAnswerResult } from '../answers/verify-answer-result.ts';
import { orderAssessmentAnswers } from '../knowledge/replay-order.ts';
import type { AnswerDocument, AssessmentKind } from '../sync/documents.ts';

/** What the results read of a recorded answer. */
export type RecordedAnswer = Pick<AnswerDocument, 'id' | 'assessmentId' | 'challengeId' | 'value' | 'result' | 'timeSpentMs' | 'index' | 'online'>;

export interface RecheckedAnswer {
  id: string;
  assessmentId: string;
  challengeId: string;
  index: number;
  online: boolean;
  /** What the machine recorded. */
  clientResult: AnswerResult;
  /** What the rules give; 'ko' for a challenge the pack does not have. */
  result: AnswerResult;
  /** The pack has the challenge. */
  known: boolean;
}

/** The log in replay order ([KE-7]), each answer re-checked. */
export function recheckAnswers(index: PackIndex, kind: AssessmentKind, answers: readonly RecordedAnswer[]): RecheckedAnswer[] {
  return orderAssessmentAnswers(answers).map((answer) => {
    const challenge = index.challengeById.get(answer.challengeId);
    return {
      id: answer.id,
      assessmentId: answer.assessmentId,
      challengeId: answer.challengeId,
      index: answer.index,
      online: answer.online,
      clientResult: answer.result,
      result: challenge === undefined ? 'ko' : verifyAnswerResult(challenge, answer, kind),
      known: challenge !== undefined,
    };
  });
}
