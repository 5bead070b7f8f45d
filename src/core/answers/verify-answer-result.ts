/**
 * The relay's recomputation of a stored answer's result ([RESULT-5]): a client's 'ok' is never taken on trust.
 * The answer record keeps no focus-out flag, so a recorded 'focusedOut' or 'aband' is believed: either only
 * ever lowers the learner's score, so a tampering client gains nothing by claiming it.
 */
import type { Answer } from './types.ts';
import type { AnswerResult, Challenge } from '../content/types.ts';
import type { AssessmentKind } from '../sync/documents.ts';
import { resolveAnswerResult } from './resolve-answer-result.ts';

export function verifyAnswerResult(challenge: Challenge, answer: Pick<Answer, 'value' | 'result' | 'timeSpentMs'>, kind: AssessmentKind): AnswerResult {
  return resolveAnswerResult({
    challenge,
    value: answer.value,
    skipped: answer.result === 'aband',
    timeSpentMs: answer.timeSpentMs,
    focusedOut: answer.result === 'focusedOut',
    kind,
  });
}
