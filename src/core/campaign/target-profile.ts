/**
 * What a campaign tests ([CAMP-1]): one competence, or a set of tubes across competences, each optionally up to
 * a level. Competence training targets every skill of a competence.
 */
import type { PackIndex } from '../content/pack-index.ts';
import type { CompetenceId } from '../referential.ts';

export type TargetProfileScope =
  | { kind: 'competence'; competenceId: CompetenceId; maxLevel?: number }
  | { kind: 'tubes'; tubes: readonly { tubeId: string; maxLevel?: number }[] };

/**
 * The target skills, by tube then level, without repeats. Tubes the pack does not know are left out: a
 * target profile outlives content versions, and a skill that cannot be served cannot count.
 */
export function targetSkillIds(index: PackIndex, scope: TargetProfileScope): string[] {
  const tubes =
    scope.kind === 'competence'
      ? (index.tubesByCompetence.get(scope.competenceId) ?? []).map((tube) => ({ tubeId: tube.id, maxLevel: scope.maxLevel }))
      : scope.tubes;
  const ids = new Set<string>();
  for (const { tubeId, maxLevel } of tubes) {
    for (const skill of index.skillsByTube.get(tubeId) ?? []) {
      if (maxLevel === undefined || skill.level <= maxLevel) ids.add(skill.id);
    }
  }
  return [...ids];
}

/** Competence training ("Reprendre", "Remettre à zéro"): all skills of the competence. */
export function competenceTargetSkillIds(index: PackIndex, competenceId: CompetenceId): string[] {
  return targetSkillIds(index, { kind: 'competence', competenceId });
}

/** The ids the pack knows, once each, in the given order: what every rate below divides by. */
export function knownTargetSkillIds(index: PackIndex, skillIds: readonly string[]): string[] {
  return [...new Set(skillIds)].filter((id) => index.skillById.has(id));
}
