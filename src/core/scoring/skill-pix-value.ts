/**
 * [SCORE-1] Pix value of a skill = min(4, 8 / number of skills of the same level in the same competence).
 * A level is worth 8 pix in each competence whatever its number of skills, but a lone skill is worth at most 4.
 */
import type { PackIndex } from '../content/pack-index.ts';
import { PIX_PER_LEVEL } from '../referential.ts';

/** A single skill never weighs more than half a level. */
export const MAX_PIX_PER_SKILL = 4;

const cache = new WeakMap<PackIndex, ReadonlyMap<string, number>>();

/** Pix value of every skill of the pack, computed once per index. */
export function skillPixValues(index: PackIndex): ReadonlyMap<string, number> {
  const cached = cache.get(index);
  if (cached !== undefined) return cached;
  const values = new Map<string, number>();
  for (const skills of index.skillsByCompetence.values()) {
    const countByLevel = new Map<number, number>();
    for (const skill of skills) countByLevel.set(skill.level, (countByLevel.get(skill.level) ?? 0) + 1);
    for (const skill of skills) {
      const sameLevel = countByLevel.get(skill.level) ?? 1;
      values.set(skill.id, Math.min(MAX_PIX_PER_SKILL, PIX_PER_LEVEL / sameLevel));
    }
  }
  cache.set(index, values);
  return values;
}
