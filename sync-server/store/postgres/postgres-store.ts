/**
 * PostgreSQL store (pg Pool): for several stateless relay instances behind a load balancer on one database.
 * Same interface and contract suite as the SQLite store.
 */
import pg from 'pg';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { asError, failGroup, settleGroup } from '../group-commit.ts';
import type { GroupedWrite, WriteOutcome } from '../group-commit.ts';
import { DEVICE_STATUS_COLUMNS, DEVICE_STATUS_UPSERT_SET, deviceStatusParams, listDeviceStatusesSql, toDeviceStatus } from '../device-status-rows.ts';
import { readMigrations } from '../migrations.ts';
import { LEARNER_IMPORT_COLUMNS, learnerImportParams, toLearnerImportRecord } from '../learner-import-rows.ts';
import type { DeviceStatus, DocumentWrite, LearnerImportRecord, LearnerImportWrite } from '../store.ts';
import { assertDistinctIds, assessmentResultParams, DOCUMENT_COLUMN_COUNT, DOCUMENT_COLUMNS, documentParams, learnerParams, ORGANIZATION_CONTENT_PACK_COLUMNS, organizationContentPackParams, toAssessmentResult, toAuthToken, toDevice, toLearner, toLearnerSignInFailures, toOrganization, toOrganizationContentPack, toStoredDocument, toStoredWrite, toUser, userParams } from '../rows.ts';
import { normalizeEmail, StoreConflictError } from '../store.ts';
import type { TeamStore } from '../team-store.ts';
import { PostgresTeamStore } from './postgres-team-store.ts';
import { PostgresCertificationStore } from './postgres-certification-store.ts';
import type { CertificationStore } from '../certification-store.ts';
import type { AssessmentKey, AssessmentResultRecord, AuthToken, Device, Learner, LearnerSignInFailures, LearnerSignInMode, NewDevice, Organization, OrganizationContentPack, PersonalCode, PullQuery, Store, StoredDocument, User, WriteDecision } from '../store.ts';

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
/** Arbitrary key of the advisory lock that serialises migrations across relay instances. */
const MIGRATION_LOCK_KEY = 7_274_091;
const INT8_OID = 20;
/** Documents per INSERT statement: 9 parameters each, well under PostgreSQL's 65,535. */
const DOCUMENTS_PER_INSERT = 1000;

// Milliseconds since epoch and sequences fit in a double: read int8 as numbers, not strings.
pg.types.setTypeParser(INT8_OID, (value: string) => Number(value));

type Row = Record<string, unknown>;

type PgGroupedWrite = GroupedWrite<(client: pg.PoolClient) => Promise<unknown>>;

export class PostgresStore implements Store {
  /** Document writes waiting for their organisation's next group commit, and the organisations being committed. */
  private readonly groups = new Map<string, PgGroupedWrite[]>();
  private readonly flushing = new Set<string>();
  readonly kind = 'postgres' as const;
  readonly team: TeamStore;
  readonly certification: CertificationStore;
  private readonly pool: pg.Pool;

  constructor(connectionString: string, options: { max?: number; schema?: string } = {}) {
    this.pool = new pg.Pool({
      connectionString,
      max: options.max ?? 10,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    this.team = new PostgresTeamStore(this.pool);
    this.certification = new PostgresCertificationStore(this.pool);
  }

  async migrate(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL)');
      const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
      const applied = new Set(rows.map((r) => Number(r.version)));
      for (const migration of readMigrations(MIGRATIONS_DIR)) {
        if (applied.has(migration.version)) continue;
        await client.query('BEGIN');
        try {
          await client.query(migration.sql);
          await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
      client.release();
    }
  }

  async close(): Promise<void> {
    // Writes already accepted are committed (or refused) before the pool goes away.
    while (this.flushing.size > 0) await new Promise((resolve) => setImmediate(resolve));
    await this.pool.end();
  }

  async isEmpty(): Promise<boolean> {
    const { rows } = await this.pool.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM organizations');
    return rows[0]?.n === 0;
  }

  async createOrganization(org: Organization): Promise<void> {
    await this.write('INSERT INTO organizations (id, name, uai, created_at) VALUES ($1, $2, $3, $4)', [org.id, org.name, org.uai, org.createdAt]);
  }

  getOrganization(id: string): Promise<Organization | null> {
    return this.one('SELECT * FROM organizations WHERE id = $1', [id], toOrganization);
  }
  findOrganizationByUai(uai: string): Promise<Organization | null> {
    return this.one('SELECT * FROM organizations WHERE uai = $1', [uai.toUpperCase()], toOrganization);
  }


  async createUser(user: User): Promise<void> {
    await this.write(
      'INSERT INTO users (id, organization_id, email, first_name, last_name, password_hash, roles, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      userParams({ ...user, email: normalizeEmail(user.email) }),
    );
  }

  findUserByEmail(email: string): Promise<User | null> {
    return this.one('SELECT * FROM users WHERE email = $1 AND removed_at IS NULL', [normalizeEmail(email)], toUser);
  }

  getUser(id: string): Promise<User | null> {
    return this.one('SELECT * FROM users WHERE id = $1', [id], toUser);
  }

  async createAuthToken(t: AuthToken): Promise<void> {
    await this.write(
      'INSERT INTO auth_tokens (token_hash, subject_type, subject_id, organization_id, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [t.tokenHash, t.subjectType, t.subjectId, t.organizationId, t.createdAt, t.expiresAt],
    );
  }

  findAuthToken(tokenHash: string, now: number): Promise<AuthToken | null> {
    return this.one(
      `SELECT t.* FROM auth_tokens t WHERE t.token_hash = $1 AND t.expires_at > $2
         AND (t.subject_type <> 'device' OR EXISTS (SELECT 1 FROM devices d WHERE d.id = t.subject_id AND d.withdrawn_at IS NULL))
         AND (t.subject_type <> 'user' OR NOT EXISTS (SELECT 1 FROM users u WHERE u.id = t.subject_id AND u.removed_at IS NOT NULL))`,
      [tokenHash, now],
      toAuthToken,
    );
  }

  async deleteAuthToken(tokenHash: string): Promise<void> {
    await this.write('DELETE FROM auth_tokens WHERE token_hash = $1', [tokenHash]);
  }

  async createDevice(d: NewDevice): Promise<void> {
    await this.write('INSERT INTO devices (id, organization_id, name, enrolled_by, created_at) VALUES ($1, $2, $3, $4, $5)', [
      d.id, d.organizationId, d.name, d.enrolledBy, d.createdAt,
    ]);
  }

  getDevice(id: string): Promise<Device | null> {
    return this.one('SELECT * FROM devices WHERE id = $1', [id], toDevice);
  }

  async listDevices(organizationId: string): Promise<Device[]> {
    const { rows } = await this.pool.query<Row>('SELECT * FROM devices WHERE organization_id = $1 AND withdrawn_at IS NULL ORDER BY created_at, id', [organizationId]);
    return rows.map(toDevice);
  }

  async touchDevice(id: string, now: number): Promise<void> {
    await this.write('UPDATE devices SET last_seen_at = $1 WHERE id = $2', [now, id]);
  }

  async saveDeviceStatus(status: DeviceStatus): Promise<void> {
    await this.write(
      `INSERT INTO device_statuses ${DEVICE_STATUS_COLUMNS} VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (device_id) DO UPDATE SET ${DEVICE_STATUS_UPSERT_SET}`,
      deviceStatusParams(status),
    );
  }

  async listDeviceStatuses(organizationId: string): Promise<(DeviceStatus & { name: string })[]> {
    const { rows } = await this.pool.query<Row>(listDeviceStatusesSql('$1'), [organizationId]);
    return rows.map(toDeviceStatus);
  }

  async withdrawDevice(organizationId: string, id: string, now: number): Promise<boolean> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const marked = await client.query('UPDATE devices SET withdrawn_at = $1 WHERE id = $2 AND organization_id = $3 AND withdrawn_at IS NULL', [now, id, organizationId]);
      if (marked.rowCount === 1) await client.query(`DELETE FROM auth_tokens WHERE subject_type = 'device' AND subject_id = $1`, [id]);
      await client.query('COMMIT');
      return marked.rowCount === 1;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }

  async recordLearnerSignInFailure(input: { learnerId: string; organizationId: string; now: number; forgetBefore: number }): Promise<LearnerSignInFailures> {
    // One statement, so that concurrent failures each count (no read-then-write race).
    const { rows } = await this.pool.query<Row>(
      `INSERT INTO learner_sign_in_failures (learner_id, organization_id, failures, last_failure_at) VALUES ($1, $2, 1, $3)
       ON CONFLICT (learner_id) DO UPDATE SET
         failures = CASE WHEN learner_sign_in_failures.last_failure_at <= $4 THEN 1 ELSE learner_sign_in_failures.failures + 1 END,
         last_failure_at = excluded.last_failure_at
       RETURNING *`,
      [input.learnerId, input.organizationId, input.now, input.forgetBefore],
    );
    const row = rows[0];
    if (!row) throw new Error('the failure count was not returned');
    return toLearnerSignInFailures(row);
  }

  async getLearnerSignInFailures(learnerIds: string[]): Promise<Map<string, LearnerSignInFailures>> {
    if (learnerIds.length === 0) return new Map();
    const { rows } = await this.pool.query<Row>('SELECT * FROM learner_sign_in_failures WHERE learner_id = ANY($1)', [learnerIds]);
    return new Map(rows.map((r) => [String(r.learner_id), toLearnerSignInFailures(r)]));
  }

  async clearLearnerSignInFailures(learnerId: string): Promise<void> {
    await this.write('DELETE FROM learner_sign_in_failures WHERE learner_id = $1', [learnerId]);
  }

  async getLearnerSignInMode(organizationId: string): Promise<LearnerSignInMode> {
    const { rows } = await this.pool.query<Row>('SELECT learner_sign_in FROM organizations WHERE id = $1', [organizationId]);
    return rows[0]?.learner_sign_in === 'personal-code-only' ? 'personal-code-only' : 'birth-date-or-code';
  }

  async setLearnerSignInMode(organizationId: string, mode: LearnerSignInMode): Promise<void> {
    await this.write('UPDATE organizations SET learner_sign_in = $1 WHERE id = $2', [mode, organizationId]);
  }

  async upsertLearners(learners: Learner[]): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      for (const learner of learners) {
        await client.query(
          `INSERT INTO learners (id, organization_id, last_name, first_name, class_name, birth_date, national_id, active, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
           ON CONFLICT (id) DO UPDATE SET organization_id = excluded.organization_id, last_name = excluded.last_name,
             first_name = excluded.first_name, class_name = excluded.class_name, birth_date = excluded.birth_date,
             national_id = excluded.national_id, active = excluded.active, updated_at = excluded.updated_at`,
          learnerParams(learner, false),
        );
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }

  async listLearners(organizationId: string): Promise<Learner[]> {
    const { rows } = await this.pool.query<Row>(
      'SELECT * FROM learners WHERE organization_id = $1 ORDER BY class_name, last_name, first_name, id',
      [organizationId],
    );
    return rows.map(toLearner);
  }

  async getLearners(ids: string[]): Promise<Learner[]> {
    if (ids.length === 0) return [];
    const { rows } = await this.pool.query<Row>('SELECT * FROM learners WHERE id = ANY($1)', [ids]);
    return rows.map(toLearner);
  }
  async setPersonalCode(code: PersonalCode): Promise<void> {
    await this.write(
      `INSERT INTO learner_personal_codes (learner_id, organization_id, digest, hash, created_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (learner_id) DO UPDATE SET organization_id = excluded.organization_id, digest = excluded.digest, hash = excluded.hash, created_at = excluded.created_at`,
      [code.learnerId, code.organizationId, code.digest, code.hash, code.createdAt],
    );
  }

  findLearnerByPersonalCode(organizationId: string, digest: string): Promise<Learner | null> {
    return this.one('SELECT l.* FROM learner_personal_codes c JOIN learners l ON l.id = c.learner_id WHERE c.organization_id = $1 AND c.digest = $2', [organizationId, digest], toLearner);
  }

  async getPersonalCodeHashes(learnerIds: string[]): Promise<Map<string, string>> {
    if (learnerIds.length === 0) return new Map();
    const { rows } = await this.pool.query<Row>('SELECT learner_id, hash FROM learner_personal_codes WHERE learner_id = ANY($1)', [learnerIds]);
    return new Map(rows.map((r) => [String(r.learner_id), String(r.hash)]));
  }

  /**
   * [STORE-IMPORT-1] One grouped transaction under the organisation's advisory lock (the one document writes take):
   * the roster is read and checked, then the learners, the import's record and the `learners` documents are written.
   */
  importLearners(input: LearnerImportWrite): Promise<{ written: StoredDocument[] }> {
    assertDistinctIds(input.documents);
    return this.grouped(input.organizationId, async (client) => {
      const { rows } = await client.query<Row>('SELECT * FROM learners WHERE organization_id = $1 FOR UPDATE', [input.organizationId]);
      input.check(rows.map(toLearner));
      const column = (pick: (l: Learner) => unknown): unknown[] => input.learners.map(pick);
      // One statement for the whole roster: unnest turns the column arrays back into rows.
      await client.query(
        `INSERT INTO learners (id, organization_id, last_name, first_name, class_name, birth_date, national_id, active, updated_at)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::boolean[], $9::bigint[])
         ON CONFLICT (id) DO UPDATE SET last_name = excluded.last_name, first_name = excluded.first_name, class_name = excluded.class_name,
           birth_date = excluded.birth_date, national_id = excluded.national_id, active = excluded.active, updated_at = excluded.updated_at
         WHERE learners.organization_id = excluded.organization_id`,
        [
          column((l) => l.id), column(() => input.organizationId), column((l) => l.lastName), column((l) => l.firstName), column((l) => l.className),
          column((l) => l.birthDate), column((l) => l.nationalId), column((l) => l.active), column((l) => l.updatedAt),
        ],
      );
      await client.query(`INSERT INTO learner_imports ${LEARNER_IMPORT_COLUMNS} VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`, learnerImportParams(input.record));
      return { written: await this.insertDocuments(client, 'learners', input.organizationId, input.documents, input.now) };
    });
  }

  async listLearnerImports(organizationId: string, limit: number): Promise<LearnerImportRecord[]> {
    const { rows } = await this.pool.query<Row>('SELECT * FROM learner_imports WHERE organization_id = $1 ORDER BY imported_at DESC, id LIMIT $2', [organizationId, limit]);
    return rows.map(toLearnerImportRecord);
  }


  writeDocuments(input: { collection: string; organizationId: string; ids: string[]; now: number; decide: WriteDecision }): Promise<{
    written: StoredDocument[];
    conflicts: StoredDocument[];
  }> {
    return this.grouped(input.organizationId, async (client) => {
      const { rows } = await client.query<Row>('SELECT * FROM documents WHERE organization_id = $1 AND collection = $2 AND id = ANY($3) FOR UPDATE', [
        input.organizationId, input.collection, input.ids,
      ]);
      const existing = new Map(rows.map((row) => {
        const doc = toStoredDocument(row);
        return [doc.id, doc] as const;
      }));
      const { writes, conflicts } = input.decide(existing);
      assertDistinctIds(writes);
      const written = await this.insertDocuments(client, input.collection, input.organizationId, writes, input.now);
      return { written, conflicts };
    });
  }

  /**
   * Writes documents with new sequences, inside a grouped transaction (writeDocuments, importLearners). By chunks:
   * a statement takes at most 65,535 parameters, and a school's roster import writes thousands of documents.
   */
  private async insertDocuments(client: pg.PoolClient, collection: string, organizationId: string, writes: DocumentWrite[], now: number): Promise<StoredDocument[]> {
    const written: StoredDocument[] = [];
    if (writes.length === 0) return written;
    const seqs = await client.query<{ seq: number }>('SELECT nextval(\'document_seq\') AS seq FROM generate_series(1, $1)', [writes.length]);
    const sorted = seqs.rows.map((r) => Number(r.seq)).sort((a, b) => a - b);
    writes.forEach((write, i) => written.push(toStoredWrite(collection, organizationId, write, sorted[i] ?? 0, now)));
    for (let start = 0; start < written.length; start += DOCUMENTS_PER_INSERT) {
      const chunk = written.slice(start, start + DOCUMENTS_PER_INSERT);
      const params = chunk.flatMap((doc) => documentParams(doc, false));
      const values = chunk
        .map((_, i) => `(${Array.from({ length: DOCUMENT_COLUMN_COUNT }, (_, c) => `$${i * DOCUMENT_COLUMN_COUNT + c + 1}`).join(', ')})`)
        .join(', ');
      await client.query(
        `INSERT INTO documents ${DOCUMENT_COLUMNS} VALUES ${values}
         ON CONFLICT (organization_id, collection, id) DO UPDATE SET learner_id = excluded.learner_id, parent_id = excluded.parent_id,
           seq = excluded.seq, updated_at = excluded.updated_at, deleted = excluded.deleted, body = excluded.body`,
        params,
      );
    }
    return written;
  }

  /**
   * Group commit per organisation: the writes of one organisation that arrive while its previous group is being
   * committed go together in the next transaction, under one advisory lock and one commit, each in a savepoint so
   * that a refused batch is undone alone. Sequences are still drawn under the lock, so pulls never skip a row.
   */
  private grouped<T>(organizationId: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const queue = this.groups.get(organizationId) ?? [];
      queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      this.groups.set(organizationId, queue);
      if (!this.flushing.has(organizationId)) {
        this.flushing.add(organizationId);
        setImmediate(() => void this.flushGroups(organizationId));
      }
    });
  }

  private async flushGroups(organizationId: string): Promise<void> {
    try {
      for (;;) {
        const group = this.groups.get(organizationId) ?? [];
        this.groups.delete(organizationId);
        if (group.length === 0) return;
        await this.commitGroup(organizationId, group);
      }
    } finally {
      this.flushing.delete(organizationId);
    }
  }

  private async commitGroup(organizationId: string, group: PgGroupedWrite[]): Promise<void> {
    const outcomes: WriteOutcome[] = [];
    let client: pg.PoolClient | undefined;
    try {
      client = await this.pool.connect();
      await client.query('BEGIN');
      // Serialise this organisation's writers (also across relay instances): sequences are drawn and committed in order.
      await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`documents:${organizationId}`]);
      for (const item of group) {
        await client.query('SAVEPOINT grouped_write');
        try {
          outcomes.push({ ok: true, value: await item.work(client) });
          await client.query('RELEASE SAVEPOINT grouped_write');
        } catch (error) {
          await client.query('ROLLBACK TO SAVEPOINT grouped_write');
          outcomes.push({ ok: false, error: asError(error) });
        }
      }
      await client.query('COMMIT');
    } catch (error) {
      await client?.query('ROLLBACK').catch(() => undefined);
      client?.release();
      failGroup(group, error);
      return;
    }
    client.release();
    settleGroup(group, outcomes);
  }

  async pullDocuments(query: PullQuery): Promise<StoredDocument[]> {
    const { rows } =
      query.learnerId === undefined
        ? await this.pool.query<Row>('SELECT * FROM documents WHERE collection = $1 AND organization_id = $2 AND seq > $3 ORDER BY seq LIMIT $4', [
            query.collection, query.organizationId, query.afterSeq, query.limit,
          ])
        : await this.pool.query<Row>(
            'SELECT * FROM documents WHERE collection = $1 AND learner_id = $2 AND organization_id = $3 AND seq > $4 ORDER BY seq LIMIT $5',
            [query.collection, query.learnerId, query.organizationId, query.afterSeq, query.limit],
          );
    return rows.map(toStoredDocument);
  }

  async getDocuments(organizationId: string, collection: string, ids: string[]): Promise<StoredDocument[]> {
    if (ids.length === 0) return [];
    const { rows } = await this.pool.query<Row>('SELECT * FROM documents WHERE organization_id = $1 AND collection = $2 AND id = ANY($3)', [organizationId, collection, ids]);
    return rows.map(toStoredDocument);
  }

  async lastSequence(): Promise<number> {
    const { rows } = await this.pool.query<{ seq: number }>('SELECT COALESCE(MAX(seq), 0)::bigint AS seq FROM documents');
    return Number(rows[0]?.seq ?? 0);
  }

  async getChildDocuments(organizationId: string, collection: string, parentIds: string[]): Promise<StoredDocument[]> {
    if (parentIds.length === 0) return [];
    const { rows } = await this.pool.query<Row>('SELECT * FROM documents WHERE organization_id = $1 AND collection = $2 AND parent_id = ANY($3) ORDER BY seq', [
      organizationId, collection, parentIds,
    ]);
    return rows.map(toStoredDocument);
  }

  async listAssessmentsNeedingResults(after: AssessmentKey | null, limit: number): Promise<AssessmentKey[]> {
    // Paged by (organisation, id) in the database's text order: WHERE and ORDER BY use the same comparison.
    const { rows } = await this.pool.query<Row>(
      `SELECT d.id, d.organization_id FROM documents d
       LEFT JOIN assessment_results r ON r.organization_id = d.organization_id AND r.assessment_id = d.id
       WHERE d.collection = 'assessments' AND (d.organization_id, d.id) > ($1, $2)
         AND (r.assessment_id IS NULL OR r.computed_at < d.updated_at
              OR EXISTS (SELECT 1 FROM documents a WHERE a.organization_id = d.organization_id AND a.collection = 'answers' AND a.parent_id = d.id AND a.updated_at > r.computed_at))
       ORDER BY d.organization_id, d.id LIMIT $3`,
      [after?.organizationId ?? '', after?.id ?? '', limit],
    );
    return rows.map((r) => ({ id: String(r.id), organizationId: String(r.organization_id) }));
  }

  async saveAssessmentResults(records: AssessmentResultRecord[]): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      for (const r of records) {
        await client.query(
          `INSERT INTO assessment_results (assessment_id, organization_id, learner_id, kind, campaign_id, content_version, computed_at, body) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
           ON CONFLICT (organization_id, assessment_id) DO UPDATE SET learner_id = excluded.learner_id, kind = excluded.kind,
             campaign_id = excluded.campaign_id, content_version = excluded.content_version, computed_at = excluded.computed_at, body = excluded.body`,
          assessmentResultParams(r),
        );
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async getAssessmentResults(organizationId: string, assessmentIds: string[]): Promise<AssessmentResultRecord[]> {
    if (assessmentIds.length === 0) return [];
    const { rows } = await this.pool.query<Row>('SELECT * FROM assessment_results WHERE organization_id = $1 AND assessment_id = ANY($2)', [organizationId, assessmentIds]);
    return rows.map(toAssessmentResult);
  }

  async listAssessmentResults(organizationId: string, campaignId: string): Promise<AssessmentResultRecord[]> {
    const { rows } = await this.pool.query<Row>('SELECT * FROM assessment_results WHERE organization_id = $1 AND campaign_id = $2 ORDER BY assessment_id', [organizationId, campaignId]);
    return rows.map(toAssessmentResult);
  }

  async saveContentPack(version: string, body: string, now: number): Promise<void> {
    await this.write('INSERT INTO content_packs (version, body, stored_at, builtin) VALUES ($1, $2, $3, TRUE) ON CONFLICT (version) DO UPDATE SET builtin = TRUE', [version, body, now]);
  }

  async getContentPackFor(organizationId: string, version: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ body: string }>(
      `SELECT body FROM content_packs p WHERE p.version = $1
         AND (p.builtin OR EXISTS (SELECT 1 FROM organization_content_packs o WHERE o.organization_id = $2 AND o.version = p.version))`,
      [version, organizationId],
    );
    return rows[0]?.body ?? null;
  }

  async getContentPack(version: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ body: string }>('SELECT body FROM content_packs WHERE version = $1', [version]);
    return rows[0]?.body ?? null;
  }

  async addOrganizationContentPack(record: OrganizationContentPack, packJson: string): Promise<{ record: OrganizationContentPack; created: boolean }> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('INSERT INTO content_packs (version, body, stored_at) VALUES ($1, $2, $3) ON CONFLICT (version) DO NOTHING', [record.version, packJson, record.importedAt]);
      const inserted = await client.query<Row>(
        `INSERT INTO organization_content_packs ${ORGANIZATION_CONTENT_PACK_COLUMNS} VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING *`,
        organizationContentPackParams(record),
      );
      // Read committed: a concurrent import of the same version has committed by the time DO NOTHING returns, so the
      // row is visible to the next statement.
      const row = inserted.rows[0] ?? (await client.query<Row>('SELECT * FROM organization_content_packs WHERE organization_id = $1 AND version = $2', [record.organizationId, record.version])).rows[0];
      if (!row) throw new Error(`organisation pack ${record.organizationId}/${record.version} vanished during its import`);
      await client.query('COMMIT');
      return { record: toOrganizationContentPack(row), created: inserted.rows.length === 1 };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async listOrganizationContentPacks(organizationId: string): Promise<OrganizationContentPack[]> {
    const { rows } = await this.pool.query<Row>('SELECT * FROM organization_content_packs WHERE organization_id = $1 ORDER BY imported_at DESC, version', [organizationId]);
    return rows.map(toOrganizationContentPack);
  }

  private async one<T>(sql: string, params: unknown[], map: (row: Row) => T): Promise<T | null> {
    const { rows } = await this.pool.query<Row>(sql, params);
    const row = rows[0];
    return row ? map(row) : null;
  }

  private async write(sql: string, params: unknown[]): Promise<void> {
    try {
      await this.pool.query(sql, params);
    } catch (error) {
      // 23505: unique_violation
      if (error instanceof Error && 'code' in error && error.code === '23505') throw new StoreConflictError(error.message);
      throw error;
    }
  }
}
