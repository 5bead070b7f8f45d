/**
 * Replicated documents (SYNC.md): every document has `id`, a server-set `updatedAt` (ms since epoch) and
 * `_deleted`. These are the shapes both the relay and the lab machines hold.
 */
import type { AnswerResult, AnswerValue } from '../content/types.ts';
import type { KnowledgeElement } from '../knowledge/knowledge-element.ts';

export const REPLICATED_COLLECTIONS = ['answers', 'assessments', 'learners', 'campaigns', 'events', 'certification-sessions'] as const;
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
  /**
   * Whether the machine was online when the engine chose this answer's challenge ([REPLAY-1]): decided when the
   * challenge is first chosen, recorded here, so the relay replays the choice with the same input.
   */
  online: boolean;
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
  /**
   * The challenges of this test's target the learner had answered in earlier assessments, as the machine knew them
   * when the test started ([REPLAY-2]): frozen then, never changed, sorted by id. Smart random prefers other
   * variants ([SR-12]); certification ignores them (always empty).
   */
  priorChallengeIds: string[];
  /**
   * A campaign retry's starting knowledge ([RETRY-3], [RETRY-5]): the elements it carries over from the
   * participations before it, worked out once when it starts and frozen here ([REPLAY-5]), so the choices and results
   * never depend on what replication brings in later. Absent for a first participation and other kinds.
   */
  carriedOver?: KnowledgeElement[];
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

export const CAMPAIGN_TYPES = ['ASSESSMENT', 'PROFILES_COLLECTION'] as const;
export type CampaignType = (typeof CAMPAIGN_TYPES)[number];

/** What the teacher chose to test ("Que souhaitez-vous tester ?"): whole competences, or tubes across competences. */
export const TARGET_PROFILE_KINDS = ['competences', 'tubes'] as const;
export type TargetProfileKind = (typeof TARGET_PROFILE_KINDS)[number];

export interface CampaignTargetProfile {
  kind: TargetProfileKind;
  /** Competence ids ("1.1") or tube ids ("@rechercheMotsCles"). */
  ids: string[];
}

export interface CampaignDocument extends DocumentBase {
  organizationId: string;
  code: string;
  name: string;
  type: CampaignType;
  title: string;
  landingText: string;
  targetSkillIds: string[];
  multipleSendings: boolean;
  archivedAt: number | null;
  /**
   * The content pack the campaign's tests run on: a pack the school imported. Absent: the built-in pack (the newest
   * the machine holds). Lab machines fetch and keep this version, and start the campaign's tests on it.
   */
  contentVersion?: string;
  /** The label of the external id asked of participants ("Numéro d'élève"); absent when none is asked. */
  externalIdLabel?: string;
  /** What the teacher chose to test; the skills are in targetSkillIds. Absent for a profiles collection. */
  targetProfile?: CampaignTargetProfile;
  /** The staff member who created it ("créateur" in the list). */
  ownerId?: string;
  /** Relay clock at creation. */
  createdAt?: number;
}

/**
 * What a student does besides answering, kept in the log like answers (append-only, replicated): problem reports
 * ("Signaler un problème"), tutorials saved, unsaved and marked "Tuto utile", and competence resets ("Remettre à
 * zéro", [RETRY-4]), which the profile replays ([PROFILE-1]).
 */
export const LEARNER_EVENT_KINDS = ['problem-report', 'tutorial-saved', 'tutorial-unsaved', 'tutorial-useful', 'competence-reset'] as const;
export type LearnerEventKind = (typeof LEARNER_EVENT_KINDS)[number];

/** "Signaler un problème": the categories of DOMAIN.md (French labels in the locale files, by id). */
export const PROBLEM_CATEGORIES = [
  'image-not-displaying',
  'link-not-working',
  'file-not-opening',
  'website-unavailable',
  'unintentional-focus-out',
  'extra-time-exceeded',
  'software-not-working',
  'accessibility',
  'other',
] as const;
export type ProblemCategory = (typeof PROBLEM_CATEGORIES)[number];

/** Longest comment a problem report carries (characters). */
export const MAX_PROBLEM_COMMENT = 1000;

export interface LearnerEventDocument extends DocumentBase {
  kind: LearnerEventKind;
  learnerId: string;
  /** The test and challenge a problem report is about; null for the other kinds. */
  assessmentId: string | null;
  challengeId: string | null;
  /** The competence a reset forgets; null for the other kinds. */
  competenceId: string | null;
  category: ProblemCategory | null;
  comment: string | null;
  tutorialId: string | null;
  /** ms since epoch, device clock (a reset's place in the profile replay). */
  at: number;
  deviceId: string;
}

/** A certification session's lifecycle (DOMAIN.md): only moves forward ([CERT-MERGE-1]). */
export const CERTIFICATION_SESSION_STATUSES = ['created', 'finalised', 'processed'] as const;
export type CertificationSessionStatus = (typeof CERTIFICATION_SESSION_STATUSES)[number];

/** Who ended an unfinished test, as the invigilator records it at finalisation ("PV d'incident"). */
export const CERTIFICATION_ABORT_REASONS = ['candidate', 'technical'] as const;
export type CertificationAbortReason = (typeof CERTIFICATION_ABORT_REASONS)[number];

/**
 * A candidate enrolled in a session, matched to a learner of the school's roster ([CERT-3]). The invigilator-facing
 * states are monotonic ([CERT-MERGE-2]): a time once set never changes (the first wins), a count only grows. Absent
 * means "not yet". The birth date is not here: lab machines never hold it in clear (ADR 0004).
 */
export interface CertificationCandidate {
  id: string;
  learnerId: string;
  lastName: string;
  firstName: string;
  birthplace: string;
  /** "Temps majoré (%)": 0 … 100, added to the 105 minutes. */
  extraTimePercent: number;
  externalId: string;
  accessibilityNeeds: string;
  addedAt: number;
  /** "Confirmer la présence": relay clock, first wins. */
  presenceConfirmedAt?: number;
  /** "Terminer le test": relay clock, first wins. */
  endedByInvigilatorAt?: number;
  /** "Autoriser la reprise": how many resumes the invigilator authorised (only grows). */
  resumeAuthorizations?: number;
  /** Set at finalisation for an unfinished test; first wins. */
  abortReason?: CertificationAbortReason;
}

/** What the invigilator records when finalising ("PV d'incident"). */
export interface CertificationFinalisation {
  comment: string;
  hasIncident: boolean;
  hasJoiningIssue: boolean;
}

/**
 * A certification session with its candidates (collection `certification-sessions`): written by the relay only,
 * pulled by the organisation's lab machines and staff ([CERT-1]). The invigilator password is never in it.
 */
export interface CertificationSessionDocument extends DocumentBase {
  organizationId: string;
  room: string;
  address: string;
  /** yyyy-mm-dd (the day of the session, local to the school). */
  date: string;
  /** hh:mm. */
  time: string;
  /** "Surveillant": the examiner's name as typed. */
  examiner: string;
  description: string;
  accessCode: string;
  status: CertificationSessionStatus;
  createdAt: number;
  createdBy: string;
  candidates: CertificationCandidate[];
  finalisedAt: number | null;
  finalisation: CertificationFinalisation | null;
  processedAt: number | null;
}
