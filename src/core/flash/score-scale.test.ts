import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { levelFromCapacity, levelThreshold, MAX_CERTIFICATION_SCORE, SCORE_INTERVALS, scoreFromCapacity } from './score-scale.ts';

describe('score scale', () => {
  it('[FLASH-17] scores 0 … 895 and never decreases with the capacity', () => {
    fc.assert(
      fc.property(fc.double({ min: -20, max: 20, noNaN: true }), fc.double({ min: 0, max: 5, noNaN: true }), (capacity, gain) => {
        const score = scoreFromCapacity(capacity);
        expect(Number.isInteger(score)).toBe(true);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(MAX_CERTIFICATION_SCORE);
        expect(scoreFromCapacity(capacity + gain)).toBeGreaterThanOrEqual(score);
      }),
    );
  });

  it('[FLASH-17] has contiguous intervals whose bands add up to 896 points', () => {
    SCORE_INTERVALS.forEach((interval, k) => {
      const next = SCORE_INTERVALS[k + 1];
      if (next) {
        expect(next.from).toBe(interval.to);
        expect(next.scoreFrom).toBe(interval.scoreTo);
      }
    });
    expect(SCORE_INTERVALS.at(-1)?.scoreTo).toBe(MAX_CERTIFICATION_SCORE + 1);
    expect(SCORE_INTERVALS.map((i) => i.scoreTo - i.scoreFrom)).toEqual([64, 64, 128, 128, 128, 128, 128, 128]);
  });

  it('[FLASH-17] starts level ℓ at 0.75 × (ℓ − 3), the default difficulty of level-ℓ skills', () => {
    expect(levelThreshold(3)).toBe(0);
    expect(levelThreshold(1)).toBe(-1.5);
    expect(levelThreshold(7)).toBe(3);
    for (let level = 1; level <= 7; level++) {
      expect(levelFromCapacity(levelThreshold(level))).toBe(level);
      expect(levelFromCapacity(levelThreshold(level) - 1e-9)).toBe(level - 1);
      const band = SCORE_INTERVALS.find((i) => i.level === level);
      expect(scoreFromCapacity(levelThreshold(level))).toBe(band?.scoreFrom);
    }
  });

  it('[FLASH-17] gives 0 below the scale, 895 above it, and 0 to a capacity that is not a number', () => {
    expect(scoreFromCapacity(-3.5)).toBe(0);
    expect(scoreFromCapacity(4.5)).toBe(895);
    expect(scoreFromCapacity(9)).toBe(895);
    expect(scoreFromCapacity(Number.NaN)).toBe(0);
  });

  it('[FLASH-18] levels run 0 … 7 and agree with the score band', () => {
    fc.assert(
      fc.property(fc.double({ min: -3, max: 4.49, noNaN: true }), (capacity) => {
        const level = levelFromCapacity(capacity);
        const band = SCORE_INTERVALS.find((i) => i.level === level);
        const score = scoreFromCapacity(capacity);
        expect(band && score >= band.scoreFrom && score < band.scoreTo).toBe(true);
      }),
    );
    expect(levelFromCapacity(-9)).toBe(0);
    expect(levelFromCapacity(9)).toBe(7);
  });
});
