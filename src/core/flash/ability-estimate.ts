/**
 * The capacity estimator: expected a posteriori (EAP) on a fixed grid with a Gaussian prior, and the
 * posterior standard deviation as the standard error of measurement (SEM). Chosen over Pix's drifting
 * prior with a per-answer cap by simulation (docs/adr/0002-flash-estimator-and-exposure-control.md).
 */
import { isSupportedItem } from './irt.ts';

/** One scored answer on a 2PL item. */
export interface ScoredResponse {
  a: number;
  b: number;
  correct: boolean;
}

export interface AbilityEstimate {
  /** Posterior mean of θ (logits). */
  estimate: number;
  /** Posterior standard deviation of θ (logits): the standard error of measurement. */
  sem: number;
}

export interface GaussianPrior {
  mean: number;
  sd: number;
}

/** The population the scale is anchored on: capacities ~ N(0, 1) (b is on the same scale). */
export const STANDARD_PRIOR: GaussianPrior = { mean: 0, sd: 1 };

/**
 * Quadrature grid (logits): −6 … 6 by 0.1. Wide enough that no posterior mass is cut off in practice;
 * the spacing is under half the smallest posterior SD of a 32-item test (≈ 0.2), where sums over a grid
 * of a near-Gaussian density are already exact to far below the reported precision.
 */
export const GRID_MIN = -6;
export const GRID_MAX = 6;
export const GRID_STEP = 0.1;
const GRID_SIZE = Math.round((GRID_MAX - GRID_MIN) / GRID_STEP) + 1;
const GRID: Float64Array = Float64Array.from({ length: GRID_SIZE }, (_, k) => GRID_MIN + k * GRID_STEP);

/**
 * A posterior density on the grid, updated one answer at a time: the simulator and the replay of an
 * answer log both add answers in order, so neither re-evaluates earlier answers. The density is kept
 * scaled so that its largest value is 1: no underflow however many answers, and one exponential per grid
 * point and answer.
 */
export class Posterior {
  private readonly density: Float64Array;

  constructor(prior: GaussianPrior = STANDARD_PRIOR) {
    if (!(prior.sd > 0) || !Number.isFinite(prior.mean)) throw new RangeError('prior needs a finite mean and sd > 0');
    const logPrior = GRID.map((theta) => -0.5 * ((theta - prior.mean) / prior.sd) ** 2);
    const top = Math.max(...logPrior);
    this.density = logPrior.map((value) => Math.exp(value - top));
  }

  add(response: ScoredResponse): void {
    const { a, b, correct } = response;
    if (!isSupportedItem(a, b)) throw new RangeError(`item parameters out of range: a=${a}, b=${b}`);
    const { density } = this;
    let top = 0;
    for (let k = 0; k < GRID_SIZE; k++) {
      const z = a * (b - (GRID[k] ?? 0));
      // P(correct) = 1/(1 + e^z), P(wrong) = 1/(1 + e^−z): each without subtracting from 1.
      const value = (density[k] ?? 0) / (1 + Math.exp(correct ? z : -z));
      density[k] = value;
      if (value > top) top = value;
    }
    // With a ≤ 10 and |b| ≤ 10 every factor is > 1e−80, so top > 0.
    const scale = 1 / top;
    for (let k = 0; k < GRID_SIZE; k++) density[k] = (density[k] ?? 0) * scale;
  }

  summary(): AbilityEstimate {
    let total = 0;
    let first = 0;
    let second = 0;
    for (let k = 0; k < GRID_SIZE; k++) {
      const theta = GRID[k] ?? 0;
      const weight = this.density[k] ?? 0;
      total += weight;
      first += weight * theta;
      second += weight * theta * theta;
    }
    const estimate = first / total;
    const variance = Math.max(0, second / total - estimate * estimate);
    return { estimate, sem: Math.sqrt(variance) };
  }
}

/** EAP estimate and SEM of the capacity from scored answers (order does not matter). */
export function estimateAbility(responses: readonly ScoredResponse[], prior: GaussianPrior = STANDARD_PRIOR): AbilityEstimate {
  const posterior = new Posterior(prior);
  for (const response of responses) posterior.add(response);
  return posterior.summary();
}
