import { describe, expect, it } from 'vitest';
import { createRandom, normal } from '../random.ts';
import { checkBlueprint } from './blueprint-check.ts';
import { createFlashBank } from './flash-bank.ts';
import { simulateExaminees } from './simulate.ts';
import { simulationMetrics } from './simulation-metrics.ts';
import { REFERENCE_BANK, syntheticBank } from './synthetic-bank.ts';

const items = syntheticBank(REFERENCE_BANK);
const bank = createFlashBank(items);
const byId = new Map(items.map((item) => [item.id, item]));

describe('simulated examinees', () => {
  it('[FLASH-15] is deterministic given the bank, the abilities and the seed', () => {
    const thetas = [-1, 0, 1.5];
    const first = simulateExaminees(bank, thetas, { length: 32, seed: 'run' });
    expect(simulateExaminees(bank, thetas, { length: 32, seed: 'run' })).toEqual(first);
    expect(simulateExaminees(bank, thetas, { length: 32, seed: 'other' })).not.toEqual(first);
    expect(first.map((e) => e.theta)).toEqual(thetas);
  });

  it('[FLASH-15] runs the certification blueprint for the length asked', () => {
    const examinees = simulateExaminees(bank, [-2, -0.5, 0, 0.7, 2.2], { length: 32, seed: 'blueprint' });
    for (const examinee of examinees) {
      const asked = examinee.items.map((id) => byId.get(id)).filter((item) => item !== undefined);
      expect(asked).toHaveLength(32);
      expect(checkBlueprint(asked)).toEqual([]);
    }
    expect(simulateExaminees(bank, [0], { length: 5, seed: 'short' })[0]?.items).toHaveLength(5);
  });

  it('[FLASH-15] recovers simulated abilities: error of the size of the SEM, estimates rising with θ', () => {
    const random = createRandom('abilities');
    const thetas = Array.from({ length: 200 }, () => normal(random));
    const examinees = simulateExaminees(bank, thetas, { length: 32, seed: 'precision' });
    const metrics = simulationMetrics(examinees, items.length);
    // A 32-item test on this bank carries information ≈ 20–25 near θ = 0: SEM ≈ 0.2, so RMSE well under 0.35.
    expect(metrics.rmse).toBeLessThan(0.35);
    expect(Math.abs(metrics.rmse - metrics.meanSem)).toBeLessThan(0.08);
    const low = examinees.filter((e) => e.theta < -1).map((e) => e.estimate);
    const high = examinees.filter((e) => e.theta > 1).map((e) => e.estimate);
    expect(Math.max(...low)).toBeLessThan(Math.min(...high));
  });
});
