import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateLevel, LEVEL_GRID_MAX, LEVEL_GRID_MIN, successProbability } from './estimate-level.ts';
import type { Outcome } from './estimate-level.ts';
import { expectedSettled } from './expected-settled.ts';

describe('level estimate', () => {
  it('[SR-4] logistic success probability: one half at the skill level, rising with the level', () => {
    expect(successProbability(3, 3)).toBe(0.5);
    expect(successProbability(4, 3)).toBeCloseTo(1 / (1 + Math.exp(-1)), 12);
    expect(successProbability(2, 3)).toBeLessThan(0.5);
  });

  it('[SR-4] with no answer, the virtual success at 0 and failure at 7 put the learner in the middle', () => {
    expect(estimateLevel([])).toBe(3.5);
  });

  it('[SR-4] successes raise the estimate, failures lower it, within 0.5 … 7.5 on steps of 0.5', () => {
    const up = estimateLevel([{ difficulty: 2, success: true }]);
    const down = estimateLevel([{ difficulty: 2, success: false }]);
    expect(up).toBeGreaterThan(3.5);
    expect(down).toBeLessThan(3.5);
    const allRight = estimateLevel(Array.from({ length: 30 }, () => ({ difficulty: 8, success: true })));
    const allWrong = estimateLevel(Array.from({ length: 30 }, () => ({ difficulty: 1, success: false })));
    expect(allRight).toBe(LEVEL_GRID_MAX);
    expect(allWrong).toBe(LEVEL_GRID_MIN);
  });

  it('[SR-4] the estimate is the grid level of highest likelihood', () => {
    const outcomes: Outcome[] = [
      { difficulty: 2, success: true },
      { difficulty: 3, success: true },
      { difficulty: 4, success: false },
      { difficulty: 3, success: false },
    ];
    const logLikelihood = (level: number): number =>
      [{ difficulty: 0, success: true }, { difficulty: 7, success: false }, ...outcomes].reduce((sum, o) => {
        const p = successProbability(level, o.difficulty);
        return sum + Math.log(o.success ? p : 1 - p);
      }, 0);
    const grid = Array.from({ length: 15 }, (_, k) => 0.5 + k / 2);
    const best = grid.reduce((a, b) => (logLikelihood(b) > logLikelihood(a) ? b : a));
    expect(estimateLevel(outcomes)).toBe(best);
  });

  it('[SR-4] property: turning a failure into a success never lowers the estimate', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ difficulty: fc.integer({ min: 1, max: 8 }), success: fc.boolean() }), { minLength: 1, maxLength: 20 }), fc.nat(), (outcomes, at) => {
        const i = at % outcomes.length;
        const better = outcomes.map((o, j) => (j === i ? { ...o, success: true } : o));
        expect(estimateLevel(better)).toBeGreaterThanOrEqual(estimateLevel(outcomes));
      }),
    );
  });

  it('[SR-7] expected settled = p × untested at or below + (1 − p) × untested at or above', () => {
    expect(expectedSettled(3, [1, 2, 3, 4, 5], 0.5)).toBe(0.5 * 3 + 0.5 * 3);
    expect(expectedSettled(4, [3, 4, 5, 6], 0.8)).toBeCloseTo(0.8 * 2 + 0.2 * 3, 12);
    expect(expectedSettled(2, [2], 0.1)).toBeCloseTo(1, 12);
  });
});
