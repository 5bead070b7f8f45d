/**
 * The learner's profile: the 16 competences with pix and level, the total out of 1024, certifiability
 * ([SCORE-4], [SCORE-5]).
 */
import type { PackIndex } from '../content/pack-index.ts';
import type { KnowledgeState } from '../knowledge/knowledge-element.ts';
import { COMPETENCES, MAX_PROFILE_PIX } from '../referential.ts';
import type { DomainId } from '../referential.ts';
import { certifiability } from './certifiability.ts';
import { resolveLevelCap } from './level-cap.ts';
import type { ScoringOptions } from './level-cap.ts';
import { scoreCompetence } from './score-competence.ts';
import type { CompetenceScore } from './score-competence.ts';

export interface ProfileScore {
  /** All 16 competences in referential order (a competence absent from the pack scores 0). */
  competences: (CompetenceScore & { domainId: DomainId })[];
  totalPix: number;
  /** The denominator shown with the total: 16 × 64 = 1024, whatever the level cap. */
  maxPix: number;
  levelCap: number;
  certifiable: boolean;
  certifiableCompetenceCount: number;
}

export function scoreProfile(index: PackIndex, knowledge: KnowledgeState, options?: ScoringOptions): ProfileScore {
  const levelCap = resolveLevelCap(options);
  const competences = COMPETENCES.map((c) => ({ ...scoreCompetence(index, knowledge, c.id, { levelCap }), domainId: c.domainId }));
  const totalPix = competences.reduce((sum, c) => sum + c.pix, 0);
  return {
    competences,
    totalPix,
    maxPix: MAX_PROFILE_PIX,
    levelCap,
    ...certifiability(competences.map((c) => c.level)),
  };
}
