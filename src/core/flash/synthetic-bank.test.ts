import { describe, expect, it } from 'vitest';
import { COMPETENCE_IDS } from '../referential.ts';
import { REFERENCE_BANK, syntheticBank } from './synthetic-bank.ts';

describe('synthetic bank', () => {
  const items = syntheticBank(REFERENCE_BANK);

  it('has the reference shape: 300 items over 16 competences × 5 tubes, a in [0.8, 2.0]', () => {
    expect(items).toHaveLength(300);
    expect(new Set(items.map((i) => i.tubeId)).size).toBe(80);
    expect(new Set(items.map((i) => i.competenceId))).toEqual(new Set(COMPETENCE_IDS));
    expect(items.every((i) => i.a >= 0.8 && i.a <= 2)).toBe(true);
  });

  it('draws b with mean ≈ 0 and SD ≈ 1.2', () => {
    const mean = items.reduce((s, i) => s + i.b, 0) / items.length;
    const sd = Math.sqrt(items.reduce((s, i) => s + (i.b - mean) ** 2, 0) / items.length);
    // Sampling error over 300 draws: SE(mean) ≈ 0.07, SE(sd) ≈ 0.05.
    expect(Math.abs(mean)).toBeLessThan(0.25);
    expect(Math.abs(sd - 1.2)).toBeLessThan(0.2);
  });

  it('is deterministic given its seed', () => {
    expect(syntheticBank(REFERENCE_BANK)).toEqual(items);
    expect(syntheticBank({ ...REFERENCE_BANK, seed: 'other' })).not.toEqual(items);
  });
});
