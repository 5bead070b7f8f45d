import { describe, expect, it } from 'vitest';
import { hashSeed } from '../random.ts';
import { eligibilityDraw, isEligible } from './eligibility.ts';
import { createFlashBank } from './flash-bank.ts';

describe('per-candidate eligibility', () => {
  const bank = createFlashBank(
    Array.from({ length: 40 }, (_, i) => ({ id: `c${i}`, a: 1, b: 0, competenceId: '1.1' as const, tubeId: `@t${i}`, eligibility: 0.3 })),
  );

  it('[FLASH-10] draws numbers in [0, 1) fixed by the seed and the item id', () => {
    const draw = eligibilityDraw(hashSeed('assessment-1'), hashSeed('c1'));
    expect(draw).toBeGreaterThanOrEqual(0);
    expect(draw).toBeLessThan(1);
    expect(eligibilityDraw(hashSeed('assessment-1'), hashSeed('c1'))).toBe(draw);
    expect(eligibilityDraw(hashSeed('assessment-2'), hashSeed('c1'))).not.toBe(draw);
  });

  it('[FLASH-10] makes an item eligible for a share K of candidates', () => {
    const candidates = 4000;
    for (const index of [0, 7, 39]) {
      let eligible = 0;
      for (let k = 0; k < candidates; k++) if (isEligible(bank, index, hashSeed(`assessment-${k}`))) eligible++;
      // Binomial SD at K = 0.3 over 4,000 candidates ≈ 0.007: 0.03 is over four of them.
      expect(Math.abs(eligible / candidates - 0.3)).toBeLessThan(0.03);
    }
  });

  it('[FLASH-10] draws independently across items for one candidate', () => {
    let both = 0;
    let first = 0;
    const seeds = 4000;
    for (let k = 0; k < seeds; k++) {
      const seedHash = hashSeed(`assessment-${k}`);
      const one = isEligible(bank, 0, seedHash);
      if (one) first++;
      if (one && isEligible(bank, 1, seedHash)) both++;
    }
    expect(Math.abs(both / first - 0.3)).toBeLessThan(0.06);
  });

  it('[FLASH-10] always lets an item with K = 1 through', () => {
    const open = createFlashBank([{ id: 'c', a: 1, b: 0, competenceId: '1.1', tubeId: '@t' }]);
    for (let k = 0; k < 100; k++) expect(isEligible(open, 0, hashSeed(`s${k}`))).toBe(true);
  });
});
