/**
 * The relay's storage interface. Two implementations (SQLite embedded by default, PostgreSQL at scale) pass one
 * contract suite (store.contract.ts). Use cases talk to this interface only, never to a driver.
 */

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
}

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

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
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
  findUserByEmail(email: string): Promise<User | null>;
  getUser(id: string): Promise<User | null>;

  createAuthToken(token: AuthToken): Promise<void>;
  findAuthToken(tokenHash: string, now: number): Promise<AuthToken | null>;
  deleteAuthToken(tokenHash: string): Promise<void>;

  createDevice(device: Device): Promise<void>;
  getDevice(id: string): Promise<Device | null>;

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
   * Applies a batch to one collection of one organisation, all or nothing: reads the stored versions of `ids`,
   * asks `decide` what to write, assigns increasing sequences in commit order and returns what was written.
   */
  writeDocuments(input: { collection: string; organizationId: string; ids: string[]; now: number; decide: WriteDecision }): Promise<{
    written: StoredDocument[];
    conflicts: StoredDocument[];
  }>;
  /** Documents after a sequence, ascending, at most `limit`. */
  pullDocuments(query: PullQuery): Promise<StoredDocument[]>;
  getDocuments(collection: string, ids: string[]): Promise<StoredDocument[]>;
  /** Highest sequence assigned so far (0 when none). */
  lastSequence(): Promise<number>;
  /** Documents of a collection whose parent is one of `parentIds` (e.g. the answers of assessments). */
  getChildDocuments(collection: string, parentIds: string[]): Promise<StoredDocument[]>;

  saveAssessmentResults(records: AssessmentResultRecord[]): Promise<void>;
  /**
   * Assessments whose results are missing or older than their latest write or answer (a relay stopped between a
   * push and its recomputation), by id after `afterId`, at most `limit`.
   */
  listAssessmentsNeedingResults(afterId: string, limit: number): Promise<{ id: string; organizationId: string }[]>;
  getAssessmentResults(assessmentIds: string[]): Promise<AssessmentResultRecord[]>;
  listAssessmentResults(organizationId: string, campaignId: string): Promise<AssessmentResultRecord[]>;

  /** Keeps a content pack (JSON text) by version; storing a version twice is a no-op. */
  saveContentPack(version: string, body: string, now: number): Promise<void>;
  getContentPack(version: string): Promise<string | null>;

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
