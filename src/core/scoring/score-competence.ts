/**
 * A competence's pix and level from the knowledge elements ([SCORE-2], [SCORE-3]).
 */
import type { PackIndex } from '../content/pack-index.ts';
import type { KnowledgeState } from '../knowledge/knowledge-element.ts';
import { PIX_PER_LEVEL } from '../referential.ts';
import type { CompetenceId } from '../referential.ts';
import { resolveLevelCap } from './level-cap.ts';
import type { ScoringOptions } from './level-cap.ts';
import { skillPixValues } from './skill-pix-value.ts';

/**
 * Pix values are fractions (8/3, 8/5…): their float sum can land a hair under an integer (7.999999999999999).
 * Anything within this of the next integer counts as reaching it.
 */
const PIX_SUM_EPSILON = 1e-9;

export interface CompetenceScore {
  competenceId: CompetenceId;
  /** Whole pix, 0 … 8 × level cap. */
  pix: number;
  /** 0 … level cap. */
  level: number;
  validatedSkillCount: number;
}

export function scoreCompetence(index: PackIndex, knowledge: KnowledgeState, competenceId: CompetenceId, options?: ScoringOptions): CompetenceScore {
  const levelCap = resolveLevelCap(options);
  const values = skillPixValues(index);
  let sum = 0;
  let validatedSkillCount = 0;
  for (const skill of index.skillsByCompetence.get(competenceId) ?? []) {
    if (knowledge.get(skill.id)?.status !== 'validated') continue;
    sum += values.get(skill.id) ?? 0;
    validatedSkillCount++;
  }
  // [SCORE-2] floor of the sum of validated pix, capped at 8 × level cap.
  const pix = Math.min(Math.floor(sum + PIX_SUM_EPSILON), PIX_PER_LEVEL * levelCap);
  // [SCORE-3] level = floor(pix / 8), capped.
  const level = Math.min(Math.floor(pix / PIX_PER_LEVEL), levelCap);
  return { competenceId, pix, level, validatedSkillCount };
}
