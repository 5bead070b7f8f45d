/**
 * Row ↔ domain mapping shared by the SQLite and PostgreSQL stores, so that both return exactly the same shapes.
 * Column names are snake_case in both dialects; numbers arrive as numbers (pg's int8 parser is set in pg-pool.ts).
 */
import type { AssessmentResultRecord, AuthToken, ContentPackFormat, Device, DocumentWrite, Learner, LearnerSignInFailures, Organization, OrganizationContentPack, Role, StoredDocument, TokenSubject, User } from './store.ts';

type Row = Record<string, unknown>;

const str = (row: Row, key: string): string => String(row[key]);
const num = (row: Row, key: string): number => Number(row[key]);

export function toOrganization(row: Row): Organization {
  return { id: str(row, 'id'), name: str(row, 'name'), uai: str(row, 'uai'), createdAt: num(row, 'created_at') };
}

export function toUser(row: Row): User {
  return {
    id: str(row, 'id'),
    organizationId: str(row, 'organization_id'),
    email: str(row, 'email'),
    firstName: str(row, 'first_name'),
    lastName: str(row, 'last_name'),
    passwordHash: str(row, 'password_hash'),
    roles: JSON.parse(str(row, 'roles')) as Role[],
    createdAt: num(row, 'created_at'),
  };
}

export function toAuthToken(row: Row): AuthToken {
  return {
    tokenHash: str(row, 'token_hash'),
    subjectType: str(row, 'subject_type') as TokenSubject,
    subjectId: str(row, 'subject_id'),
    organizationId: str(row, 'organization_id'),
    createdAt: num(row, 'created_at'),
    expiresAt: num(row, 'expires_at'),
  };
}

export function toDevice(row: Row): Device {
  return {
    id: str(row, 'id'),
    organizationId: str(row, 'organization_id'),
    name: str(row, 'name'),
    enrolledBy: str(row, 'enrolled_by'),
    createdAt: num(row, 'created_at'),
    lastSeenAt: row.last_seen_at == null ? null : num(row, 'last_seen_at'),
    withdrawnAt: row.withdrawn_at == null ? null : num(row, 'withdrawn_at'),
  };
}

export function toLearnerSignInFailures(row: Row): LearnerSignInFailures {
  return { learnerId: str(row, 'learner_id'), organizationId: str(row, 'organization_id'), failures: num(row, 'failures'), lastFailureAt: num(row, 'last_failure_at') };
}

export function toLearner(row: Row): Learner {
  return {
    id: str(row, 'id'),
    organizationId: str(row, 'organization_id'),
    lastName: str(row, 'last_name'),
    firstName: str(row, 'first_name'),
    className: str(row, 'class_name'),
    birthDate: str(row, 'birth_date'),
    nationalId: row.national_id == null ? null : str(row, 'national_id'),
    active: row.active === true || row.active === 1,
    updatedAt: num(row, 'updated_at'),
  };
}

/** Parameters of an insert, in column order, for both dialects. */
export function userParams(u: User): unknown[] {
  return [u.id, u.organizationId, u.email, u.firstName, u.lastName, u.passwordHash, JSON.stringify(u.roles), u.createdAt];
}

export function learnerParams(l: Learner, activeAsInt: boolean): unknown[] {
  return [l.id, l.organizationId, l.lastName, l.firstName, l.className, l.birthDate, l.nationalId, activeAsInt ? (l.active ? 1 : 0) : l.active, l.updatedAt];
}

export function toStoredDocument(row: Row): StoredDocument {
  return {
    collection: str(row, 'collection'),
    id: str(row, 'id'),
    organizationId: str(row, 'organization_id'),
    learnerId: row.learner_id == null ? null : str(row, 'learner_id'),
    parentId: row.parent_id == null ? null : str(row, 'parent_id'),
    seq: num(row, 'seq'),
    updatedAt: num(row, 'updated_at'),
    deleted: row.deleted === true || row.deleted === 1,
    body: JSON.parse(str(row, 'body')) as Record<string, unknown>,
  };
}

/** The stored form of a write: the server sets updatedAt and _deleted on the body itself. */
export function toStoredWrite(collection: string, organizationId: string, write: DocumentWrite, seq: number, now: number): StoredDocument {
  return {
    collection,
    id: write.id,
    organizationId,
    learnerId: write.learnerId,
    parentId: write.parentId ?? null,
    seq,
    updatedAt: now,
    deleted: write.deleted,
    body: { ...write.body, id: write.id, updatedAt: now, _deleted: write.deleted },
  };
}

/** Columns of a document row, in the order of DOCUMENT_COLUMNS. */
export const DOCUMENT_COLUMNS = '(collection, id, organization_id, learner_id, parent_id, seq, updated_at, deleted, body)';
export const DOCUMENT_COLUMN_COUNT = 9;

export function documentParams(doc: StoredDocument, deletedAsInt: boolean): unknown[] {
  return [doc.collection, doc.id, doc.organizationId, doc.learnerId, doc.parentId, doc.seq, doc.updatedAt, deletedAsInt ? (doc.deleted ? 1 : 0) : doc.deleted, JSON.stringify(doc.body)];
}

export function toAssessmentResult(row: Row): AssessmentResultRecord {
  return {
    assessmentId: str(row, 'assessment_id'),
    organizationId: str(row, 'organization_id'),
    learnerId: str(row, 'learner_id'),
    kind: str(row, 'kind'),
    campaignId: row.campaign_id == null ? null : str(row, 'campaign_id'),
    contentVersion: str(row, 'content_version'),
    computedAt: num(row, 'computed_at'),
    body: JSON.parse(str(row, 'body')) as Record<string, unknown>,
  };
}

export function assessmentResultParams(r: AssessmentResultRecord): unknown[] {
  return [r.assessmentId, r.organizationId, r.learnerId, r.kind, r.campaignId, r.contentVersion, r.computedAt, JSON.stringify(r.body)];
}

export function toOrganizationContentPack(row: Row): OrganizationContentPack {
  return {
    organizationId: str(row, 'organization_id'),
    version: str(row, 'version'),
    name: str(row, 'name'),
    format: str(row, 'format') as ContentPackFormat,
    challengeCount: num(row, 'challenge_count'),
    importedBy: str(row, 'imported_by'),
    importedAt: num(row, 'imported_at'),
  };
}

/** Columns of an organisation's pack record, in the order of organizationContentPackParams. */
export const ORGANIZATION_CONTENT_PACK_COLUMNS = '(organization_id, version, name, format, challenge_count, imported_by, imported_at)';

export function organizationContentPackParams(p: OrganizationContentPack): unknown[] {
  return [p.organizationId, p.version, p.name, p.format, p.challengeCount, p.importedBy, p.importedAt];
}

/** Every write of a batch must carry a distinct id. */
export function assertDistinctIds(writes: DocumentWrite[]): void {
  const seen = new Set<string>();
  for (const write of writes) {
    if (seen.has(write.id)) throw new Error(`duplicate document id in one batch: ${write.id}`);
    seen.add(write.id);
  }
}
