/**
 * Replaying a test from its log ([REPLAY-4]): for each recorded answer, the challenge the engine would have chosen
 * at that position from the recorded inputs (the answers before it, the online flag recorded with it, the
 * assessment's frozen prior-seen list, the target, the content). A log whose challenges are not those choices is
 * flagged at the first position that differs; it is never rescored with the replayed challenges.
 */
import { orderAssessmentAnswers } from '../knowledge/replay-order.ts';
import { chooseNextChallenge } from './choose-next.ts';
import type { ChoiceInput, PriorAnswer } from './choose-next.ts';

/** An answer as the replay reads it: its result (as the relay re-checked it) and the flag it was chosen with. */
export type ReplayedAnswer = PriorAnswer & { online: boolean };

export type ReplayInput = Omit<ChoiceInput, 'answers' | 'online'> & { answers: readonly ReplayedAnswer[] };

/**
 * Why a position differs: another challenge than the engine's; an answer after the engine had ended the test; or a
 * position out of sequence (a gap or a repeat in `index`).
 */
export const REPLAY_MISMATCHES = ['other-challenge', 'after-end', 'position'] as const;
export type ReplayMismatch = (typeof REPLAY_MISMATCHES)[number];

export type ReplayCheck =
  | { matches: true; replayed: number }
  | {
      matches: false;
      /** 0-based position (in replay order) of the first answer that differs. */
      firstMismatchIndex: number;
      reason: ReplayMismatch;
      /** What the engine would have chosen there (null: the end, or no choice for a position out of sequence). */
      expectedChallengeId: string | null;
      recordedChallengeId: string;
    };

export interface Replay {
  /** The engine's choice at each position, up to and including the first that differs. */
  sequence: string[];
  check: ReplayCheck;
}

export function replayAssessment(input: ReplayInput): Replay {
  const answers = orderAssessmentAnswers(input.answers);
  const sequence: string[] = [];
  const differs = (position: number, reason: ReplayMismatch, expected: string | null, recorded: string): Replay => ({
    sequence,
    check: { matches: false, firstMismatchIndex: position, reason, expectedChallengeId: expected, recordedChallengeId: recorded },
  });
  for (const [position, answer] of answers.entries()) {
    if (answer.index !== position) return differs(position, 'position', null, answer.challengeId);
    // Only the answers before this position, and this position's own recorded flag ([REPLAY-1]).
    const choice = chooseNextChallenge({ ...input, answers: answers.slice(0, position), online: answer.online });
    if (choice.kind === 'end') return differs(position, 'after-end', null, answer.challengeId);
    sequence.push(choice.challengeId);
    if (choice.challengeId !== answer.challengeId) return differs(position, 'other-challenge', choice.challengeId, answer.challengeId);
  }
  return { sequence, check: { matches: true, replayed: answers.length } };
}
