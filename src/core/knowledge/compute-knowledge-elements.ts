/**
 * Answers → knowledge elements ([KE-1] … [KE-6]). A left fold over the answers in replay order: each answer
 * sets a direct element on its skill and inferred elements on the other skills of the same tube.
 *
 * Precedence when answers disagree, the same in every assessment and in the profile:
 * - the latest direct answer on a skill decides that skill ([KE-3]);
 * - an inference never replaces a direct element, however recent ([KE-4]);
 * - between two inferences, the latest one holds ([KE-5]): the most recent evidence about the learner.
 */
import type { Answer } from '../answers/types.ts';
import type { PackIndex } from '../content/pack-index.ts';
import type { KnowledgeElement, KnowledgeState, KnowledgeStatus } from './knowledge-element.ts';

export type ReplayedAnswer = Pick<Answer, 'id' | 'assessmentId' | 'challengeId' | 'result'>;

export interface KnowledgeInput {
  index: PackIndex;
  /** In replay order (see replay-order.ts). A repeated answer id is applied once. */
  answers: readonly ReplayedAnswer[];
  /** Elements that hold before these answers (a profile, or what a retry carries over). */
  initial?: KnowledgeState;
}

export function computeKnowledgeElements({ index, answers, initial }: KnowledgeInput): Map<string, KnowledgeElement> {
  const state = new Map<string, KnowledgeElement>(initial ?? []);
  const seen = new Set<string>();
  for (const answer of answers) {
    if (seen.has(answer.id)) continue;
    seen.add(answer.id);
    applyAnswer(index, state, answer);
  }
  return state;
}

/** Applies one answer to `state` in place. */
function applyAnswer(index: PackIndex, state: Map<string, KnowledgeElement>, answer: ReplayedAnswer): void {
  // [KE-6] An answer on a challenge the pack no longer has says nothing about any skill of this pack.
  const challenge = index.challengeById.get(answer.challengeId);
  const skill = challenge === undefined ? undefined : index.skillById.get(challenge.skillId);
  if (skill === undefined) return;

  // [KE-1] Only 'ok' validates; ko, aband, timedout and focusedOut are all failures.
  const success = answer.result === 'ok';
  const status: KnowledgeStatus = success ? 'validated' : 'invalidated';
  const origin = { answerId: answer.id, assessmentId: answer.assessmentId };
  state.set(skill.id, { skillId: skill.id, status, source: 'direct', ...origin });

  // [KE-2] Success validates the easier skills of the tube; failure invalidates the harder ones.
  for (const other of index.skillsByTube.get(skill.tubeId) ?? []) {
    const inferred = success ? other.level < skill.level : other.level > skill.level;
    if (!inferred) continue;
    if (state.get(other.id)?.source === 'direct') continue;
    state.set(other.id, { skillId: other.id, status, source: 'inferred', ...origin });
  }
}
