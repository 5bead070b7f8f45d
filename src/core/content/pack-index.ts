/**
 * A ContentPack indexed once ([INDEX-1] … [INDEX-3]): every rule of the campaign engine (knowledge elements,
 * scoring, smart random, results) looks things up here instead of scanning the pack, so the cost of a call
 * does not grow with the size of the bank. Build it when a pack is loaded and keep it for the pack's life.
 */
import type { CompetenceId, DomainId } from '../referential.ts';
import type { Challenge, ContentPack, PackCompetence, PackSkill, PackTube, Tutorial } from './types.ts';

export interface PackIndex {
  readonly pack: ContentPack;
  readonly challengeById: ReadonlyMap<string, Challenge>;
  readonly skillById: ReadonlyMap<string, PackSkill>;
  readonly tubeById: ReadonlyMap<string, PackTube>;
  readonly competenceById: ReadonlyMap<CompetenceId, PackCompetence>;
  /** Skills of each tube, by increasing level. */
  readonly skillsByTube: ReadonlyMap<string, readonly PackSkill[]>;
  /** Challenges (variants) of each skill, by id: a stable order for seeded picks. */
  readonly challengesBySkill: ReadonlyMap<string, readonly Challenge[]>;
  /** Tubes of each competence, in pack order. */
  readonly tubesByCompetence: ReadonlyMap<CompetenceId, readonly PackTube[]>;
  /** Skills of each competence, by tube (pack order) then level. */
  readonly skillsByCompetence: ReadonlyMap<CompetenceId, readonly PackSkill[]>;
  readonly competenceIdBySkill: ReadonlyMap<string, CompetenceId>;
  readonly domainIdByCompetence: ReadonlyMap<CompetenceId, DomainId>;
  /** Tutorials that help with each skill: those naming it, and those of its tube that name no skill. */
  readonly tutorialsBySkill: ReadonlyMap<string, readonly Tutorial[]>;
}

/** A pack whose references do not hold together; the content check should have refused it. */
export class InconsistentPackError extends Error {
  override readonly name = 'InconsistentPackError';
}

/** [INDEX-1] Builds every map in one pass over the pack. Throws InconsistentPackError on duplicates or dangling ids. */
export function buildPackIndex(pack: ContentPack): PackIndex {
  const competenceById = uniqueBy(pack.competences, (c) => c.id, 'competence');
  const tubeById = uniqueBy(pack.tubes, (t) => t.id, 'tube');
  const skillById = uniqueBy(pack.skills, (s) => s.id, 'skill');
  const challengeById = uniqueBy(pack.challenges, (c) => c.id, 'challenge');

  const tubesByCompetence = new Map<CompetenceId, PackTube[]>();
  for (const tube of pack.tubes) {
    if (!competenceById.has(tube.competenceId)) throw new InconsistentPackError(`tube "${tube.id}": unknown competence "${tube.competenceId}"`);
    push(tubesByCompetence, tube.competenceId, tube);
  }

  const skillsByTube = new Map<string, PackSkill[]>();
  const competenceIdBySkill = new Map<string, CompetenceId>();
  for (const skill of pack.skills) {
    const tube = tubeById.get(skill.tubeId);
    if (tube === undefined) throw new InconsistentPackError(`skill "${skill.id}": unknown tube "${skill.tubeId}"`);
    push(skillsByTube, skill.tubeId, skill);
    competenceIdBySkill.set(skill.id, tube.competenceId);
  }
  // [INDEX-2] Ties on level (a malformed pack) keep id order, so every consumer sees the same order.
  for (const skills of skillsByTube.values()) skills.sort((a, b) => a.level - b.level || compareIds(a.id, b.id));

  const skillsByCompetence = new Map<CompetenceId, PackSkill[]>();
  for (const [competenceId, tubes] of tubesByCompetence) {
    skillsByCompetence.set(competenceId, tubes.flatMap((tube) => skillsByTube.get(tube.id) ?? []));
  }

  const challengesBySkill = new Map<string, Challenge[]>();
  for (const challenge of pack.challenges) {
    if (!skillById.has(challenge.skillId)) throw new InconsistentPackError(`challenge "${challenge.id}": unknown skill "${challenge.skillId}"`);
    push(challengesBySkill, challenge.skillId, challenge);
  }
  for (const challenges of challengesBySkill.values()) challenges.sort((a, b) => compareIds(a.id, b.id));

  const tutorialsBySkill = new Map<string, Tutorial[]>();
  for (const tutorial of pack.tutorials) {
    const skillIds = tutorial.skillIds.length > 0 ? tutorial.skillIds : (skillsByTube.get(tutorial.tubeId) ?? []).map((s) => s.id);
    for (const skillId of skillIds) push(tutorialsBySkill, skillId, tutorial);
  }

  const domainIdByCompetence = new Map<CompetenceId, DomainId>(pack.competences.map((c) => [c.id, c.domainId]));

  return {
    pack,
    challengeById,
    skillById,
    tubeById,
    competenceById,
    skillsByTube,
    challengesBySkill,
    tubesByCompetence,
    skillsByCompetence,
    competenceIdBySkill,
    domainIdByCompetence,
    tutorialsBySkill,
  };
}

/** [INDEX-3] Code-unit order, independent of the runtime's locale: the same on every machine. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function uniqueBy<T, K>(items: readonly T[], key: (item: T) => K, what: string): Map<K, T> {
  const map = new Map<K, T>();
  for (const item of items) {
    const k = key(item);
    if (map.has(k)) throw new InconsistentPackError(`duplicate ${what} id "${String(k)}"`);
    map.set(k, item);
  }
  return map;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
