import { describe, expect, it } from 'vitest';
import { hasDistinctAssignment } from './match-solution-groups.ts';

describe('distinct solution groups', () => {
  it('[CHECK-9] finds a matching a greedy first fit would miss', () => {
    // Field 0 fits groups 0 and 1, field 1 only group 0: first fit gives group 0 to field 0 and fails.
    expect(hasDistinctAssignment([[0, 1], [0]])).toBe(true);
  });

  it('[CHECK-9] refuses two fields that can only share one group, and a field that fits none', () => {
    expect(hasDistinctAssignment([[0], [0]])).toBe(false);
    expect(hasDistinctAssignment([[0, 1], []])).toBe(false);
    expect(hasDistinctAssignment([[0, 1, 2], [0, 1], [0]])).toBe(true);
    expect(hasDistinctAssignment([[0, 1], [0, 1], [0, 1]])).toBe(false);
  });
});
