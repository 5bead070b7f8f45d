/**
 * What the relay keeps of certification besides the replicated `certification-sessions` documents ([CERT-1]): each
 * session's private part (access code index and invigilator password, never replicated) and the candidates'
 * results with their verification codes. Reached as `store.certification`; SQLite and PostgreSQL pass one contract
 * suite (certification.contract.ts, [STORE-CERT-1] … [STORE-CERT-4]).
 */

export interface SessionSecret {
  organizationId: string;
  sessionId: string;
  accessCode: string;
  invigilatorPassword: string;
  createdAt: number;
}

export interface CertificationResultRecord {
  organizationId: string;
  sessionId: string;
  candidateId: string;
  learnerId: string;
  /** P-XXXXXXXX for a scored candidate (an attestation), else null. */
  verificationCode: string | null;
  /** The candidate's outcome and what the attestation prints. */
  body: Record<string, unknown>;
  computedAt: number;
}

export interface CertificationStore {
  /** [STORE-CERT-1] StoreConflictError when the access code is already used by any session of any school. */
  saveSessionSecret(secret: SessionSecret): Promise<void>;
  getSessionSecret(organizationId: string, sessionId: string): Promise<SessionSecret | null>;
  /** [STORE-CERT-1] The session an access code opens, whichever school it belongs to (the join is checked after). */
  findSessionByAccessCode(accessCode: string): Promise<SessionSecret | null>;
  /**
   * [STORE-CERT-2] Replaces the session's results in one transaction: all or none. StoreConflictError when a
   * verification code is already used.
   */
  saveResults(organizationId: string, sessionId: string, records: CertificationResultRecord[]): Promise<void>;
  /** [STORE-CERT-3] The session's results within its organisation, by candidate id. */
  listResults(organizationId: string, sessionId: string): Promise<CertificationResultRecord[]>;
  /** [STORE-CERT-4] The one cross-school read: an attestation by its verification code (public verification). */
  findResultByVerificationCode(code: string): Promise<CertificationResultRecord | null>;
}

type Row = Record<string, unknown>;

export function toSessionSecret(row: Row): SessionSecret {
  return {
    organizationId: String(row.organization_id),
    sessionId: String(row.session_id),
    accessCode: String(row.access_code),
    invigilatorPassword: String(row.invigilator_password),
    createdAt: Number(row.created_at),
  };
}

export function toResultRecord(row: Row): CertificationResultRecord {
  return {
    organizationId: String(row.organization_id),
    sessionId: String(row.session_id),
    candidateId: String(row.candidate_id),
    learnerId: String(row.learner_id),
    verificationCode: typeof row.verification_code === 'string' ? row.verification_code : null,
    body: JSON.parse(String(row.body)) as Record<string, unknown>,
    computedAt: Number(row.computed_at),
  };
}

export function resultParams(r: CertificationResultRecord): (string | number | null)[] {
  return [r.organizationId, r.sessionId, r.candidateId, r.learnerId, r.verificationCode, JSON.stringify(r.body), r.computedAt];
}

export const RESULT_COLUMNS = '(organization_id, session_id, candidate_id, learner_id, verification_code, body, computed_at)';
