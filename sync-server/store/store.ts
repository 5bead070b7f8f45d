/**
 * The relay's storage interface. Two implementations (SQLite embedded by default, PostgreSQL at scale) pass one
 * contract suite (store.contract.ts). Use cases talk to this interface only, never to a driver.
 */
import type { CertificationStore } from './certification-store.ts';
import type { TeamStore } from './team-store.ts';

export const ROLES = ['admin', 'member', 'invigilator'] as const;
export type Role = (typeof ROLES)[number];

export interface Organization {
  id: string;
  name: string;
  /** Unité administrative immatriculée: the school's national code, e.g. "0000000A". */
  uai: string;
  createdAt: number;
}

export interface User {
  id: string;
  organizationId: string;
  email: string;
  firstName: string;
  lastName: string;
  passwordHash: string;
  roles: Role[];
  createdAt: number;
}

/** Who a token stands for: a person with roles, an enrolled lab machine, or a student (their own work only). */
export type TokenSubject = 'user' | 'device' | 'learner';

export interface AuthToken {
  /** SHA-256 of the bearer token: the token itself is never stored. */
  tokenHash: string;
  subjectType: TokenSubject;
  subjectId: string;
  organizationId: string;
  createdAt: number;
  expiresAt: number;
}

export interface Device {
  id: string;
  organizationId: string;
  name: string;
  enrolledBy: string;
  createdAt: number;
  /** When the machine last called the relay (recorded at most once a minute), null before its first call. */
  lastSeenAt: number | null;
  /** When a teacher withdrew it ("Retirer ce poste"): its tokens are gone and it is no longer listed. */
  withdrawnAt: number | null;
}

/** A machine being enrolled: it has not called yet and is not withdrawn. */
export type NewDevice = Omit<Device, 'lastSeenAt' | 'withdrawnAt'>;

/** A document a lab machine set aside because the relay refused it, as the machine reports it. */
export interface RefusedDocumentReport {
  id: string;
  collection: string;
  /** HTTP status of the refusal (0: held back with its refused assessment). */
  status: number;
  code: string;
  message: string;
  refusedAt: number;
}

/** What a lab machine last told the relay about itself ([DEVICE-STATUS-1]): the "Postes" screen reads it. */
export interface DeviceStatus {
  deviceId: string;
  organizationId: string;
  /** Answers written on the machine that the relay has not confirmed yet. */
  pendingAnswers: number;
  refusedCount: number;
  /** The first refused documents (the count holds them all). */
  refusedDocuments: RefusedDocumentReport[];
  /** The newest content pack the machine holds, null when none. */
  contentVersion: string | null;
  appVersion: string;
  /** Relay clock when the report arrived. */
  reportedAt: number;
}

/** Failed relay sign-ins of one learner since the count last restarted ([AUTH-4]); the lock is derived from it. */
export interface LearnerSignInFailures {
  learnerId: string;
  organizationId: string;
  failures: number;
  lastFailureAt: number;
}

/** How a school's students may sign in on the relay ([AUTH-8]); lab machines are not concerned. */
export const LEARNER_SIGN_IN_MODES = ['birth-date-or-code', 'personal-code-only'] as const;
export type LearnerSignInMode = (typeof LEARNER_SIGN_IN_MODES)[number];

export interface Learner {
  id: string;
  organizationId: string;
  lastName: string;
  firstName: string;
  className: string;
  /** ISO date (yyyy-mm-dd): kept on the relay only, never sent to lab machines in clear. */
  birthDate: string;
  nationalId: string | null;
  active: boolean;
  updatedAt: number;
}

/**
 * A student's personal code, never stored itself: `digest` (SHA-256 of organisation and code) finds the learner
 * online, `hash` (PBKDF2 with the learner's birth-date salt) lets lab machines check it offline.
 */
export interface PersonalCode {
  learnerId: string;
  organizationId: string;
  digest: string;
  hash: string;
  createdAt: number;
}

/** A replicated document as stored: its JSON body plus the columns the relay filters and orders by. */
export interface StoredDocument {
  collection: string;
  id: string;
  organizationId: string;
  learnerId: string | null;
  /** The document this one belongs to (an answer's assessment), or null. */
  parentId: string | null;
  /** Server sequence: the pull checkpoint. */
  seq: number;
  updatedAt: number;
  deleted: boolean;
  /** The whole document, exactly as clients receive it (includes id, updatedAt and _deleted). */
  body: Record<string, unknown>;
}

/** A document to write; the store assigns seq and sets updatedAt on the body. */
export interface DocumentWrite {
  id: string;
  learnerId: string | null;
  parentId?: string | null;
  deleted: boolean;
  body: Record<string, unknown>;
}

/**
 * Decides, inside the write transaction, what a batch writes given the stored versions of its documents. It may
 * throw to abort the whole batch (nothing is written).
 */
export type WriteDecision = (existing: Map<string, StoredDocument>) => { writes: DocumentWrite[]; conflicts: StoredDocument[] };

export interface PullQuery {
  collection: string;
  organizationId: string;
  /** Only this learner's documents (a student's own work). */
  learnerId?: string;
  afterSeq: number;
  limit: number;
}

/** An assessment as the relay names it: ids are unique within an organisation only ([STORE-SCOPE-1]). */
export interface AssessmentKey {
  organizationId: string;
  id: string;
}

/** A result the relay computed from the answers (src/core), stored as JSON. */
export interface AssessmentResultRecord {
  assessmentId: string;
  organizationId: string;
  learnerId: string;
  kind: string;
  campaignId: string | null;
  contentVersion: string;
  computedAt: number;
  body: Record<string, unknown>;
}

export const CONTENT_PACK_FORMATS = ['json', 'csv'] as const;
export type ContentPackFormat = (typeof CONTENT_PACK_FORMATS)[number];

/** A content pack an organisation's admin imported; its body is the content pack of that version. */
export interface OrganizationContentPack {
  organizationId: string;
  /** The pack's version: a hash of its content, so the same file imported twice is the same version. */
  version: string;
  name: string;
  /** What was uploaded: a built JSON pack, or a simple CSV of QCU/QCM compiled on the relay. */
  format: ContentPackFormat;
  challengeCount: number;
  /** Id of the user who imported it. */
  importedBy: string;
  importedAt: number;
}

/** One student list import, kept with what it changed ("Importer la liste", [LEARNERS-1]). */
export interface LearnerImportRecord {
  id: string;
  organizationId: string;
  /** Id of the user who imported. */
  importedBy: string;
  importedAt: number;
  format: string;
  fileName: string;
  created: number;
  updated: number;
  disabled: number;
  skipped: number;
}

/** A roster import to apply in one transaction ([STORE-IMPORT-1]). */
export interface LearnerImportWrite {
  organizationId: string;
  now: number;
  /** Learners created, updated or disabled (organisation included). */
  learners: Learner[];
  /** Their `learners` documents, republished to lab machines. */
  documents: DocumentWrite[];
  record: LearnerImportRecord;
  /**
   * Called inside the transaction with the organisation's learners as stored, before anything is written: throws
   * (e.g. StoreConflictError) when they are no longer those the import was planned on, and nothing is written.
   */
  check: (current: Learner[]) => void;
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** The school's staff accounts and invitations ("Équipe", team-store.ts). */
  readonly team: TeamStore;
  /** Certification sessions' private part and results (certification-store.ts). */
  readonly certification: CertificationStore;
  /** Applies pending numbered migrations; safe to call at every start. */
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** True when no organisation exists yet (a fresh database: demo seeding may run). */
  isEmpty(): Promise<boolean>;

  createOrganization(org: Organization): Promise<void>;
  getOrganization(id: string): Promise<Organization | null>;
  findOrganizationByUai(uai: string): Promise<Organization | null>;

  /** Fails with StoreConflictError when the email is taken (emails are unique, case-insensitive). */
  createUser(user: User): Promise<void>;
  /** The account signing in with this address; a removed member's is never found ([STORE-TEAM-5]). */
  findUserByEmail(email: string): Promise<User | null>;
  getUser(id: string): Promise<User | null>;

  createAuthToken(token: AuthToken): Promise<void>;
  /**
   * The token while it is valid: not expired and, for a device token, its device still enrolled (a missing or
   * withdrawn device's tokens are worthless, [STORE-REVOKE]); for a user token, the user not removed ([STORE-TEAM-5]).
   */
  findAuthToken(tokenHash: string, now: number): Promise<AuthToken | null>;
  deleteAuthToken(tokenHash: string): Promise<void>;

  createDevice(device: NewDevice): Promise<void>;
  getDevice(id: string): Promise<Device | null>;
  /** The organisation's machines that have not been withdrawn, in enrolment order. */
  listDevices(organizationId: string): Promise<Device[]>;
  /** Records the machine's last contact. */
  touchDevice(id: string, now: number): Promise<void>;
  /**
   * Withdraws a machine of the organisation and deletes its tokens, in one transaction. False when the
   * organisation has no such machine enrolled (unknown, another organisation's, or already withdrawn).
   */
  withdrawDevice(organizationId: string, id: string, now: number): Promise<boolean>;
  /** [STORE-DEVICE-STATUS] Replaces the machine's last status report. */
  saveDeviceStatus(status: DeviceStatus): Promise<void>;
  /** The last reports of the organisation's machines still enrolled, with their names, in enrolment order. */
  listDeviceStatuses(organizationId: string): Promise<(DeviceStatus & { name: string })[]>;

  /**
   * [STORE-LOCKOUT] Counts one failed relay sign-in of the learner, atomically (concurrent failures all count). A
   * count whose last failure is at or before `forgetBefore` restarts at 1. Answers the count after this failure.
   */
  recordLearnerSignInFailure(input: { learnerId: string; organizationId: string; now: number; forgetBefore: number }): Promise<LearnerSignInFailures>;
  /** The failure counts of those learners that have one. */
  getLearnerSignInFailures(learnerIds: string[]): Promise<Map<string, LearnerSignInFailures>>;
  clearLearnerSignInFailures(learnerId: string): Promise<void>;
  /** [STORE-SIGNIN-MODE] 'birth-date-or-code' until the school asks otherwise. */
  getLearnerSignInMode(organizationId: string): Promise<LearnerSignInMode>;
  setLearnerSignInMode(organizationId: string, mode: LearnerSignInMode): Promise<void>;

  /** Inserts or replaces learners, all or none. */
  upsertLearners(learners: Learner[]): Promise<void>;
  listLearners(organizationId: string): Promise<Learner[]>;
  getLearners(ids: string[]): Promise<Learner[]>;
  /** Replaces the learner's personal code; StoreConflictError when another learner of the organisation has that digest. */
  setPersonalCode(code: PersonalCode): Promise<void>;
  findLearnerByPersonalCode(organizationId: string, digest: string): Promise<Learner | null>;
  /** Learner id → offline hash of their personal code, for those who have one. */
  getPersonalCodeHashes(learnerIds: string[]): Promise<Map<string, string>>;
  /**
   * Applies a student list import in one transaction: the learners, their replicated `learners` documents (new
   * sequences, as writeDocuments) and the import's record; all or nothing.
   */
  importLearners(input: LearnerImportWrite): Promise<{ written: StoredDocument[] }>;
  /** The organisation's imports, newest first, at most `limit`. */
  listLearnerImports(organizationId: string, limit: number): Promise<LearnerImportRecord[]>;

  /**
   * Applies a batch to one collection of one organisation, all or nothing: reads the organisation's stored versions
   * of `ids` (another organisation's documents with the same ids are other documents, [STORE-SCOPE-1]), asks
   * `decide` what to write, assigns increasing sequences in commit order and returns what was written.
   */
  writeDocuments(input: { collection: string; organizationId: string; ids: string[]; now: number; decide: WriteDecision }): Promise<{
    written: StoredDocument[];
    conflicts: StoredDocument[];
  }>;
  /** Documents after a sequence, ascending, at most `limit`. */
  pullDocuments(query: PullQuery): Promise<StoredDocument[]>;
  /**
   * [STORE-SCOPE-1] An organisation's documents by id. Document ids are scoped by organisation: the same id in two
   * organisations names two documents, and no read by id ever reaches another organisation's.
   */
  getDocuments(organizationId: string, collection: string, ids: string[]): Promise<StoredDocument[]>;
  /** Highest sequence assigned so far (0 when none). */
  lastSequence(): Promise<number>;
  /** [STORE-SCOPE-1] An organisation's documents whose parent is one of `parentIds` (e.g. the answers of its assessments), by seq. */
  getChildDocuments(organizationId: string, collection: string, parentIds: string[]): Promise<StoredDocument[]>;

  saveAssessmentResults(records: AssessmentResultRecord[]): Promise<void>;
  /**
   * Assessments whose results are missing or older than their latest write or one of their own answers (a relay
   * stopped between a push and its recomputation), ordered by organisation then id, after `after` (null: from the
   * start), at most `limit`. A maintenance scan across organisations: each key names its organisation.
   */
  listAssessmentsNeedingResults(after: AssessmentKey | null, limit: number): Promise<AssessmentKey[]>;
  /** [STORE-SCOPE-2] An organisation's recomputed results by assessment id (results are keyed by organisation and id). */
  getAssessmentResults(organizationId: string, assessmentIds: string[]): Promise<AssessmentResultRecord[]>;
  listAssessmentResults(organizationId: string, campaignId: string): Promise<AssessmentResultRecord[]>;

  /**
   * Keeps a built-in content pack (JSON text) by version, usable by every organisation's tests ([STORE-CAMPAIGN-2]);
   * storing a version twice is a no-op, except that a version some school imported becomes built in too.
   */
  saveContentPack(version: string, body: string, now: number): Promise<void>;
  getContentPack(version: string): Promise<string | null>;
  /**
   * [STORE-CAMPAIGN-2] The pack of this version when the organisation may use it: built in, or imported by this
   * organisation. Null otherwise, whether another school imported it or nobody did.
   */
  getContentPackFor(organizationId: string, version: string): Promise<string | null>;

  /**
   * Keeps an imported pack: its body (as saveContentPack) and the organisation's record, in one transaction. When
   * the organisation already has that version nothing changes: the stored record comes back with created false.
   */
  addOrganizationContentPack(record: OrganizationContentPack, packJson: string): Promise<{ record: OrganizationContentPack; created: boolean }>;
  /** The packs an organisation imported, newest first. */
  listOrganizationContentPacks(organizationId: string): Promise<OrganizationContentPack[]>;
}

/** A uniqueness constraint was violated (e.g. an email already in use). */
export class StoreConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreConflictError';
  }
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
