/**
 * Which knowledge a campaign participation starts from ([RETRY-5]): a learner's participations in one campaign form
 * a chain, in start order; one that follows a shared participation is a retry of it and carries over its validated
 * elements ([RETRY-3]), which themselves include what that one carried over. Derived from the log alone, so the
 * lab machine and the relay find the same chain.
 */
import type { PackIndex } from '../content/pack-index.ts';
import { compareIds } from '../content/pack-index.ts';
import { computeKnowledgeElements } from '../knowledge/compute-knowledge-elements.ts';
import type { ReplayedAnswer } from '../knowledge/compute-knowledge-elements.ts';
import type { KnowledgeElement, KnowledgeState } from '../knowledge/knowledge-element.ts';
import { orderAssessmentAnswers } from '../knowledge/replay-order.ts';
import { retryCarryOver } from './retry.ts';

export interface Participation {
  id: string;
  /** ms since epoch: orders the chain (then the id, so two machines agree on a tie). */
  startedAt: number;
  /** When its results were sent; null if never. */
  sharedAt: number | null;
  /** Its answers, any order: replayed by `index`. */
  answers: readonly (ReplayedAnswer & { index: number })[];
}

export interface ChainLink {
  id: string;
  /** What it started from: the previous participation's validated elements if it is a retry, else undefined. */
  carriedOver: KnowledgeState | undefined;
  /** What it ends with (carried over + its own answers). */
  knowledge: Map<string, KnowledgeElement>;
}

export function orderParticipations<P extends Pick<Participation, 'id' | 'startedAt'>>(participations: readonly P[]): P[] {
  return [...participations].sort((a, b) => a.startedAt - b.startedAt || compareIds(a.id, b.id));
}

/** [RETRY-5] Every participation of one learner in one campaign, in chain order, with what it carried over. */
export function participationChain(index: PackIndex, participations: readonly Participation[]): ChainLink[] {
  const links: ChainLink[] = [];
  let previous: { participation: Participation; knowledge: KnowledgeState } | undefined;
  for (const participation of orderParticipations(participations)) {
    const carriedOver = previous && previous.participation.sharedAt !== null ? retryCarryOver(previous.knowledge) : undefined;
    const knowledge = computeKnowledgeElements({ index, answers: orderAssessmentAnswers(participation.answers), initial: carriedOver });
    links.push({ id: participation.id, carriedOver, knowledge });
    previous = { participation, knowledge };
  }
  return links;
}
