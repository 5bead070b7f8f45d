/**
 * Which skills may come next ([SR-2] … [SR-8]): the tie set the seeded pick chooses from, or an empty list when
 * the test is over.
 */
import type { Candidate, SkillChoice, TargetView } from './candidates.ts';
import { prefer, preferUntimed } from './candidates.ts';
import { successProbability } from './estimate-level.ts';
import { expectedSettled } from './expected-settled.ts';

/** A first challenge comes from a tube whose hardest target skill is at most this level. */
export const EASY_TUBE_MAX_LEVEL = 3;
/** The first challenge's level, or the nearest one. */
export const FIRST_CHALLENGE_LEVEL = 2;
/** Skills more than this many levels above the estimate are not asked. */
export const MAX_LEVELS_ABOVE_ESTIMATE = 2;
/** Expected gains closer than this are a tie (float noise must not break ties, the seeded pick does). */
const GAIN_TIE_EPSILON = 1e-9;

/**
 * [SR-2], [SR-3] First challenge: prefer easy tubes, then untimed challenges, then level 2 (else the nearest
 * level, the lower one on a tie). Each preference applies only when something satisfies it.
 */
export function firstSkills(view: TargetView): SkillChoice {
  const easy = prefer(view.candidates, (c) => (view.maxTargetLevelByTube.get(c.skill.tubeId) ?? 0) <= EASY_TUBE_MAX_LEVEL);
  const { skills, untimedOnly } = preferUntimed(view, easy);
  const distance = (c: Candidate): number => Math.abs(c.skill.level - FIRST_CHALLENGE_LEVEL);
  const nearest = Math.min(...skills.map(distance));
  const atNearest = skills.filter((c) => distance(c) === nearest);
  const lowest = Math.min(...atNearest.map((c) => c.skill.level));
  return { skills: atNearest.filter((c) => c.skill.level === lowest), untimedOnly };
}

/**
 * [SR-5] … [SR-8] Later challenges: drop skills more than 2 levels above the estimate, prefer untimed
 * challenges after a timeout, keep the skills that maximise the expected number of skills settled.
 */
export function nextSkills(view: TargetView, estimatedLevel: number, lastWasTimeout: boolean): SkillChoice {
  const reachable = view.candidates.filter((c) => c.skill.level <= estimatedLevel + MAX_LEVELS_ABOVE_ESTIMATE);
  const { skills: pool, untimedOnly } = lastWasTimeout ? preferUntimed(view, reachable) : { skills: reachable, untimedOnly: false };
  let best: Candidate[] = [];
  let bestGain = 0;
  for (const candidate of pool) {
    const p = successProbability(estimatedLevel, candidate.skill.level);
    const gain = expectedSettled(candidate.skill.level, view.untestedLevelsByTube.get(candidate.skill.tubeId) ?? [], p);
    // [SR-8] A skill that would settle nothing is never asked: the test ends when none is left.
    if (gain <= 0) continue;
    if (gain > bestGain + GAIN_TIE_EPSILON) {
      best = [candidate];
      bestGain = gain;
    } else if (gain >= bestGain - GAIN_TIE_EPSILON) {
      best.push(candidate);
    }
  }
  return { skills: best, untimedOnly };
}
