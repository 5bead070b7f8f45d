/**
 * Knowledge elements ("KE"): what the engine believes about a learner and one skill, derived from answers
 * ([KE-1] … [KE-7] in src/core/SPEC.md). They are never stored as truth: replaying the answer log gives them back.
 */

export const KNOWLEDGE_STATUSES = ['validated', 'invalidated'] as const;
export type KnowledgeStatus = (typeof KNOWLEDGE_STATUSES)[number];

/** 'direct': the skill's own challenge was answered. 'inferred': settled by an answer on another skill of its tube. */
export const KNOWLEDGE_SOURCES = ['direct', 'inferred'] as const;
export type KnowledgeSource = (typeof KNOWLEDGE_SOURCES)[number];

export interface KnowledgeElement {
  skillId: string;
  status: KnowledgeStatus;
  source: KnowledgeSource;
  /** The answer it comes from: the answer on this skill (direct) or the answer it was inferred from. */
  answerId: string;
  assessmentId: string;
}

/** At most one element per skill: the one that currently holds, keyed by skill id. */
export type KnowledgeState = ReadonlyMap<string, KnowledgeElement>;
