/** store.certification on PostgreSQL ([STORE-CERT-1] … [STORE-CERT-4]). */
import type pg from 'pg';
import { RESULT_COLUMNS, resultParams, toResultRecord, toSessionSecret } from '../certification-store.ts';
import type { CertificationResultRecord, CertificationStore, SessionSecret } from '../certification-store.ts';
import { StoreConflictError } from '../store.ts';

type Row = Record<string, unknown>;

/** 23505: unique_violation. */
function conflictOr(error: unknown): Error {
  if (error instanceof Error && 'code' in error && error.code === '23505') return new StoreConflictError(error.message);
  return error instanceof Error ? error : new Error(String(error));
}

export class PostgresCertificationStore implements CertificationStore {
  constructor(private readonly pool: pg.Pool) {}

  async saveSessionSecret(secret: SessionSecret): Promise<void> {
    try {
      await this.pool.query(
        'INSERT INTO certification_session_secrets (organization_id, session_id, access_code, invigilator_password, created_at) VALUES ($1, $2, $3, $4, $5)',
        [secret.organizationId, secret.sessionId, secret.accessCode, secret.invigilatorPassword, secret.createdAt],
      );
    } catch (error) {
      throw conflictOr(error);
    }
  }

  async getSessionSecret(organizationId: string, sessionId: string): Promise<SessionSecret | null> {
    const { rows } = await this.pool.query<Row>('SELECT * FROM certification_session_secrets WHERE organization_id = $1 AND session_id = $2', [organizationId, sessionId]);
    return rows[0] ? toSessionSecret(rows[0]) : null;
  }

  async findSessionByAccessCode(accessCode: string): Promise<SessionSecret | null> {
    const { rows } = await this.pool.query<Row>('SELECT * FROM certification_session_secrets WHERE access_code = $1', [accessCode]);
    return rows[0] ? toSessionSecret(rows[0]) : null;
  }

  async saveResults(organizationId: string, sessionId: string, records: CertificationResultRecord[]): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('DELETE FROM certification_results WHERE organization_id = $1 AND session_id = $2', [organizationId, sessionId]);
      for (const record of records) {
        await client.query(`INSERT INTO certification_results ${RESULT_COLUMNS} VALUES ($1, $2, $3, $4, $5, $6, $7)`, resultParams({ ...record, organizationId, sessionId }));
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw conflictOr(error);
    } finally {
      client.release();
    }
  }

  async listResults(organizationId: string, sessionId: string): Promise<CertificationResultRecord[]> {
    const { rows } = await this.pool.query<Row>('SELECT * FROM certification_results WHERE organization_id = $1 AND session_id = $2 ORDER BY candidate_id', [organizationId, sessionId]);
    return rows.map(toResultRecord);
  }

  async findResultByVerificationCode(code: string): Promise<CertificationResultRecord | null> {
    const { rows } = await this.pool.query<Row>('SELECT * FROM certification_results WHERE verification_code = $1', [code]);
    return rows[0] ? toResultRecord(rows[0]) : null;
  }
}
