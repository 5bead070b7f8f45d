/**
 * A competence reset ("Remettre à zéro", [RETRY-4]) forgets every knowledge element of that competence; the
 * answers stay in the log, the profile is replayed from the reset on.
 */
import type { PackIndex } from '../content/pack-index.ts';
import type { CompetenceId } from '../referential.ts';
import type { KnowledgeElement, KnowledgeState } from './knowledge-element.ts';

export function withoutCompetence(index: PackIndex, state: KnowledgeState, competenceId: CompetenceId): Map<string, KnowledgeElement> {
  const kept = new Map<string, KnowledgeElement>();
  for (const [skillId, element] of state) {
    if (index.competenceIdBySkill.get(skillId) !== competenceId) kept.set(skillId, element);
  }
  return kept;
}
