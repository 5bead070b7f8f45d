/**
 * From what happened on screen to the recorded AnswerResult ([RESULT-1] … [RESULT-4]). Anything but 'ok' is a
 * failure for knowledge elements and scores; the distinctions are kept for the checkpoint, exports and
 * invigilators.
 */
import type { AnswerResult, AnswerValue, Challenge } from '../content/types.ts';
import type { AssessmentKind } from '../sync/documents.ts';
import { checkAnswer } from './check-answer.ts';

export interface AnswerSubmission {
  challenge: Challenge;
  value: AnswerValue;
  /** The learner pressed "Je passe". */
  skipped: boolean;
  /** Milliseconds the challenge was on screen. */
  timeSpentMs: number;
  /** The learner left the window (tab, application) while the challenge was shown. */
  focusedOut: boolean;
  kind: AssessmentKind;
}

export function resolveAnswerResult(submission: AnswerSubmission): AnswerResult {
  const { challenge, kind } = submission;
  // [RESULT-1] "Je passe" wins over everything: nothing was answered.
  if (submission.skipped) return 'aband';
  const verdict = checkAnswer(challenge, submission.value);
  // [RESULT-2] A right answer given after the timer ran out (timer in seconds, time spent in ms).
  if (verdict === 'ok' && challenge.timer !== undefined && submission.timeSpentMs > challenge.timer * 1000) return 'timedout';
  // [RESULT-3] Leaving the window fails a focused challenge, in certification only; campaigns just ignore it.
  if (kind === 'certification' && challenge.focused && submission.focusedOut) return 'focusedOut';
  // [RESULT-4]
  return verdict;
}
