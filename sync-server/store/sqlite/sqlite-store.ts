/**
 * SQLite store (better-sqlite3): the default for one school. WAL journal with synchronous=FULL, so a committed
 * answer survives a power cut of the relay machine.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { asError, failGroup, settleGroup } from '../group-commit.ts';
import type { GroupedWrite, WriteOutcome } from '../group-commit.ts';
import { DEVICE_STATUS_COLUMNS, DEVICE_STATUS_UPSERT_SET, deviceStatusParams, listDeviceStatusesSql, toDeviceStatus } from '../device-status-rows.ts';
import { readMigrations } from '../migrations.ts';
import { LEARNER_IMPORT_COLUMNS, learnerImportParams, toLearnerImportRecord } from '../learner-import-rows.ts';
import type { LearnerImportRecord, LearnerImportWrite } from '../store.ts';
import { assertDistinctIds, assessmentResultParams, DOCUMENT_COLUMNS, documentParams, learnerParams, ORGANIZATION_CONTENT_PACK_COLUMNS, organizationContentPackParams, toAssessmentResult, toAuthToken, toDevice, toLearner, toLearnerSignInFailures, toOrganization, toOrganizationContentPack, toStoredDocument, toStoredWrite, toUser, userParams } from '../rows.ts';
import { normalizeEmail, StoreConflictError } from '../store.ts';
import type { TeamStore } from '../team-store.ts';
import { SqliteTeamStore } from './sqlite-team-store.ts';
import { SqliteCertificationStore } from './sqlite-certification-store.ts';
import type { CertificationStore } from '../certification-store.ts';
import type { AssessmentKey, AssessmentResultRecord, AuthToken, Device, DeviceStatus, Learner, LearnerSignInFailures, LearnerSignInMode, NewDevice, Organization, OrganizationContentPack, PersonalCode, PullQuery, Store, StoredDocument, User, WriteDecision } from '../store.ts';

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

type Row = Record<string, unknown>;


type SqliteGroupedWrite = GroupedWrite<() => unknown>;

export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly team: TeamStore;
  readonly certification: CertificationStore;
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  /** Document writes waiting for the next group commit (see grouped()). */
  private group: SqliteGroupedWrite[] | null = null;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.team = new SqliteTeamStore(this.db);
    this.certification = new SqliteCertificationStore(this.db);
  }

  /** Statements are compiled once and reused: compiling on every call cost about 5 % of the relay's time under load. */
  private prepare(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  migrate(): Promise<void> {
    this.db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL)');
    const applied = new Set(
      (this.prepare('SELECT version FROM schema_migrations').all() as Row[]).map((r) => Number(r.version)),
    );
    for (const migration of readMigrations(MIGRATIONS_DIR)) {
      if (applied.has(migration.version)) continue;
      this.db.transaction(() => {
        this.db.exec(migration.sql);
        this.prepare('INSERT INTO schema_migrations (version, name) VALUES (?, ?)').run(migration.version, migration.name);
      })();
    }
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.flushGroup();
    this.db.close();
    return Promise.resolve();
  }

  isEmpty(): Promise<boolean> {
    const row = this.prepare('SELECT COUNT(*) AS n FROM organizations').get() as Row;
    return Promise.resolve(Number(row.n) === 0);
  }

  createOrganization(org: Organization): Promise<void> {
    return this.write(() =>
      this.prepare('INSERT INTO organizations (id, name, uai, created_at) VALUES (?, ?, ?, ?)').run(org.id, org.name, org.uai, org.createdAt),
    );
  }

  getOrganization(id: string): Promise<Organization | null> {
    return this.one('SELECT * FROM organizations WHERE id = ?', [id], toOrganization);
  }
  findOrganizationByUai(uai: string): Promise<Organization | null> {
    const row = this.prepare('SELECT * FROM organizations WHERE uai = ?').get(uai.toUpperCase()) as Row | undefined;
    return Promise.resolve(row ? toOrganization(row) : null);
  }


  createUser(user: User): Promise<void> {
    const normalized = { ...user, email: normalizeEmail(user.email) };
    return this.write(() =>
      this.prepare('INSERT INTO users (id, organization_id, email, first_name, last_name, password_hash, roles, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(...userParams(normalized)),
    );
  }

  findUserByEmail(email: string): Promise<User | null> {
    return this.one('SELECT * FROM users WHERE email = ? AND removed_at IS NULL', [normalizeEmail(email)], toUser);
  }

  getUser(id: string): Promise<User | null> {
    return this.one('SELECT * FROM users WHERE id = ?', [id], toUser);
  }

  createAuthToken(t: AuthToken): Promise<void> {
    return this.write(() =>
      this.prepare('INSERT INTO auth_tokens (token_hash, subject_type, subject_id, organization_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(t.tokenHash, t.subjectType, t.subjectId, t.organizationId, t.createdAt, t.expiresAt),
    );
  }

  findAuthToken(tokenHash: string, now: number): Promise<AuthToken | null> {
    return this.one(
      `SELECT t.* FROM auth_tokens t WHERE t.token_hash = ? AND t.expires_at > ?
         AND (t.subject_type <> 'device' OR EXISTS (SELECT 1 FROM devices d WHERE d.id = t.subject_id AND d.withdrawn_at IS NULL))
         AND (t.subject_type <> 'user' OR NOT EXISTS (SELECT 1 FROM users u WHERE u.id = t.subject_id AND u.removed_at IS NOT NULL))`,
      [tokenHash, now],
      toAuthToken,
    );
  }

  deleteAuthToken(tokenHash: string): Promise<void> {
    return this.write(() => this.prepare('DELETE FROM auth_tokens WHERE token_hash = ?').run(tokenHash));
  }

  createDevice(d: NewDevice): Promise<void> {
    return this.write(() =>
      this.prepare('INSERT INTO devices (id, organization_id, name, enrolled_by, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(d.id, d.organizationId, d.name, d.enrolledBy, d.createdAt),
    );
  }

  getDevice(id: string): Promise<Device | null> {
    return this.one('SELECT * FROM devices WHERE id = ?', [id], toDevice);
  }

  listDevices(organizationId: string): Promise<Device[]> {
    const rows = this.prepare('SELECT * FROM devices WHERE organization_id = ? AND withdrawn_at IS NULL ORDER BY created_at, id').all(organizationId) as Row[];
    return Promise.resolve(rows.map(toDevice));
  }

  touchDevice(id: string, now: number): Promise<void> {
    return this.write(() => this.prepare('UPDATE devices SET last_seen_at = ? WHERE id = ?').run(now, id));
  }

  saveDeviceStatus(status: DeviceStatus): Promise<void> {
    return this.write(() =>
      this.prepare(`INSERT INTO device_statuses ${DEVICE_STATUS_COLUMNS} VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (device_id) DO UPDATE SET ${DEVICE_STATUS_UPSERT_SET}`)
        .run(...deviceStatusParams(status)),
    );
  }

  listDeviceStatuses(organizationId: string): Promise<(DeviceStatus & { name: string })[]> {
    return Promise.resolve((this.prepare(listDeviceStatusesSql('?')).all(organizationId) as Row[]).map(toDeviceStatus));
  }

  withdrawDevice(organizationId: string, id: string, now: number): Promise<boolean> {
    const mark = this.prepare('UPDATE devices SET withdrawn_at = ? WHERE id = ? AND organization_id = ? AND withdrawn_at IS NULL');
    const revoke = this.prepare(`DELETE FROM auth_tokens WHERE subject_type = 'device' AND subject_id = ?`);
    try {
      const withdrawn = this.db.transaction(() => {
        if (mark.run(now, id, organizationId).changes === 0) return false;
        revoke.run(id);
        return true;
      })();
      return Promise.resolve(withdrawn);
    } catch (error) {
      return Promise.reject(asError(error));
    }
  }

  recordLearnerSignInFailure(input: { learnerId: string; organizationId: string; now: number; forgetBefore: number }): Promise<LearnerSignInFailures> {
    // One statement, so that concurrent failures each count (no read-then-write race).
    const row = this.prepare(
      `INSERT INTO learner_sign_in_failures (learner_id, organization_id, failures, last_failure_at) VALUES (?, ?, 1, ?)
       ON CONFLICT (learner_id) DO UPDATE SET
         failures = CASE WHEN learner_sign_in_failures.last_failure_at <= ? THEN 1 ELSE learner_sign_in_failures.failures + 1 END,
         last_failure_at = excluded.last_failure_at
       RETURNING *`,
    ).get(input.learnerId, input.organizationId, input.now, input.forgetBefore) as Row;
    return Promise.resolve(toLearnerSignInFailures(row));
  }

  getLearnerSignInFailures(learnerIds: string[]): Promise<Map<string, LearnerSignInFailures>> {
    const rows = this.prepare('SELECT * FROM learner_sign_in_failures WHERE learner_id IN (SELECT value FROM json_each(?))').all(JSON.stringify(learnerIds)) as Row[];
    return Promise.resolve(new Map(rows.map((r) => [String(r.learner_id), toLearnerSignInFailures(r)])));
  }

  clearLearnerSignInFailures(learnerId: string): Promise<void> {
    return this.write(() => this.prepare('DELETE FROM learner_sign_in_failures WHERE learner_id = ?').run(learnerId));
  }

  getLearnerSignInMode(organizationId: string): Promise<LearnerSignInMode> {
    const row = this.prepare('SELECT learner_sign_in FROM organizations WHERE id = ?').get(organizationId) as Row | undefined;
    return Promise.resolve(row?.learner_sign_in === 'personal-code-only' ? 'personal-code-only' : 'birth-date-or-code');
  }

  setLearnerSignInMode(organizationId: string, mode: LearnerSignInMode): Promise<void> {
    return this.write(() => this.prepare('UPDATE organizations SET learner_sign_in = ? WHERE id = ?').run(mode, organizationId));
  }

  upsertLearners(learners: Learner[]): Promise<void> {
    const insert = this.prepare(
      `INSERT INTO learners (id, organization_id, last_name, first_name, class_name, birth_date, national_id, active, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET organization_id = excluded.organization_id, last_name = excluded.last_name,
         first_name = excluded.first_name, class_name = excluded.class_name, birth_date = excluded.birth_date,
         national_id = excluded.national_id, active = excluded.active, updated_at = excluded.updated_at`,
    );
    return this.write(() => this.db.transaction((rows: Learner[]) => rows.forEach((l) => insert.run(...learnerParams(l, true))))(learners));
  }

  listLearners(organizationId: string): Promise<Learner[]> {
    const rows = this.prepare('SELECT * FROM learners WHERE organization_id = ? ORDER BY class_name, last_name, first_name, id')
      .all(organizationId) as Row[];
    return Promise.resolve(rows.map(toLearner));
  }

  getLearners(ids: string[]): Promise<Learner[]> {
    if (ids.length === 0) return Promise.resolve([]);
    const rows = this.prepare(`SELECT * FROM learners WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as Row[];
    return Promise.resolve(rows.map(toLearner));
  }
  setPersonalCode(code: PersonalCode): Promise<void> {
    return this.write(() =>
      this.prepare(
          `INSERT INTO learner_personal_codes (learner_id, organization_id, digest, hash, created_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (learner_id) DO UPDATE SET organization_id = excluded.organization_id, digest = excluded.digest, hash = excluded.hash, created_at = excluded.created_at`,
        )
        .run(code.learnerId, code.organizationId, code.digest, code.hash, code.createdAt),
    );
  }

  findLearnerByPersonalCode(organizationId: string, digest: string): Promise<Learner | null> {
    const row = this.prepare('SELECT l.* FROM learner_personal_codes c JOIN learners l ON l.id = c.learner_id WHERE c.organization_id = ? AND c.digest = ?')
      .get(organizationId, digest) as Row | undefined;
    return Promise.resolve(row ? toLearner(row) : null);
  }

  getPersonalCodeHashes(learnerIds: string[]): Promise<Map<string, string>> {
    const rows = this.prepare('SELECT learner_id, hash FROM learner_personal_codes WHERE learner_id IN (SELECT value FROM json_each(?))').all(JSON.stringify(learnerIds)) as Row[];
    return Promise.resolve(new Map(rows.map((r) => [String(r.learner_id), String(r.hash)])));
  }

  /**
   * [STORE-IMPORT-1] Through writeDocuments: its decision runs inside the group's savepoint, so the learner rows and
   * the import's record written there commit, or roll back, with the `learners` documents.
   */
  async importLearners(input: LearnerImportWrite): Promise<{ written: StoredDocument[] }> {
    const current = this.prepare('SELECT * FROM learners WHERE organization_id = ?');
    const upsert = this.prepare(
      `INSERT INTO learners (id, organization_id, last_name, first_name, class_name, birth_date, national_id, active, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET last_name = excluded.last_name, first_name = excluded.first_name, class_name = excluded.class_name,
         birth_date = excluded.birth_date, national_id = excluded.national_id, active = excluded.active, updated_at = excluded.updated_at
       WHERE learners.organization_id = excluded.organization_id`,
    );
    const record = this.prepare(`INSERT INTO learner_imports ${LEARNER_IMPORT_COLUMNS} VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const { written } = await this.writeDocuments({
      collection: 'learners',
      organizationId: input.organizationId,
      ids: input.documents.map((d) => d.id),
      now: input.now,
      decide: () => {
        input.check((current.all(input.organizationId) as Row[]).map(toLearner));
        for (const learner of input.learners) upsert.run(...learnerParams({ ...learner, organizationId: input.organizationId }, true));
        record.run(...learnerImportParams(input.record));
        return { writes: input.documents, conflicts: [] };
      },
    });
    return { written };
  }

  listLearnerImports(organizationId: string, limit: number): Promise<LearnerImportRecord[]> {
    const rows = this.prepare('SELECT * FROM learner_imports WHERE organization_id = ? ORDER BY imported_at DESC, id LIMIT ?').all(organizationId, limit) as Row[];
    return Promise.resolve(rows.map(toLearnerImportRecord));
  }


  writeDocuments(input: { collection: string; organizationId: string; ids: string[]; now: number; decide: WriteDecision }): Promise<{
    written: StoredDocument[];
    conflicts: StoredDocument[];
  }> {
    const select = this.prepare(`SELECT * FROM documents WHERE organization_id = ? AND collection = ? AND id IN (SELECT value FROM json_each(?))`);
    const bump = this.prepare(`UPDATE counters SET value = value + ? WHERE name = 'document_seq' RETURNING value`);
    const upsert = this.prepare(
      `INSERT INTO documents ${DOCUMENT_COLUMNS} VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (organization_id, collection, id) DO UPDATE SET learner_id = excluded.learner_id, parent_id = excluded.parent_id,
         seq = excluded.seq, updated_at = excluded.updated_at, deleted = excluded.deleted, body = excluded.body`,
    );
    return this.grouped(() => {
      const existing = new Map((select.all(input.organizationId, input.collection, JSON.stringify(input.ids)) as Row[]).map((row) => {
        const doc = toStoredDocument(row);
        return [doc.id, doc] as const;
      }));
      const { writes, conflicts } = input.decide(existing);
      assertDistinctIds(writes);
      if (writes.length === 0) return { written: [], conflicts };
      const last = Number((bump.get(writes.length) as Row).value);
      const written = writes.map((write, i) => toStoredWrite(input.collection, input.organizationId, write, last - writes.length + 1 + i, input.now));
      for (const doc of written) upsert.run(...documentParams(doc, true));
      return { written, conflicts };
    });
  }

  /**
   * Group commit: the document writes that arrive within one turn of the event loop (the pushes of many lab
   * machines at once) share one transaction and so one fsync, each inside its own savepoint, so a batch that fails
   * is undone alone. Every caller is answered only after the commit: durability is that of one write per commit.
   * Under a lab's load this turns hundreds of fsyncs a second into tens.
   */
  private grouped<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (!this.group) {
        this.group = [];
        setImmediate(() => this.flushGroup());
      }
      this.group.push({ work, resolve: resolve as (value: unknown) => void, reject });
    });
  }

  private flushGroup(): void {
    const group = this.group;
    this.group = null;
    if (!group || group.length === 0) return;
    const outcomes: WriteOutcome[] = [];
    try {
      this.db
        .transaction(() => {
          for (const item of group) {
            try {
              // A nested better-sqlite3 transaction is a savepoint: rolled back alone when its work throws.
              outcomes.push({ ok: true, value: this.db.transaction(item.work)() });
            } catch (error) {
              outcomes.push({ ok: false, error: asError(error) });
            }
          }
        })
        .immediate();
    } catch (error) {
      failGroup(group, error);
      return;
    }
    settleGroup(group, outcomes);
  }

  pullDocuments(query: PullQuery): Promise<StoredDocument[]> {
    const rows = (
      query.learnerId === undefined
        ? this.prepare('SELECT * FROM documents WHERE collection = ? AND organization_id = ? AND seq > ? ORDER BY seq LIMIT ?')
            .all(query.collection, query.organizationId, query.afterSeq, query.limit)
        : this.prepare('SELECT * FROM documents WHERE collection = ? AND learner_id = ? AND organization_id = ? AND seq > ? ORDER BY seq LIMIT ?')
            .all(query.collection, query.learnerId, query.organizationId, query.afterSeq, query.limit)
    ) as Row[];
    return Promise.resolve(rows.map(toStoredDocument));
  }

  getDocuments(organizationId: string, collection: string, ids: string[]): Promise<StoredDocument[]> {
    if (ids.length === 0) return Promise.resolve([]);
    const rows = this.prepare('SELECT * FROM documents WHERE organization_id = ? AND collection = ? AND id IN (SELECT value FROM json_each(?))')
      .all(organizationId, collection, JSON.stringify(ids)) as Row[];
    return Promise.resolve(rows.map(toStoredDocument));
  }

  lastSequence(): Promise<number> {
    const row = this.prepare(`SELECT value FROM counters WHERE name = 'document_seq'`).get() as Row;
    return Promise.resolve(Number(row.value));
  }

  getChildDocuments(organizationId: string, collection: string, parentIds: string[]): Promise<StoredDocument[]> {
    if (parentIds.length === 0) return Promise.resolve([]);
    const rows = this.prepare('SELECT * FROM documents WHERE organization_id = ? AND collection = ? AND parent_id IN (SELECT value FROM json_each(?)) ORDER BY seq')
      .all(organizationId, collection, JSON.stringify(parentIds)) as Row[];
    return Promise.resolve(rows.map(toStoredDocument));
  }

  listAssessmentsNeedingResults(after: AssessmentKey | null, limit: number): Promise<AssessmentKey[]> {
    const afterOrg = after?.organizationId ?? '';
    const rows = this.prepare(
        `SELECT d.id, d.organization_id FROM documents d
       LEFT JOIN assessment_results r ON r.organization_id = d.organization_id AND r.assessment_id = d.id
       WHERE d.collection = 'assessments' AND (d.organization_id > ? OR (d.organization_id = ? AND d.id > ?))
         AND (r.assessment_id IS NULL OR r.computed_at < d.updated_at
              OR EXISTS (SELECT 1 FROM documents a WHERE a.organization_id = d.organization_id AND a.collection = 'answers' AND a.parent_id = d.id AND a.updated_at > r.computed_at))
       ORDER BY d.organization_id, d.id LIMIT ?`,
      )
      .all(afterOrg, afterOrg, after?.id ?? '', limit) as Row[];
    return Promise.resolve(rows.map((r) => ({ id: String(r.id), organizationId: String(r.organization_id) })));
  }

  saveAssessmentResults(records: AssessmentResultRecord[]): Promise<void> {
    const upsert = this.prepare(
      `INSERT INTO assessment_results (assessment_id, organization_id, learner_id, kind, campaign_id, content_version, computed_at, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (organization_id, assessment_id) DO UPDATE SET learner_id = excluded.learner_id, kind = excluded.kind,
         campaign_id = excluded.campaign_id, content_version = excluded.content_version, computed_at = excluded.computed_at, body = excluded.body`,
    );
    return this.write(() => this.db.transaction(() => records.forEach((r) => upsert.run(...assessmentResultParams(r))))());
  }

  getAssessmentResults(organizationId: string, assessmentIds: string[]): Promise<AssessmentResultRecord[]> {
    if (assessmentIds.length === 0) return Promise.resolve([]);
    const rows = this.prepare('SELECT * FROM assessment_results WHERE organization_id = ? AND assessment_id IN (SELECT value FROM json_each(?))')
      .all(organizationId, JSON.stringify(assessmentIds)) as Row[];
    return Promise.resolve(rows.map(toAssessmentResult));
  }

  listAssessmentResults(organizationId: string, campaignId: string): Promise<AssessmentResultRecord[]> {
    const rows = this.prepare('SELECT * FROM assessment_results WHERE organization_id = ? AND campaign_id = ? ORDER BY assessment_id').all(organizationId, campaignId) as Row[];
    return Promise.resolve(rows.map(toAssessmentResult));
  }

  saveContentPack(version: string, body: string, now: number): Promise<void> {
    return this.write(() =>
      this.prepare('INSERT INTO content_packs (version, body, stored_at, builtin) VALUES (?, ?, ?, 1) ON CONFLICT (version) DO UPDATE SET builtin = 1').run(version, body, now),
    );
  }

  getContentPackFor(organizationId: string, version: string): Promise<string | null> {
    const row = this.prepare(
      `SELECT body FROM content_packs p WHERE p.version = ?
         AND (p.builtin = 1 OR EXISTS (SELECT 1 FROM organization_content_packs o WHERE o.organization_id = ? AND o.version = p.version))`,
    ).get(version, organizationId) as Row | undefined;
    return Promise.resolve(row ? String(row.body) : null);
  }

  getContentPack(version: string): Promise<string | null> {
    const row = this.prepare('SELECT body FROM content_packs WHERE version = ?').get(version) as Row | undefined;
    return Promise.resolve(row ? String(row.body) : null);
  }

  addOrganizationContentPack(record: OrganizationContentPack, packJson: string): Promise<{ record: OrganizationContentPack; created: boolean }> {
    const saveBody = this.prepare('INSERT INTO content_packs (version, body, stored_at) VALUES (?, ?, ?) ON CONFLICT (version) DO NOTHING');
    const insert = this.prepare(`INSERT INTO organization_content_packs ${ORGANIZATION_CONTENT_PACK_COLUMNS} VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`);
    const select = this.prepare('SELECT * FROM organization_content_packs WHERE organization_id = ? AND version = ?');
    try {
      const result = this.db
        .transaction(() => {
          saveBody.run(record.version, packJson, record.importedAt);
          const created = insert.run(...organizationContentPackParams(record)).changes === 1;
          return { record: toOrganizationContentPack(select.get(record.organizationId, record.version) as Row), created };
        })
        .immediate();
      return Promise.resolve(result);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  listOrganizationContentPacks(organizationId: string): Promise<OrganizationContentPack[]> {
    const rows = this.prepare('SELECT * FROM organization_content_packs WHERE organization_id = ? ORDER BY imported_at DESC, version')
      .all(organizationId) as Row[];
    return Promise.resolve(rows.map(toOrganizationContentPack));
  }

  private one<T>(sql: string, params: unknown[], map: (row: Row) => T): Promise<T | null> {
    const row = this.prepare(sql).get(...params) as Row | undefined;
    return Promise.resolve(row ? map(row) : null);
  }

  /** Runs a write; a UNIQUE violation becomes a StoreConflictError, as on PostgreSQL. */
  private write(run: () => unknown): Promise<void> {
    try {
      run();
      return Promise.resolve();
    } catch (error) {
      if (error instanceof Error && 'code' in error && String(error.code).startsWith('SQLITE_CONSTRAINT_UNIQUE')) {
        return Promise.reject(new StoreConflictError(error.message));
      }
      if (error instanceof Error && 'code' in error && String(error.code) === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
        return Promise.reject(new StoreConflictError(error.message));
      }
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }
}
