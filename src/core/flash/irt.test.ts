import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSupportedItem, itemInformation, probabilityCorrect } from './irt.ts';

describe('2PL model', () => {
  it('gives one chance in two at θ = b, more above, less below', () => {
    expect(probabilityCorrect(0.7, 1.4, 0.7)).toBeCloseTo(0.5, 12);
    expect(probabilityCorrect(1.7, 1.4, 0.7)).toBeGreaterThan(0.5);
    expect(probabilityCorrect(-0.3, 1.4, 0.7)).toBeLessThan(0.5);
  });

  it('matches P(θ) = 1 / (1 + e^(a(b − θ)))', () => {
    expect(probabilityCorrect(1, 2, 0)).toBeCloseTo(1 / (1 + Math.exp(-2)), 12);
  });

  it('has its information a²p(1 − p), highest (a²/4) at θ = b', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.2, max: 3, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: -4, max: 4, noNaN: true }), (a, b, theta) => {
        const p = probabilityCorrect(theta, a, b);
        expect(itemInformation(theta, a, b)).toBeCloseTo(a * a * p * (1 - p), 12);
        expect(itemInformation(theta, a, b)).toBeLessThanOrEqual(itemInformation(b, a, b) + 1e-12);
        expect(itemInformation(b, a, b)).toBeCloseTo((a * a) / 4, 12);
      }),
    );
  });

  it('[FLASH-1] supports 0 < a ≤ 10 and |b| ≤ 10 only', () => {
    expect(isSupportedItem(1, 0)).toBe(true);
    expect(isSupportedItem(10, -10)).toBe(true);
    expect(isSupportedItem(0, 0)).toBe(false);
    expect(isSupportedItem(10.5, 0)).toBe(false);
    expect(isSupportedItem(1, 11)).toBe(false);
    expect(isSupportedItem(Number.NaN, 0)).toBe(false);
  });
});
