import { describe, expect, it } from 'vitest';
import { createRandom, normal } from '../random.ts';
import { calibrateExposure } from './exposure-calibration.ts';
import { createFlashBank } from './flash-bank.ts';
import type { FlashItem } from './flash-item.ts';
import { simulateExaminees } from './simulate.ts';
import { simulationMetrics } from './simulation-metrics.ts';
import { syntheticBank } from './synthetic-bank.ts';

const items = syntheticBank({ items: 192, tubesPerCompetence: 4, bSd: 1.2, aMin: 0.8, aMax: 2, seed: 'small-bank' });
const settings = { target: 0.3, examinees: 300, rounds: 6, length: 20, seed: 'calibration-test' };

function maxExposure(bankItems: readonly FlashItem[]): number {
  const random = createRandom('evaluation');
  const thetas = Array.from({ length: 400 }, () => normal(random));
  return simulationMetrics(simulateExaminees(createFlashBank(bankItems), thetas, { length: 20, seed: 'evaluation' }), bankItems.length).maxExposure;
}

describe('Sympson–Hetter calibration', () => {
  const result = calibrateExposure(items, settings);

  it('[FLASH-11] gives every item a K in (0, 1], lowering it only for items chosen too often', () => {
    expect(Object.keys(result.eligibility)).toEqual(items.map((item) => item.id));
    const values = Object.values(result.eligibility);
    for (const k of values) {
      expect(k).toBeGreaterThan(0);
      expect(k).toBeLessThanOrEqual(1);
    }
    expect(values.some((k) => k < 1)).toBe(true);
    expect(values.some((k) => k === 1)).toBe(true);
  });

  it('[FLASH-11] brings the highest exposure from everyone down to near the target', () => {
    const uncontrolled = maxExposure(items);
    const controlled = maxExposure(items.map((item) => ({ ...item, eligibility: result.eligibility[item.id] })));
    expect(uncontrolled).toBeGreaterThan(0.9);
    // 400 examinees: binomial SD at 0.3 ≈ 0.023; the margin covers the maximum over many items.
    expect(controlled).toBeLessThan(settings.target + 0.08);
    expect(result.rounds[0]?.maxExposure).toBeGreaterThan(result.rounds.at(-1)?.maxExposure ?? 1);
  });

  it('[FLASH-11] is deterministic given its seed, and ignores the K the items already carry', () => {
    const again = calibrateExposure(items.map((item) => ({ ...item, eligibility: 0.5 })), settings);
    expect(again).toEqual(result);
  });
});
