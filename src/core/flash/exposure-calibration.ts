/**
 * Sympson–Hetter calibration of the eligibility parameters K ([FLASH-11]). Exposure must be controlled
 * without sharing state between lab machines, so K is computed ahead of time by simulation
 * (`npm run cat -- calibrate`) and shipped with the bank; at test time each item is eligible for a
 * candidate with probability K (eligibility.ts).
 *
 * Each round simulates examinees with capacities ~ N(0, 1) under the current K and counts, per item, the
 * share of examinees for whom it was "selected": given, or passed over because ineligible while it
 * outranked the item given. With P(S) that share, the item's exposure is K × P(S), so
 * K ← min(1, target / P(S)) brings every item to the target or below (Sympson & Hetter, 1985).
 */
import { createRandom, normal } from '../random.ts';
import { createFlashBank } from './flash-bank.ts';
import type { FlashItem } from './flash-item.ts';
import { examineeSeed, simulateTest } from './simulate.ts';

export interface CalibrationOptions {
  /** Highest exposure rate aimed at, in (0, 1]; below the limit to leave room for sampling noise. */
  target: number;
  /** Simulated examinees per round. */
  examinees: number;
  rounds: number;
  length: number;
  seed: string;
  online?: boolean;
}

/**
 * Default calibration: aims at 20 % so that a 25 % limit holds with a margin of about three binomial
 * standard deviations over 1,000 examinees (√(0.25 × 0.75 / 1000) ≈ 1.4 %).
 */
export const DEFAULT_CALIBRATION: CalibrationOptions = {
  target: 0.2,
  examinees: 2000,
  rounds: 12,
  length: 32,
  seed: 'flash-exposure-calibration',
};

export interface CalibrationRound {
  /** Highest exposure rate seen in the round's simulation (before its K update). */
  maxExposure: number;
}

export interface CalibrationResult {
  /** K per item id, rounded to 4 decimals (the form shipped with a bank). */
  eligibility: Record<string, number>;
  rounds: CalibrationRound[];
}

/** Calibrate K for `items` (their own `eligibility` fields are ignored: calibration starts at K = 1). */
export function calibrateExposure(items: readonly FlashItem[], options: CalibrationOptions = DEFAULT_CALIBRATION): CalibrationResult {
  if (!(options.target > 0 && options.target <= 1)) throw new RangeError('target must be in (0, 1]');
  let k = new Float64Array(items.length).fill(1);
  const rounds: CalibrationRound[] = [];
  const selected = new Uint32Array(items.length);
  const given = new Uint32Array(items.length);
  const seenThisTest = new Int32Array(items.length).fill(-1);

  for (let round = 0; round < options.rounds; round++) {
    const bank = createFlashBank(items.map((item, i) => ({ ...item, eligibility: k[i] ?? 1 })));
    selected.fill(0);
    given.fill(0);
    seenThisTest.fill(-1);
    const thetas = createRandom(`${options.seed}:round-${round}:thetas`);
    for (let e = 0; e < options.examinees; e++) {
      const passedOver: number[] = [];
      const candidateSeed = examineeSeed(`${options.seed}:round-${round}`, e);
      const { state } = simulateTest(bank, normal(thetas), {
        length: options.length,
        candidateSeed,
        responses: createRandom(`${candidateSeed}:responses`),
        online: options.online,
        passedOver,
      });
      // An item counts once per examinee, however many times it was passed over.
      for (const i of [...state.administered, ...passedOver]) {
        if (seenThisTest[i] === e) continue;
        seenThisTest[i] = e;
        selected[i] = (selected[i] ?? 0) + 1;
      }
      for (const i of state.administered) given[i] = (given[i] ?? 0) + 1;
    }
    let maxExposure = 0;
    for (const count of given) maxExposure = Math.max(maxExposure, count / options.examinees);
    rounds.push({ maxExposure });
    k = k.map((_, i) => {
      const pSelected = (selected[i] ?? 0) / options.examinees;
      return pSelected > options.target ? options.target / pSelected : 1;
    });
  }

  const eligibility: Record<string, number> = {};
  items.forEach((item, i) => {
    eligibility[item.id] = Math.max(1e-4, Math.round((k[i] ?? 1) * 1e4) / 1e4);
  });
  return { eligibility, rounds };
}
