/**
 * A learner's profile knowledge: every assessment replayed in order, with competence resets between them
 * ([KE-7], [RETRY-4]). After a reset, only answers replayed later count for that competence.
 */
import type { PackIndex } from '../content/pack-index.ts';
import type { CompetenceId } from '../referential.ts';
import { computeKnowledgeElements } from './compute-knowledge-elements.ts';
import type { ReplayedAnswer } from './compute-knowledge-elements.ts';
import type { KnowledgeElement } from './knowledge-element.ts';
import { withoutCompetence } from './without-competence.ts';

export type ProfileStep =
  | { kind: 'assessment'; answers: readonly ReplayedAnswer[] }
  | { kind: 'reset'; competenceId: CompetenceId };

export function replayProfile(index: PackIndex, steps: readonly ProfileStep[]): Map<string, KnowledgeElement> {
  let state = new Map<string, KnowledgeElement>();
  for (const step of steps) {
    state =
      step.kind === 'reset'
        ? withoutCompetence(index, state, step.competenceId)
        : computeKnowledgeElements({ index, answers: step.answers, initial: state });
  }
  return state;
}
