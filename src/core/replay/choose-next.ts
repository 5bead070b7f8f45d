/**
 * The engine's choice for one position of a test ([REPLAY-3]): smart random for campaigns and competence training,
 * flash for certification, from recorded inputs only — the content, the assessment (its id seeds the ties, its
 * frozen prior-seen list), the target, the answers before this position, and the online flag recorded for it.
 * The lab machine chooses with it and the relay replays with it, so both derive the same challenge.
 */
import type { Answer } from '../answers/types.ts';
import type { PackIndex } from '../content/pack-index.ts';
import { nextCertificationItem } from '../flash/certification.ts';
import type { FlashBank } from '../flash/flash-bank.ts';
import type { KnowledgeState } from '../knowledge/knowledge-element.ts';
import { orderAssessmentAnswers } from '../knowledge/replay-order.ts';
import { nextChallenge } from '../smart-random/next-challenge.ts';
import type { AssessmentDocument } from '../sync/documents.ts';
import { frozenCarriedOver } from './carried-over.ts';

/** A content pack as the engine reads it (the worker's and the relay's loaded packs both are one). */
export interface EngineContent {
  version: string;
  index: PackIndex;
  /** Built on first use: only certification needs it. */
  flashBank(): FlashBank;
}

/** What a choice reads of an answer already given. */
export type PriorAnswer = Pick<Answer, 'id' | 'assessmentId' | 'challengeId' | 'result' | 'index'>;

export interface ChoiceInput {
  content: EngineContent;
  /** Its id seeds the choices; its frozen prior-seen list ([REPLAY-2]) and carried-over knowledge ([REPLAY-5]). */
  assessment: Pick<AssessmentDocument, 'id' | 'kind' | 'priorChallengeIds' | 'carriedOver'>;
  /** Target skills (campaign: its target profile; competence: every skill of the competence). Unused in certification. */
  targetSkillIds: readonly string[];
  /** The answers given before this position, any order (replayed by `index`). */
  answers: readonly PriorAnswer[];
  /** Whether the machine is online for this choice: recorded with the answer it leads to ([REPLAY-1]). */
  online: boolean;
}

export type EngineChoice = { kind: 'challenge'; challengeId: string } | { kind: 'end' };

function carriedOverOf(assessment: ChoiceInput['assessment']): { carriedOver?: KnowledgeState } {
  const carriedOver = frozenCarriedOver(assessment);
  return carriedOver ? { carriedOver } : {};
}

export function chooseNextChallenge(input: ChoiceInput): EngineChoice {
  const { content, assessment, online } = input;
  const answers = orderAssessmentAnswers(input.answers);
  if (assessment.kind === 'certification') {
    // [FLASH-6] bank, seed, online flag and the log in order; prior assessments play no part.
    const next = nextCertificationItem({ bank: content.flashBank(), seed: assessment.id, online }, answers);
    return next.kind === 'item' ? { kind: 'challenge', challengeId: next.item.id } : { kind: 'end' };
  }
  const next = nextChallenge({
    index: content.index,
    targetSkillIds: input.targetSkillIds,
    answers,
    assessmentId: assessment.id,
    // [REPLAY-2] the list frozen when the test started, not whatever replication has brought in since.
    previousAnswers: assessment.priorChallengeIds.map((challengeId) => ({ challengeId })),
    online,
    // [REPLAY-5] a retry starts from what was frozen on it when it started.
    ...carriedOverOf(assessment),
  });
  return next.kind === 'challenge' ? { kind: 'challenge', challengeId: next.challengeId } : { kind: 'end' };
}
