/**
 * The two-parameter logistic (2PL) item response model used by certification (DOMAIN.md, "Flash").
 * θ (capacity) and b (difficulty) are on the same logit scale; a (discrimination) is a slope > 0.
 */

/** Probability of a correct answer: P(θ) = 1 / (1 + e^(a(b − θ))). */
export function probabilityCorrect(theta: number, a: number, b: number): number {
  return 1 / (1 + Math.exp(a * (b - theta)));
}

/** Fisher information of one item at θ: a² P(θ)(1 − P(θ)); its maximum, a²/4, is reached at θ = b. */
export function itemInformation(theta: number, a: number, b: number): number {
  const p = probabilityCorrect(theta, a, b);
  return a * a * p * (1 - p);
}

/**
 * Parameters the algorithm accepts: 0 < a ≤ 10 and |b| ≤ 10. Calibrated banks stay far inside (a ≈ 0.5–3,
 * |b| ≤ 4); the bounds keep every probability on the estimation grid above 1e−80, so no posterior can
 * underflow to zero everywhere.
 */
export const MAX_DISCRIMINATION = 10;
export const MAX_ABS_DIFFICULTY = 10;

export function isSupportedItem(a: number, b: number): boolean {
  return a > 0 && a <= MAX_DISCRIMINATION && Math.abs(b) <= MAX_ABS_DIFFICULTY;
}
