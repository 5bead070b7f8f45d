/**
 * An estimated capacity per competence ([FLASH-18]). A 32-item test gives each competence only about two
 * answers, too few to estimate it alone, so each competence borrows strength from the rest of the test:
 * its prior is the EAP of the answers OUTSIDE the competence (mean m, SD s) widened by τ, the assumed
 * spread of a candidate's competences around their overall capacity; its own answers then move it.
 */
import { COMPETENCE_IDS } from '../referential.ts';
import type { CompetenceId } from '../referential.ts';
import { estimateAbility } from './ability-estimate.ts';
import type { AbilityEstimate, ScoredResponse } from './ability-estimate.ts';

/**
 * τ (logits): SD of a competence's capacity around the candidate's overall capacity. 0.5 is two thirds
 * of a level (0.75 logit), so two answers can move a competence by about one level, not more.
 */
export const COMPETENCE_SPREAD = 0.5;

export interface CompetenceResponse extends ScoredResponse {
  competenceId: CompetenceId;
}

export function competenceCapacities(responses: readonly CompetenceResponse[]): Map<CompetenceId, AbilityEstimate> {
  const result = new Map<CompetenceId, AbilityEstimate>();
  for (const competenceId of COMPETENCE_IDS) {
    const inside = responses.filter((r) => r.competenceId === competenceId);
    const outside = responses.filter((r) => r.competenceId !== competenceId);
    const rest = estimateAbility(outside);
    const prior = { mean: rest.estimate, sd: Math.sqrt(rest.sem * rest.sem + COMPETENCE_SPREAD * COMPETENCE_SPREAD) };
    result.set(competenceId, estimateAbility(inside, prior));
  }
  return result;
}
