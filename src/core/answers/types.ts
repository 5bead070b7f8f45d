import type { AnswerResult, AnswerValue } from '../content/types.ts';

/**
 * An answer: immutable, inserted once, never updated (ARCHITECTURE.md, "The answer log is the truth").
 * Its id is generated on the client, so a retried push is idempotent.
 */
export interface Answer {
  id: string;
  assessmentId: string;
  challengeId: string;
  /** What the student gave; an empty choice for "Je passe". */
  value: AnswerValue;
  result: AnswerResult;
  /** Milliseconds spent on the challenge. */
  timeSpentMs: number;
  /** ms since epoch, client clock (informative; ordering uses `index`). */
  answeredAt: number;
  deviceId: string;
  /** 0-based position of the answer in its assessment: the replay order. */
  index: number;
}
