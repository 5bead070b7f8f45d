/**
 * When a learner's relay sign-in is locked ([AUTH-4]), derived from their failure count in the store. Five
 * failures lock it for 15 minutes; after that each new failure locks it again for twice as long, up to a day. So an
 * attacker gets about a dozen guesses on the first day and one a day afterwards, against about 730 plausible birth
 * dates, while a student who mistypes waits a quarter of an hour or asks a teacher to unlock. A success, a teacher's
 * unlock, or a week without failures clears the count.
 */
import type { LearnerSignInFailures } from '../store/store.ts';

export interface LearnerLockoutPolicy {
  failuresBeforeLock: number;
  firstLockMs: number;
  longestLockMs: number;
  forgetAfterMs: number;
}

export const LEARNER_LOCKOUT: LearnerLockoutPolicy = {
  failuresBeforeLock: 5,
  firstLockMs: 15 * 60_000,
  longestLockMs: 24 * 60 * 60_000,
  forgetAfterMs: 7 * 24 * 60 * 60_000,
};

/** Failures whose last one is at or before this instant are forgotten (the store restarts the count). */
export function forgetBefore(now: number, policy: LearnerLockoutPolicy = LEARNER_LOCKOUT): number {
  return now - policy.forgetAfterMs;
}

function live(record: LearnerSignInFailures | undefined, now: number, policy: LearnerLockoutPolicy): LearnerSignInFailures | undefined {
  return record && record.lastFailureAt > forgetBefore(now, policy) ? record : undefined;
}

/** The instant the lock ends (≤ now: not locked). */
export function lockedUntil(record: LearnerSignInFailures | undefined, now: number, policy: LearnerLockoutPolicy = LEARNER_LOCKOUT): number {
  const current = live(record, now, policy);
  if (!current || current.failures < policy.failuresBeforeLock) return 0;
  const doublings = current.failures - policy.failuresBeforeLock;
  return current.lastFailureAt + Math.min(policy.longestLockMs, policy.firstLockMs * 2 ** Math.min(doublings, 30));
}

/**
 * The highest count a matching attempt may reach and still sign in. A matching attempt is counted before it is
 * accepted: when a burst of guesses arrives together they all read the same count before any is recorded, and only
 * a match whose own increment stays within this bound gets in, as if the guesses had come one by one.
 */
export function highestAdmittedCount(record: LearnerSignInFailures | undefined, now: number, policy: LearnerLockoutPolicy = LEARNER_LOCKOUT): number {
  const current = live(record, now, policy);
  return Math.max(policy.failuresBeforeLock, current ? current.failures + 1 : 1);
}
