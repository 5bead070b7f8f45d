/**
 * Replicated documents (SYNC.md): every document has `id`, a server-set `updatedAt` (ms since epoch) and
 * `_deleted`. These are the shapes both the relay and the lab machines hold.
 */
import type { AnswerResult, AnswerValue } from '../content/types.ts';

export const REPLICATED_COLLECTIONS = ['answers', 'assessments', 'learners', 'campaigns'] as const;
export type CollectionName = (typeof REPLICATED_COLLECTIONS)[number];

export interface DocumentBase {
  id: string;
  updatedAt: number;
  _deleted: boolean;
}

/** An answer: append-only (ARCHITECTURE.md); `learnerId` lets the relay check scope before the assessment arrives. */
export interface AnswerDocument extends DocumentBase {
  assessmentId: string;
  learnerId: string;
  challengeId: string;
  value: AnswerValue;
  result: AnswerResult;
  timeSpentMs: number;
  answeredAt: number;
  deviceId: string;
  /** 0-based position in the assessment: the replay order. */
  index: number;
}

export const ASSESSMENT_KINDS = ['campaign', 'competence', 'certification'] as const;
export type AssessmentKind = (typeof ASSESSMENT_KINDS)[number];

/**
 * Lifecycle of a test attempt. Only moves forward; ranks decide merges:
 * started → completed (the engine has nothing more to ask) → shared (campaign results sent by the student);
 * a certification can also end as aborted or ended by the invigilator.
 */
export const ASSESSMENT_STATES = ['started', 'completed', 'aborted', 'ended-by-invigilator', 'shared'] as const;
export type AssessmentState = (typeof ASSESSMENT_STATES)[number];

export interface AssessmentDocument extends DocumentBase {
  kind: AssessmentKind;
  learnerId: string;
  campaignId: string | null;
  competenceId: string | null;
  sessionId: string | null;
  state: AssessmentState;
  startedAt: number;
  completedAt: number | null;
  sharedAt: number | null;
  /** The device where the test was started (informative). */
  deviceId: string;
  /** Version of the content pack the test runs on: a test keeps its pack, and the relay scores with it. */
  contentVersion: string;
}

/** A learner as a lab machine sees it: never a plain birth date, only a salted slow hash of it. */
export interface LearnerDocument extends DocumentBase {
  organizationId: string;
  lastName: string;
  firstName: string;
  className: string;
  /** PBKDF2-SHA-256 of the birth date (dd/mm/yyyy) with `birthDateSalt`, hex. */
  birthDateHash: string;
  birthDateSalt: string;
  /** PBKDF2-SHA-256 of the learner's personal code (canonical form) with `birthDateSalt`, when they have one. */
  personalCodeHash?: string;
  active: boolean;
}

export interface CampaignDocument extends DocumentBase {
  organizationId: string;
  code: string;
  name: string;
  type: 'ASSESSMENT' | 'PROFILES_COLLECTION';
  title: string;
  landingText: string;
  targetSkillIds: string[];
  multipleSendings: boolean;
  archivedAt: number | null;
}
