import { describe, expect, it } from 'vitest';
import { highestAdmittedCount, LEARNER_LOCKOUT, lockedUntil } from './learner-lockout.ts';

const MINUTE = 60_000;
const record = (failures: number, lastFailureAt = 0) => ({ learnerId: 'l', organizationId: 'o', failures, lastFailureAt });

describe('[AUTH-4] learner lock durations', () => {
  it('no lock under 5 failures; 15 minutes at 5, doubling with each failure after, never more than a day', () => {
    expect(lockedUntil(undefined, 0)).toBe(0);
    expect(lockedUntil(record(4), 0)).toBe(0);
    expect(lockedUntil(record(5), 0)).toBe(15 * MINUTE);
    expect(lockedUntil(record(6), 0)).toBe(30 * MINUTE);
    expect(lockedUntil(record(11), 0)).toBe(16 * 60 * MINUTE);
    expect(lockedUntil(record(12), 0)).toBe(24 * 60 * MINUTE);
    expect(lockedUntil(record(500), 0)).toBe(24 * 60 * MINUTE);
  });

  it('failures a week old count for nothing', () => {
    expect(lockedUntil(record(12, 0), LEARNER_LOCKOUT.forgetAfterMs)).toBe(0);
    expect(highestAdmittedCount(record(12, 0), LEARNER_LOCKOUT.forgetAfterMs)).toBe(5);
    expect(highestAdmittedCount(record(12, 0), LEARNER_LOCKOUT.forgetAfterMs - 1)).toBe(13);
    expect(highestAdmittedCount(undefined, 0)).toBe(5);
  });
});
