/**
 * The learner's level as smart random sees it ([SR-4]): the level on a 0.5 … 7.5 grid (steps of 0.5) that
 * best explains the direct answers, i.e. maximises their likelihood under the logistic model
 * P(success) = 1 / (1 + e^−(level − difficulty)). A virtual success at difficulty 0 and a virtual failure at
 * difficulty 7 keep the estimate finite when every answer so far is right, or wrong.
 */

export const LEVEL_GRID_MIN = 0.5;
export const LEVEL_GRID_MAX = 7.5;
export const LEVEL_GRID_STEP = 0.5;
export const VIRTUAL_SUCCESS_DIFFICULTY = 0;
export const VIRTUAL_FAILURE_DIFFICULTY = 7;

export interface Outcome {
  /** The skill's level, 1–8. */
  difficulty: number;
  success: boolean;
}

/** [SR-4] P(success) of a learner at `level` on a skill of `difficulty`. */
export function successProbability(level: number, difficulty: number): number {
  return 1 / (1 + Math.exp(-(level - difficulty)));
}

/** The grid level of highest likelihood; on a tie, the lower level (the cautious reading). */
export function estimateLevel(outcomes: readonly Outcome[]): number {
  // Outcomes grouped by (difficulty, success): a long test costs 15 × (distinct difficulties) terms, not 15 × answers.
  const counts = new Map<number, { successes: number; failures: number }>();
  const add = (difficulty: number, success: boolean): void => {
    const entry = counts.get(difficulty) ?? { successes: 0, failures: 0 };
    if (success) entry.successes++;
    else entry.failures++;
    counts.set(difficulty, entry);
  };
  add(VIRTUAL_SUCCESS_DIFFICULTY, true);
  add(VIRTUAL_FAILURE_DIFFICULTY, false);
  for (const { difficulty, success } of outcomes) add(difficulty, success);

  const steps = Math.round((LEVEL_GRID_MAX - LEVEL_GRID_MIN) / LEVEL_GRID_STEP);
  let best = LEVEL_GRID_MIN;
  let bestLogLikelihood = Number.NEGATIVE_INFINITY;
  for (let k = 0; k <= steps; k++) {
    // Integer steps, so the grid has no accumulated float drift (0.5, 1, 1.5 … exactly).
    const level = LEVEL_GRID_MIN + k * LEVEL_GRID_STEP;
    let logLikelihood = 0;
    for (const [difficulty, { successes, failures }] of counts) {
      const x = level - difficulty;
      // log p = −log(1 + e^−x) and log(1 − p) = −log(1 + e^x), written so neither underflows to log(0).
      if (successes > 0) logLikelihood -= successes * softplus(-x);
      if (failures > 0) logLikelihood -= failures * softplus(x);
    }
    if (logLikelihood > bestLogLikelihood + 1e-12) {
      bestLogLikelihood = logLikelihood;
      best = level;
    }
  }
  return best;
}

/** log(1 + e^x), stable for large |x|. */
function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}
