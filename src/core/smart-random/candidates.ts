/**
 * Candidates ([SR-1], [SR-9]): target skills not yet tested (no knowledge element) that still have a challenge
 * this assessment has not answered and the device can serve. Also the per-tube view of the target that the
 * selection rules need, built in one pass over the target (no scan of the bank). Variant lists are filtered
 * only for the skill finally chosen: a candidate needs just one servable challenge.
 */
import type { Challenge, PackSkill } from '../content/types.ts';
import { compareIds } from '../content/pack-index.ts';
import type { SmartRandomInput } from './smart-random-input.ts';
import type { SmartRandomState } from './smart-random-state.ts';

export interface Candidate {
  skill: PackSkill;
  /** All the skill's challenges, by id (from the index); `servable` says which may be served now. */
  challenges: readonly Challenge[];
}

export interface TargetView {
  /** Candidates by skill id: the order of the target list never changes a choice. */
  candidates: Candidate[];
  /** Levels of the untested target skills of each tube (servable or not: inference settles them all). */
  untestedLevelsByTube: ReadonlyMap<string, readonly number[]>;
  /** Highest target level in each tube, tested or not ("easy tubes" for the first challenge). */
  maxTargetLevelByTube: ReadonlyMap<string, number>;
  /** Not answered in this assessment, and reachable by this device. */
  servable: (challenge: Challenge) => boolean;
}

export function targetView(input: SmartRandomInput, state: SmartRandomState): TargetView {
  const { index, online } = input;
  const servable = (challenge: Challenge): boolean => !state.answeredChallengeIds.has(challenge.id) && (online || !challenge.requiresInternet);
  const candidates: Candidate[] = [];
  const untestedLevelsByTube = new Map<string, number[]>();
  const maxTargetLevelByTube = new Map<string, number>();
  const seen = new Set<string>();
  for (const skillId of input.targetSkillIds) {
    if (seen.has(skillId)) continue;
    seen.add(skillId);
    const skill = index.skillById.get(skillId);
    if (skill === undefined) continue;
    maxTargetLevelByTube.set(skill.tubeId, Math.max(maxTargetLevelByTube.get(skill.tubeId) ?? 0, skill.level));
    if (state.knowledge.has(skillId)) continue;
    const levels = untestedLevelsByTube.get(skill.tubeId);
    if (levels === undefined) untestedLevelsByTube.set(skill.tubeId, [skill.level]);
    else levels.push(skill.level);
    const challenges = index.challengesBySkill.get(skillId) ?? [];
    if (challenges.some(servable)) candidates.push({ skill, challenges });
  }
  candidates.sort((a, b) => compareIds(a.skill.id, b.skill.id));
  return { candidates, untestedLevelsByTube, maxTargetLevelByTube, servable };
}

/** Skills to choose from, and whether their timed challenges are set aside ([SR-3], [SR-6]). */
export interface SkillChoice {
  skills: readonly Candidate[];
  untimedOnly: boolean;
}

/** Keeps the candidates with a servable untimed challenge and sets timed ones aside; unchanged if none has one. */
export function preferUntimed(view: TargetView, candidates: readonly Candidate[]): SkillChoice {
  const untimed = candidates.filter((c) => c.challenges.some((challenge) => challenge.timer === undefined && view.servable(challenge)));
  return untimed.length > 0 ? { skills: untimed, untimedOnly: true } : { skills: candidates, untimedOnly: false };
}

/** The candidates that pass `keep`, or all of them when none does: a preference, never a dead end. */
export function prefer(candidates: readonly Candidate[], keep: (candidate: Candidate) => boolean): readonly Candidate[] {
  const kept = candidates.filter(keep);
  return kept.length > 0 ? kept : candidates;
}
