/**
 * IRT parameters of a challenge before any calibration (content/FORMAT.md, "Default IRT parameters"):
 * b = 0.75 × (level − 3), so level 3 is the median student; a grows with how little guessing helps.
 */
import type { ChallengeType } from './types.ts';

/** Logits of difficulty per level step. */
const DIFFICULTY_PER_LEVEL = 0.75;
const MEDIAN_LEVEL = 3;

const DEFAULT_DISCRIMINATION: Readonly<Record<ChallengeType, number>> = {
  QCU: 1.2,
  QCM: 1.4,
  QROC: 1.6,
  'QROCM-ind': 1.6,
  'QROCM-dep': 1.6,
};

export function defaultIrt(type: ChallengeType, level: number): { a: number; b: number } {
  return { a: DEFAULT_DISCRIMINATION[type], b: DIFFICULTY_PER_LEVEL * (level - MEDIAN_LEVEL) };
}
