/** store.certification on SQLite ([STORE-CERT-1] … [STORE-CERT-4]): one writer, so a transaction is all it takes. */
import type Database from 'better-sqlite3';
import { RESULT_COLUMNS, resultParams, toResultRecord, toSessionSecret } from '../certification-store.ts';
import type { CertificationResultRecord, CertificationStore, SessionSecret } from '../certification-store.ts';
import { StoreConflictError } from '../store.ts';

type Row = Record<string, unknown>;

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && 'code' in error && /^SQLITE_CONSTRAINT_(UNIQUE|PRIMARYKEY)$/.test(String(error.code));
}

function settle<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (error) {
    return Promise.reject(isUniqueViolation(error) ? new StoreConflictError(String(error)) : error instanceof Error ? error : new Error(String(error)));
  }
}

export class SqliteCertificationStore implements CertificationStore {
  constructor(private readonly db: Database.Database) {}

  saveSessionSecret(secret: SessionSecret): Promise<void> {
    return settle(() => {
      this.db
        .prepare('INSERT INTO certification_session_secrets (organization_id, session_id, access_code, invigilator_password, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(secret.organizationId, secret.sessionId, secret.accessCode, secret.invigilatorPassword, secret.createdAt);
    });
  }

  getSessionSecret(organizationId: string, sessionId: string): Promise<SessionSecret | null> {
    return settle(() => {
      const row = this.db.prepare('SELECT * FROM certification_session_secrets WHERE organization_id = ? AND session_id = ?').get(organizationId, sessionId) as Row | undefined;
      return row ? toSessionSecret(row) : null;
    });
  }

  findSessionByAccessCode(accessCode: string): Promise<SessionSecret | null> {
    return settle(() => {
      const row = this.db.prepare('SELECT * FROM certification_session_secrets WHERE access_code = ?').get(accessCode) as Row | undefined;
      return row ? toSessionSecret(row) : null;
    });
  }

  saveResults(organizationId: string, sessionId: string, records: CertificationResultRecord[]): Promise<void> {
    return settle(() => {
      this.db
        .transaction(() => {
          this.db.prepare('DELETE FROM certification_results WHERE organization_id = ? AND session_id = ?').run(organizationId, sessionId);
          const insert = this.db.prepare(`INSERT INTO certification_results ${RESULT_COLUMNS} VALUES (?, ?, ?, ?, ?, ?, ?)`);
          for (const record of records) insert.run(...resultParams({ ...record, organizationId, sessionId }));
        })
        .immediate();
    });
  }

  listResults(organizationId: string, sessionId: string): Promise<CertificationResultRecord[]> {
    return settle(() =>
      (this.db.prepare('SELECT * FROM certification_results WHERE organization_id = ? AND session_id = ? ORDER BY candidate_id').all(organizationId, sessionId) as Row[]).map(toResultRecord),
    );
  }

  findResultByVerificationCode(code: string): Promise<CertificationResultRecord | null> {
    return settle(() => {
      const row = this.db.prepare('SELECT * FROM certification_results WHERE verification_code = ?').get(code) as Row | undefined;
      return row ? toResultRecord(row) : null;
    });
  }
}
