/**
 * From capacity (logits) to the certification score 0–895 and a level, by fixed intervals ([FLASH-17]).
 *
 * Level ℓ starts at the capacity 0.75 × (ℓ − 3): the difficulty FORMAT.md gives by default to a skill of
 * level ℓ, so a candidate holds level ℓ when they would succeed at least half the time on level-ℓ
 * challenges. Each interval maps linearly onto its score band: 64 points for the band below level 1
 * and for level 1, then 128 per level up to level 7 (64 + 64 + 6 × 128 = 896 points, 0 … 895).
 * Capacities below the first interval score 0, above the last 895.
 */

export interface ScoreInterval {
  /** Level held in this interval (0: below level 1). */
  level: number;
  /** Capacity interval [from, to) in logits. */
  from: number;
  to: number;
  /** Score band [scoreFrom, scoreTo). */
  scoreFrom: number;
  scoreTo: number;
}

export const MAX_CERTIFICATION_SCORE = 895;
/** Highest level certification can award. */
export const MAX_CERTIFICATION_LEVEL = 7;

/** Capacity at which level ℓ (1 … 7) starts. */
export function levelThreshold(level: number): number {
  return 0.75 * (level - 3);
}

export const SCORE_INTERVALS: readonly ScoreInterval[] = [
  { level: 0, from: -3, to: levelThreshold(1), scoreFrom: 0, scoreTo: 64 },
  { level: 1, from: levelThreshold(1), to: levelThreshold(2), scoreFrom: 64, scoreTo: 128 },
  ...[2, 3, 4, 5, 6, 7].map((level) => ({
    level,
    from: levelThreshold(level),
    // The top interval is as wide as the others: 4.5 logits earns the full score.
    to: level < MAX_CERTIFICATION_LEVEL ? levelThreshold(level + 1) : levelThreshold(level + 2),
    scoreFrom: 128 * (level - 1),
    scoreTo: 128 * level,
  })),
];

/** Score 0 … 895 of a capacity: linear inside its interval, floored. Non-decreasing in the capacity. */
export function scoreFromCapacity(capacity: number): number {
  const first = SCORE_INTERVALS[0];
  if (!first || !(capacity >= first.from)) return 0; // also NaN → 0
  for (const interval of SCORE_INTERVALS) {
    if (capacity < interval.to) {
      const share = (capacity - interval.from) / (interval.to - interval.from);
      const score = Math.floor(interval.scoreFrom + share * (interval.scoreTo - interval.scoreFrom));
      // A capacity a rounding error below a threshold must not reach the next band's first score.
      return Math.min(score, interval.scoreTo - 1);
    }
  }
  return MAX_CERTIFICATION_SCORE;
}

/** Level 0 … 7 of a capacity: the number of level thresholds it reaches. */
export function levelFromCapacity(capacity: number): number {
  let level = 0;
  while (level < MAX_CERTIFICATION_LEVEL && capacity >= levelThreshold(level + 1)) level++;
  return level;
}
