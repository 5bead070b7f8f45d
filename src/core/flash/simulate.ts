/**
 * Simulated examinees for the people who calibrate banks (`npm run cat -- simulate`) and for the
 * benchmarks: each examinee has a true capacity, answers each item the algorithm chooses with the 2PL
 * probability, and gets the same selection and estimator as a real candidate ([FLASH-15]).
 */
import { createRandom } from '../random.ts';
import type { Random } from '../random.ts';
import type { FlashBank } from './flash-bank.ts';
import { FlashTestState } from './flash-test-state.ts';
import { probabilityCorrect } from './irt.ts';
import { selectNextItem } from './select-item.ts';

export interface SimulatedExaminee {
  /** True capacity (logits). */
  theta: number;
  /** Final EAP estimate (logits). */
  estimate: number;
  /** Final posterior SD (logits). */
  sem: number;
  /** Ids of the items given, in order. */
  items: string[];
}

export interface SimulationOptions {
  /** Items per test (32 in certification). */
  length: number;
  /** Run seed: examinee k uses the candidate seed `${seed}#${k}` and its own response stream. */
  seed: string;
  /** Items needing the Internet may be given (default false, like a lab offline). */
  online?: boolean;
}

/** Seed of examinee `k` in a run: the candidate seed its eligibility draws come from. */
export function examineeSeed(seed: string, k: number): string {
  return `${seed}#${k}`;
}

/**
 * One simulated test. `passedOver`, when given, receives the items that outranked a chosen item but were
 * not eligible (the calibration counts them).
 */
export function simulateTest(
  bank: FlashBank,
  theta: number,
  options: { length: number; candidateSeed: string; responses: Random; online?: boolean; passedOver?: number[] },
): { state: FlashTestState } {
  const state = new FlashTestState(bank, options.candidateSeed);
  const selection = { online: options.online ?? false, passedOver: options.passedOver };
  for (let step = 0; step < options.length; step++) {
    const index = selectNextItem(state, selection);
    if (index < 0) break;
    const correct = options.responses.next() < probabilityCorrect(theta, bank.a[index] ?? 0, bank.b[index] ?? 0);
    state.record(index, correct);
  }
  return { state };
}

/** Simulate one test per true capacity in `thetas`. Deterministic given the bank, thetas and options. */
export function simulateExaminees(bank: FlashBank, thetas: readonly number[], options: SimulationOptions): SimulatedExaminee[] {
  return thetas.map((theta, k) => {
    const candidateSeed = examineeSeed(options.seed, k);
    const { state } = simulateTest(bank, theta, {
      length: options.length,
      candidateSeed,
      responses: createRandom(`${candidateSeed}:responses`),
      online: options.online,
    });
    const { estimate, sem } = state.estimate();
    return { theta, estimate, sem, items: state.administered.map((i) => bank.items[i]?.id ?? '') };
  });
}
