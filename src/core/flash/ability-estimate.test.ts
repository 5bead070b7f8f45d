import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateAbility } from './ability-estimate.ts';
import type { ScoredResponse } from './ability-estimate.ts';
import { probabilityCorrect } from './irt.ts';

const response = fc.record({
  a: fc.double({ min: 0.3, max: 3, noNaN: true }),
  b: fc.double({ min: -3, max: 3, noNaN: true }),
  correct: fc.boolean(),
});

/** The posterior mean and SD by brute-force integration on a fine grid: the reference for the EAP grid. */
function integrate(responses: readonly ScoredResponse[]): { mean: number; sd: number } {
  let total = 0;
  let first = 0;
  let second = 0;
  for (let theta = -8; theta <= 8; theta += 0.001) {
    let weight = Math.exp(-0.5 * theta * theta);
    for (const r of responses) {
      const p = probabilityCorrect(theta, r.a, r.b);
      weight *= r.correct ? p : 1 - p;
    }
    total += weight;
    first += weight * theta;
    second += weight * theta * theta;
  }
  const mean = first / total;
  return { mean, sd: Math.sqrt(second / total - mean * mean) };
}

describe('EAP capacity estimate', () => {
  it('[FLASH-12] is the N(0, 1) prior before any answer', () => {
    const { estimate, sem } = estimateAbility([]);
    expect(estimate).toBeCloseTo(0, 6);
    expect(sem).toBeCloseTo(1, 2);
  });

  it('[FLASH-12] agrees with a fine numerical integration of the posterior', () => {
    fc.assert(
      fc.property(fc.array(response, { maxLength: 40 }), (responses) => {
        const reference = integrate(responses);
        const { estimate, sem } = estimateAbility(responses);
        expect(Math.abs(estimate - reference.mean)).toBeLessThan(1e-3);
        expect(Math.abs(sem - reference.sd)).toBeLessThan(1e-3);
      }),
      { numRuns: 30 },
    );
  });

  it('[FLASH-12] does not depend on the order of the answers', () => {
    fc.assert(
      fc.property(fc.array(response, { minLength: 1, maxLength: 32 }), (responses) => {
        const forward = estimateAbility(responses);
        const backward = estimateAbility([...responses].reverse());
        expect(backward.estimate).toBeCloseTo(forward.estimate, 9);
        expect(backward.sem).toBeCloseTo(forward.sem, 9);
      }),
    );
  });

  it('[FLASH-12] is monotone: turning a failure into a success never lowers the estimate', () => {
    fc.assert(
      fc.property(fc.array(response, { minLength: 1, maxLength: 32 }), fc.nat(), (responses, pick) => {
        const k = pick % responses.length;
        const failed = responses.map((r, i) => (i === k ? { ...r, correct: false } : r));
        const passed = responses.map((r, i) => (i === k ? { ...r, correct: true } : r));
        expect(estimateAbility(passed).estimate).toBeGreaterThan(estimateAbility(failed).estimate);
      }),
    );
  });

  it('[FLASH-12] stays finite and inside the grid for all-correct and all-wrong tests of extreme items', () => {
    const hard = Array.from({ length: 64 }, () => ({ a: 10, b: 10, correct: true }));
    const easy = Array.from({ length: 64 }, () => ({ a: 10, b: -10, correct: false }));
    for (const responses of [hard, easy]) {
      const { estimate, sem } = estimateAbility(responses);
      expect(Number.isFinite(estimate) && Math.abs(estimate) <= 6).toBe(true);
      expect(Number.isFinite(sem)).toBe(true);
    }
  });

  it('rejects item parameters outside the supported range', () => {
    expect(() => estimateAbility([{ a: 0, b: 0, correct: true }])).toThrow(RangeError);
    expect(() => estimateAbility([{ a: 1, b: 50, correct: true }])).toThrow(RangeError);
  });
});
