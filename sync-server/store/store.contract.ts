/**
 * One contract suite for every Store implementation (STYLE.md point 3). Cases are numbered; a failing case
 * names the same rule on SQLite and PostgreSQL.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreConflictError } from './store.ts';
import type { DocumentWrite, Learner, Organization, OrganizationContentPack, Store, StoredDocument, User } from './store.ts';

export interface StoreHarness {
  store: Store;
  dispose(): Promise<void>;
}

const org: Organization = { id: 'org-1', name: 'Lycée Test', uai: '0123456X', createdAt: 1_700_000_000_000 };

function user(overrides: Partial<User> = {}): User {
  return {
    id: 'user-1',
    organizationId: org.id,
    email: 'Prof@Example.org',
    firstName: 'Anne',
    lastName: 'Durand',
    passwordHash: 'scrypt$x$y',
    roles: ['member'],
    createdAt: 1_700_000_000_001,
    ...overrides,
  };
}

function learner(id: string, overrides: Partial<Learner> = {}): Learner {
  return {
    id,
    organizationId: org.id,
    lastName: 'MARTIN',
    firstName: 'Camille',
    className: '2NDE A',
    birthDate: '2010-03-14',
    nationalId: null,
    active: true,
    updatedAt: 1_700_000_000_002,
    ...overrides,
  };
}

function doc(id: string, body: Record<string, unknown> = {}, learnerId: string | null = 'l-1'): DocumentWrite {
  return { id, learnerId, deleted: false, body: { id, ...body } };
}

/** Writes documents unconditionally (no conflict rule), as a test helper. */
function writeAll(store: Store, collection: string, docs: DocumentWrite[], now = 1_000, organizationId = org.id) {
  return store.writeDocuments({ collection, organizationId, ids: docs.map((d) => d.id), now, decide: () => ({ writes: docs, conflicts: [] }) });
}

async function pullAll(store: Store, collection: string, organizationId: string, pageSize: number): Promise<StoredDocument[]> {
  const all: StoredDocument[] = [];
  let seq = 0;
  for (;;) {
    const page = await store.pullDocuments({ collection, organizationId, afterSeq: seq, limit: pageSize });
    if (page.length === 0) return all;
    all.push(...page);
    seq = page[page.length - 1]?.seq ?? seq;
  }
}

export function storeContract(name: string, open: () => Promise<StoreHarness>): void {
  describe(`Store contract: ${name}`, () => {
    let harness: StoreHarness;
    let store: Store;

    beforeEach(async () => {
      harness = await open();
      store = harness.store;
      await store.migrate();
    });

    afterEach(async () => {
      await harness.dispose();
    });

    it('[STORE-1] migrations are idempotent and a fresh database is empty', async () => {
      await store.migrate();
      expect(await store.isEmpty()).toBe(true);
      await store.createOrganization(org);
      expect(await store.isEmpty()).toBe(false);
      expect(await store.getOrganization(org.id)).toEqual(org);
      expect(await store.getOrganization('missing')).toBeNull();
    });

    it('[STORE-2] users are found by email case-insensitively, and emails are unique', async () => {
      await store.createOrganization(org);
      await store.createUser(user());
      const found = await store.findUserByEmail('  prof@example.ORG ');
      expect(found).toEqual({ ...user(), email: 'prof@example.org' });
      expect(await store.getUser('user-1')).toEqual(found);
      await expect(store.createUser(user({ id: 'user-2', email: 'PROF@example.org' }))).rejects.toBeInstanceOf(StoreConflictError);
      expect(await store.findUserByEmail('nobody@example.org')).toBeNull();
    });

    it('[STORE-3] tokens are found until they expire and can be revoked', async () => {
      await store.createOrganization(org);
      const token = { tokenHash: 'h1', subjectType: 'user' as const, subjectId: 'user-1', organizationId: org.id, createdAt: 10, expiresAt: 1_000 };
      await store.createAuthToken(token);
      expect(await store.findAuthToken('h1', 999)).toEqual(token);
      expect(await store.findAuthToken('h1', 1_000)).toBeNull();
      await store.deleteAuthToken('h1');
      expect(await store.findAuthToken('h1', 10)).toBeNull();
    });

    it('[STORE-4] devices belong to an organisation', async () => {
      await store.createOrganization(org);
      await store.createUser(user());
      const device = { id: 'dev-1', organizationId: org.id, name: 'Salle B12 poste 3', enrolledBy: 'user-1', createdAt: 42 };
      await store.createDevice(device);
      expect(await store.getDevice('dev-1')).toEqual({ ...device, lastSeenAt: null, withdrawnAt: null });
      expect(await store.getDevice('dev-2')).toBeNull();
    });

    it('[STORE-5] learners upsert all together and list in roster order', async () => {
      await store.createOrganization(org);
      await store.upsertLearners([learner('l-2', { lastName: 'ZOLA' }), learner('l-1'), learner('l-3', { className: '1ERE B', nationalId: '071234567AA' })]);
      await store.upsertLearners([learner('l-1', { active: false, updatedAt: 99 })]);
      const roster = await store.listLearners(org.id);
      expect(roster.map((l) => l.id)).toEqual(['l-3', 'l-1', 'l-2']);
      expect(roster[1]).toEqual(learner('l-1', { active: false, updatedAt: 99 }));
      expect(roster[0]?.nationalId).toBe('071234567AA');
      expect(await store.listLearners('other-org')).toEqual([]);
    });

    it('[STORE-7] documents get increasing server sequences and pull ascending after a checkpoint', async () => {
      await store.createOrganization(org);
      await store.createOrganization({ ...org, id: 'org-2', uai: '9999999Z' });
      const first = await writeAll(store, 'answers', [doc('a1', { value: 1 }), doc('a2', { nested: { x: [1, 2, { y: null }] }, text: 'Élève « test »' })], 5_000);
      await writeAll(store, 'answers', [doc('b1')], 6_000, 'org-2');
      await writeAll(store, 'answers', [doc('a3', {}, 'l-2')], 7_000);
      expect(first.written.map((d) => d.seq)).toEqual([first.written[0]?.seq, (first.written[0]?.seq ?? 0) + 1]);
      const pulled = await store.pullDocuments({ collection: 'answers', organizationId: org.id, afterSeq: 0, limit: 10 });
      expect(pulled.map((d) => d.id)).toEqual(['a1', 'a2', 'a3']);
      expect(pulled[1]?.body).toEqual({ id: 'a2', nested: { x: [1, 2, { y: null }] }, text: 'Élève « test »', updatedAt: 5_000, _deleted: false });
      const afterFirst = await store.pullDocuments({ collection: 'answers', organizationId: org.id, afterSeq: pulled[0]?.seq ?? 0, limit: 1 });
      expect(afterFirst.map((d) => d.id)).toEqual(['a2']);
      const mine = await store.pullDocuments({ collection: 'answers', organizationId: org.id, learnerId: 'l-2', afterSeq: 0, limit: 10 });
      expect(mine.map((d) => d.id)).toEqual(['a3']);
      expect(await store.pullDocuments({ collection: 'assessments', organizationId: org.id, afterSeq: 0, limit: 10 })).toEqual([]);
      expect(await store.lastSequence()).toBeGreaterThanOrEqual(pulled[2]?.seq ?? Infinity);
    });

    it('[STORE-8] a rewritten document moves after the checkpoint; a failing decision writes nothing', async () => {
      await store.createOrganization(org);
      await writeAll(store, 'assessments', [doc('s1', { state: 'started' }), doc('s2')]);
      const checkpoint = (await store.lastSequence());
      await store.writeDocuments({
        collection: 'assessments', organizationId: org.id, ids: ['s1'], now: 2_000,
        decide: (existing) => {
          const stored = existing.get('s1');
          expect(stored?.body).toMatchObject({ state: 'started' });
          return { writes: [doc('s1', { state: 'completed' })], conflicts: [] };
        },
      });
      const after = await store.pullDocuments({ collection: 'assessments', organizationId: org.id, afterSeq: checkpoint, limit: 10 });
      expect(after.map((d) => [d.id, d.body.state, d.updatedAt])).toEqual([['s1', 'completed', 2_000]]);
      const before = await store.lastSequence();
      await expect(
        store.writeDocuments({ collection: 'assessments', organizationId: org.id, ids: ['s3'], now: 3_000, decide: () => { throw new Error('refused'); } }),
      ).rejects.toThrow('refused');
      expect(await store.getDocuments(org.id, 'assessments', ['s3'])).toEqual([]);
      expect(await store.lastSequence()).toBe(before);
    });

    it('[STORE-9] concurrent writers never make a pull skip or repeat a document', async () => {
      await store.createOrganization(org);
      const writers = Array.from({ length: 12 }, (_, w) =>
        writeAll(store, 'answers', Array.from({ length: 5 }, (_, i) => doc(`w${w}-${i}`)), 1_000 + w),
      );
      // A reader pulls while the writers commit; it must end up with every document exactly once.
      const seen = new Map<string, number>();
      let seq = 0;
      const reader = (async () => {
        for (let round = 0; round < 40; round++) {
          const page = await store.pullDocuments({ collection: 'answers', organizationId: org.id, afterSeq: seq, limit: 7 });
          for (const d of page) seen.set(d.id, (seen.get(d.id) ?? 0) + 1);
          seq = page[page.length - 1]?.seq ?? seq;
          await new Promise((resolve) => setTimeout(resolve, 1));
        }
      })();
      await Promise.all([...writers, reader]);
      for (const d of await store.pullDocuments({ collection: 'answers', organizationId: org.id, afterSeq: seq, limit: 1_000 })) seen.set(d.id, (seen.get(d.id) ?? 0) + 1);
      expect(seen.size).toBe(60);
      expect([...seen.values()].every((n) => n === 1)).toBe(true);
      const all = await pullAll(store, 'answers', org.id, 9);
      expect(new Set(all.map((d) => d.seq)).size).toBe(60);
    });

    it('[STORE-10] a batch with the same id twice is refused whole', async () => {
      await store.createOrganization(org);
      await expect(writeAll(store, 'answers', [doc('x'), doc('x')])).rejects.toThrow(/duplicate/);
      expect(await store.getDocuments(org.id, 'answers', ['x'])).toEqual([]);
    });

    it('[STORE-11] children by parent, recomputed results and content packs', async () => {
      await store.createOrganization(org);
      await writeAll(store, 'answers', [{ ...doc('x1'), parentId: 'as-1' }, { ...doc('x2'), parentId: 'as-2' }, { ...doc('x3'), parentId: 'as-1' }]);
      expect((await store.getChildDocuments(org.id, 'answers', ['as-1'])).map((d) => [d.id, d.parentId])).toEqual([['x1', 'as-1'], ['x3', 'as-1']]);
      const record = { assessmentId: 'as-1', organizationId: org.id, learnerId: 'l-1', kind: 'campaign', campaignId: 'c-1', contentVersion: 'abc', computedAt: 5, body: { mastery: 50 } };
      await store.saveAssessmentResults([record]);
      await store.saveAssessmentResults([{ ...record, computedAt: 6, body: { mastery: 75 } }]);
      expect(await store.getAssessmentResults(org.id, ['as-1', 'as-9'])).toEqual([{ ...record, computedAt: 6, body: { mastery: 75 } }]);
      expect(await store.listAssessmentResults(org.id, 'c-1')).toHaveLength(1);
      await store.saveContentPack('v1', '{"version":"v1"}', 1);
      await store.saveContentPack('v1', '{"version":"other"}', 2);
      expect(await store.getContentPack('v1')).toBe('{"version":"v1"}');
      expect(await store.getContentPack('v2')).toBeNull();
    });

    it('[STORE-16] assessments needing results: none yet, or older than the assessment or one of its answers; paged by id', async () => {
      await store.createOrganization(org);
      await writeAll(store, 'assessments', [doc('as-a'), doc('as-b'), doc('as-c')], 1_000);
      await writeAll(store, 'answers', [{ ...doc('as-b:0'), parentId: 'as-b' }], 1_000);
      const result = (assessmentId: string, computedAt: number) => ({ assessmentId, organizationId: org.id, learnerId: 'l-1', kind: 'campaign', campaignId: null, contentVersion: 'abc', computedAt, body: {} });
      await store.saveAssessmentResults([result('as-a', 2_000), result('as-b', 2_000)]);
      expect(await store.listAssessmentsNeedingResults(null, 10)).toEqual([{ id: 'as-c', organizationId: org.id }]);
      await writeAll(store, 'answers', [{ ...doc('as-b:1'), parentId: 'as-b' }], 3_000);
      await writeAll(store, 'assessments', [{ ...doc('as-a'), body: { id: 'as-a', state: 'completed' } }], 3_000);
      expect((await store.listAssessmentsNeedingResults(null, 10)).map((a) => a.id)).toEqual(['as-a', 'as-b', 'as-c']);
      expect((await store.listAssessmentsNeedingResults({ organizationId: org.id, id: 'as-a' }, 1)).map((a) => a.id)).toEqual(['as-b']);
    });

    it('[STORE-SCOPE-1] document ids are scoped by organisation: the same id in two organisations is two documents, never read across', async () => {
      const other = { ...org, id: 'org-2', uai: '9999999Z' };
      await store.createOrganization(org);
      await store.createOrganization(other);
      await writeAll(store, 'assessments', [doc('as-1', { learnerId: 'l-1' })], 1_000);
      await writeAll(store, 'answers', [{ ...doc('x1', { mine: true }), parentId: 'as-1' }], 1_000);
      await writeAll(store, 'assessments', [doc('as-1', { learnerId: 'l-9' }, 'l-9')], 2_000, other.id);
      await writeAll(store, 'answers', [{ ...doc('x1', { mine: false }, 'l-9'), parentId: 'as-1' }, { ...doc('x2', {}, 'l-9'), parentId: 'as-1' }], 2_000, other.id);

      // Each organisation reads its own, by id and by parent; the other organisation's copy is not there at all.
      expect((await store.getDocuments(org.id, 'assessments', ['as-1'])).map((d) => [d.organizationId, d.learnerId, d.body.learnerId])).toEqual([[org.id, 'l-1', 'l-1']]);
      expect((await store.getDocuments(other.id, 'assessments', ['as-1'])).map((d) => [d.organizationId, d.learnerId, d.body.learnerId])).toEqual([[other.id, 'l-9', 'l-9']]);
      expect((await store.getChildDocuments(org.id, 'answers', ['as-1'])).map((d) => [d.id, d.body.mine])).toEqual([['x1', true]]);
      expect((await store.getChildDocuments(other.id, 'answers', ['as-1'])).map((d) => [d.id, d.body.mine])).toEqual([['x1', false], ['x2', undefined]]);
      expect(await store.getDocuments('org-3', 'assessments', ['as-1'])).toEqual([]);

      // A write decides from its own organisation's stored version only.
      const seen: string[] = [];
      await store.writeDocuments({
        collection: 'answers', organizationId: org.id, ids: ['x1', 'x2'], now: 3_000,
        decide: (existing) => {
          seen.push(...[...existing.values()].map((d) => `${d.organizationId}/${d.id}`));
          return { writes: [], conflicts: [] };
        },
      });
      expect(seen).toEqual([`${org.id}/x1`]);
      expect((await pullAll(store, 'answers', org.id, 10)).map((d) => d.id)).toEqual(['x1']);
      expect((await pullAll(store, 'answers', other.id, 10)).map((d) => d.id)).toEqual(['x1', 'x2']);
    });

    it('[STORE-SCOPE-2] results are kept and read per organisation; the catch-up scan pairs each test with its own results and answers', async () => {
      const other = { ...org, id: 'org-2', uai: '9999999Z' };
      await store.createOrganization(org);
      await store.createOrganization(other);
      const result = (organizationId: string, computedAt: number, mastery: number) => ({ assessmentId: 'as-1', organizationId, learnerId: 'l-1', kind: 'campaign', campaignId: 'c-1', contentVersion: 'abc', computedAt, body: { mastery } });
      await writeAll(store, 'assessments', [doc('as-1')], 1_000);
      await writeAll(store, 'assessments', [doc('as-1'), doc('as-2')], 1_000, other.id);
      await store.saveAssessmentResults([result(org.id, 2_000, 10), result(other.id, 2_000, 90)]);
      expect(await store.getAssessmentResults(org.id, ['as-1'])).toEqual([result(org.id, 2_000, 10)]);
      expect(await store.getAssessmentResults(other.id, ['as-1'])).toEqual([result(other.id, 2_000, 90)]);
      expect(await store.getAssessmentResults('org-3', ['as-1'])).toEqual([]);
      expect(await store.listAssessmentResults(org.id, 'c-1')).toEqual([result(org.id, 2_000, 10)]);

      // Only org-2's as-2 lacks results; an answer of org-2's as-1 makes that one stale, not org-1's.
      expect(await store.listAssessmentsNeedingResults(null, 10)).toEqual([{ organizationId: other.id, id: 'as-2' }]);
      await writeAll(store, 'answers', [{ ...doc('x1'), parentId: 'as-1' }], 3_000, other.id);
      expect(await store.listAssessmentsNeedingResults(null, 10)).toEqual([{ organizationId: other.id, id: 'as-1' }, { organizationId: other.id, id: 'as-2' }]);
      await writeAll(store, 'answers', [{ ...doc('x1'), parentId: 'as-1' }], 3_000);
      const all = await store.listAssessmentsNeedingResults(null, 10);
      expect(all).toEqual([{ organizationId: org.id, id: 'as-1' }, { organizationId: other.id, id: 'as-1' }, { organizationId: other.id, id: 'as-2' }]);
      // Paging by (organisation, id) skips nothing when two organisations hold the same id.
      expect(await store.listAssessmentsNeedingResults(all[0] ?? null, 1)).toEqual([{ organizationId: other.id, id: 'as-1' }]);
      expect(await store.listAssessmentsNeedingResults(all[1] ?? null, 5)).toEqual([{ organizationId: other.id, id: 'as-2' }]);
    });

    it('[STORE-17] batches written at the same moment: one that fails is undone alone, the others are all kept in order', async () => {
      await store.createOrganization(org);
      const failing = store.writeDocuments({
        collection: 'answers', organizationId: org.id, ids: ['f-1'], now: 1_000,
        decide: () => {
          throw new Error('refused batch');
        },
      });
      const results = await Promise.allSettled([writeAll(store, 'answers', [doc('g-1'), doc('g-2')]), failing, writeAll(store, 'answers', [doc('g-3')])]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect(results[1]?.status === 'rejected' ? String(results[1].reason) : '').toContain('refused batch');
      const pulled = await pullAll(store, 'answers', org.id, 10);
      expect(pulled.map((d) => d.id).sort()).toEqual(['g-1', 'g-2', 'g-3']);
      expect(new Set(pulled.map((d) => d.seq)).size).toBe(3);
    });

    it('[STORE-12] an imported pack keeps its body and the organisation record together; a re-import changes nothing', async () => {
      const other = { ...org, id: 'org-2', uai: '9999999Z' };
      await store.createOrganization(org);
      await store.createOrganization(other);
      await store.createUser(user({ roles: ['admin'] }));
      await store.createUser(user({ id: 'user-2', organizationId: other.id, email: 'admin@org2.example' }));
      const first: OrganizationContentPack = { organizationId: org.id, version: 'aaaa000000000001', name: 'Questions de 2NDE', format: 'csv', challengeCount: 12, importedBy: 'user-1', importedAt: 1_000 };
      const second: OrganizationContentPack = { ...first, version: 'aaaa000000000002', name: 'Banque complète', format: 'json', challengeCount: 655, importedAt: 2_000 };
      expect(await store.addOrganizationContentPack(first, '{"version":"aaaa000000000001"}')).toEqual({ record: first, created: true });
      expect(await store.addOrganizationContentPack(second, '{"version":"aaaa000000000002"}')).toEqual({ record: second, created: true });
      expect(await store.getContentPack(first.version)).toBe('{"version":"aaaa000000000001"}');

      const again = await store.addOrganizationContentPack({ ...first, name: 'Autre nom', importedAt: 3_000 }, '{"version":"changed"}');
      expect(again).toEqual({ record: first, created: false });
      expect(await store.getContentPack(first.version)).toBe('{"version":"aaaa000000000001"}');
      expect(await store.listOrganizationContentPacks(org.id)).toEqual([second, first]);

      // Another organisation importing the same version gets its own record over the one shared body.
      const shared = { ...first, organizationId: other.id, importedBy: 'user-2', importedAt: 4_000 };
      expect(await store.addOrganizationContentPack(shared, '{"version":"ignored"}')).toEqual({ record: shared, created: true });
      expect(await store.listOrganizationContentPacks(other.id)).toEqual([shared]);
      expect(await store.listOrganizationContentPacks('no-such-org')).toEqual([]);
    });

    it('[STORE-13] a pack record that cannot be written leaves no body behind', async () => {
      await store.createOrganization(org);
      const orphan: OrganizationContentPack = { organizationId: org.id, version: 'bbbb000000000001', name: 'Orphelin', format: 'csv', challengeCount: 1, importedBy: 'no-such-user', importedAt: 1 };
      await expect(store.addOrganizationContentPack(orphan, '{"version":"bbbb000000000001"}')).rejects.toThrow();
      expect(await store.getContentPack(orphan.version)).toBeNull();
      expect(await store.listOrganizationContentPacks(org.id)).toEqual([]);
    });

    it('[STORE-14] concurrent imports of one version store one record and both get it', async () => {
      await store.createOrganization(org);
      await store.createUser(user({ roles: ['admin'] }));
      const record: OrganizationContentPack = { organizationId: org.id, version: 'cccc000000000001', name: 'Import', format: 'csv', challengeCount: 3, importedBy: 'user-1', importedAt: 10 };
      const results = await Promise.all([1, 2, 3, 4].map((i) => store.addOrganizationContentPack({ ...record, importedAt: 10 + i }, '{}')));
      expect(results.filter((r) => r.created)).toHaveLength(1);
      const winner = results.find((r) => r.created)?.record;
      expect(results.every((r) => r.record.importedAt === winner?.importedAt)).toBe(true);
      expect(await store.listOrganizationContentPacks(org.id)).toEqual([winner]);
    });

    it('[STORE-15] learner tokens; organisations by UAI; personal codes found by digest, unique per organisation, replaced per learner', async () => {
      await store.createOrganization(org);
      await store.upsertLearners([learner('l-1'), learner('l-2', { firstName: 'Léa' })]);
      expect((await store.findOrganizationByUai('0123456x'))?.id).toBe(org.id);
      expect(await store.findOrganizationByUai('9999999Z')).toBeNull();

      await store.createAuthToken({ tokenHash: 'th-learner', subjectType: 'learner', subjectId: 'l-1', organizationId: org.id, createdAt: 1, expiresAt: 10 });
      expect(await store.findAuthToken('th-learner', 5)).toMatchObject({ subjectType: 'learner', subjectId: 'l-1' });

      await store.setPersonalCode({ learnerId: 'l-1', organizationId: org.id, digest: 'd-1', hash: 'h-1', createdAt: 1 });
      expect((await store.findLearnerByPersonalCode(org.id, 'd-1'))?.id).toBe('l-1');
      await expect(store.setPersonalCode({ learnerId: 'l-2', organizationId: org.id, digest: 'd-1', hash: 'h-2', createdAt: 2 })).rejects.toBeInstanceOf(StoreConflictError);
      await store.setPersonalCode({ learnerId: 'l-1', organizationId: org.id, digest: 'd-3', hash: 'h-3', createdAt: 3 });
      expect(await store.findLearnerByPersonalCode(org.id, 'd-1')).toBeNull();
      expect(await store.findLearnerByPersonalCode('org-other', 'd-3')).toBeNull();
      expect([...(await store.getPersonalCodeHashes(['l-1', 'l-2']))]).toEqual([['l-1', 'h-3']]);
    });

    it('[STORE-6] a failing learner batch writes nothing', async () => {
      await store.createOrganization(org);
      await expect(store.upsertLearners([learner('l-1'), learner('l-2', { organizationId: 'no-such-org' })])).rejects.toThrow();
      expect(await store.listLearners(org.id)).toEqual([]);
    });

    it('[STORE-REVOKE] a withdrawn or missing device has no valid token; machines list with their last contact', async () => {
      const other = { ...org, id: 'org-2', uai: '9999999Z' };
      await store.createOrganization(org);
      await store.createOrganization(other);
      await store.createUser(user());
      await store.createDevice({ id: 'dev-b', organizationId: org.id, name: 'Poste B', enrolledBy: 'user-1', createdAt: 20 });
      await store.createDevice({ id: 'dev-a', organizationId: org.id, name: 'Poste A', enrolledBy: 'user-1', createdAt: 10 });
      await store.createDevice({ id: 'dev-x', organizationId: other.id, name: 'Ailleurs', enrolledBy: 'user-1', createdAt: 30 });
      const token = (tokenHash: string, subjectId: string, subjectType: 'device' | 'user' = 'device') => ({ tokenHash, subjectType, subjectId, organizationId: org.id, createdAt: 1, expiresAt: 10_000 });
      await store.createAuthToken(token('t-a', 'dev-a'));
      await store.createAuthToken(token('t-a2', 'dev-a'));
      await store.createAuthToken(token('t-b', 'dev-b'));
      await store.createAuthToken(token('t-ghost', 'dev-never-enrolled'));
      await store.createAuthToken(token('t-user', 'user-1', 'user'));

      expect(await store.findAuthToken('t-ghost', 5)).toBeNull();
      expect(await store.findAuthToken('t-user', 5)).toMatchObject({ subjectType: 'user' });
      await store.touchDevice('dev-b', 500);
      expect((await store.listDevices(org.id)).map((d) => [d.id, d.lastSeenAt, d.withdrawnAt])).toEqual([['dev-a', null, null], ['dev-b', 500, null]]);

      expect(await store.withdrawDevice(other.id, 'dev-a', 600)).toBe(false);
      expect(await store.findAuthToken('t-a', 5)).not.toBeNull();
      expect(await store.withdrawDevice(org.id, 'dev-a', 600)).toBe(true);
      expect(await store.withdrawDevice(org.id, 'dev-a', 700)).toBe(false);
      expect(await store.findAuthToken('t-a', 5)).toBeNull();
      expect(await store.findAuthToken('t-a2', 5)).toBeNull();
      expect(await store.findAuthToken('t-b', 5)).not.toBeNull();
      expect(await store.getDevice('dev-a')).toMatchObject({ id: 'dev-a', withdrawnAt: 600 });
      expect((await store.listDevices(org.id)).map((d) => d.id)).toEqual(['dev-b']);
      expect((await store.listDevices(other.id)).map((d) => d.id)).toEqual(['dev-x']);
      // A token issued for a withdrawn device (a race with the withdrawal) does not work either.
      await store.createAuthToken(token('t-late', 'dev-a'));
      expect(await store.findAuthToken('t-late', 5)).toBeNull();
    });

    it('[STORE-DEVICE-STATUS] a machine\'s last report replaces the previous one; listed per organisation, withdrawn machines left out', async () => {
      const other = { ...org, id: 'org-2', uai: '9999999Z' };
      await store.createOrganization(org);
      await store.createOrganization(other);
      await store.createUser(user());
      await store.createDevice({ id: 'dev-b', organizationId: org.id, name: 'Poste B', enrolledBy: 'user-1', createdAt: 20 });
      await store.createDevice({ id: 'dev-a', organizationId: org.id, name: 'Poste A', enrolledBy: 'user-1', createdAt: 10 });
      await store.createDevice({ id: 'dev-x', organizationId: other.id, name: 'Ailleurs', enrolledBy: 'user-1', createdAt: 30 });
      const refused = { id: 'as-1:3', collection: 'answers', status: 400, code: 'bad_request', message: 'Requête invalide : « é ».', refusedAt: 1_700_000_000_000 };
      const report = { organizationId: org.id, pendingAnswers: 4, refusedCount: 1, refusedDocuments: [refused], contentVersion: 'abcdef0123456789', appVersion: '0.1.0', reportedAt: 1_700_000_000_500 };
      expect(await store.listDeviceStatuses(org.id)).toEqual([]);

      await store.saveDeviceStatus({ ...report, deviceId: 'dev-b' });
      await store.saveDeviceStatus({ ...report, deviceId: 'dev-b', pendingAnswers: 0, refusedCount: 0, refusedDocuments: [], contentVersion: null, reportedAt: 1_700_000_000_900 });
      await store.saveDeviceStatus({ ...report, deviceId: 'dev-a' });
      await store.saveDeviceStatus({ ...report, organizationId: other.id, deviceId: 'dev-x' });
      expect(await store.listDeviceStatuses(org.id)).toEqual([
        { ...report, deviceId: 'dev-a', name: 'Poste A' },
        { ...report, deviceId: 'dev-b', name: 'Poste B', pendingAnswers: 0, refusedCount: 0, refusedDocuments: [], contentVersion: null, reportedAt: 1_700_000_000_900 },
      ]);
      expect((await store.listDeviceStatuses(other.id)).map((s) => s.deviceId)).toEqual(['dev-x']);

      await store.withdrawDevice(org.id, 'dev-a', 2_000);
      expect((await store.listDeviceStatuses(org.id)).map((s) => s.deviceId)).toEqual(['dev-b']);
    });

    it('[STORE-LOCKOUT] failed relay sign-ins count per learner, atomically, restart after a quiet period and clear', async () => {
      await store.createOrganization(org);
      await store.upsertLearners([learner('l-1'), learner('l-2')]);
      expect(await store.getLearnerSignInFailures(['l-1', 'l-2'])).toEqual(new Map());
      const fail = (learnerId: string, now: number, forgetBefore = 0) => store.recordLearnerSignInFailure({ learnerId, organizationId: org.id, now, forgetBefore });

      const counts = await Promise.all(Array.from({ length: 8 }, (_, i) => fail('l-1', 100 + i)));
      expect(counts.map((c) => c.failures).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect(await fail('l-2', 200)).toEqual({ learnerId: 'l-2', organizationId: org.id, failures: 1, lastFailureAt: 200 });
      const both = await store.getLearnerSignInFailures(['l-1', 'l-2', 'l-3']);
      expect(both.get('l-1')).toMatchObject({ failures: 8, lastFailureAt: expect.any(Number) as unknown });
      expect(both.size).toBe(2);

      // The last failure of l-2 (at 200) is at or before forgetBefore: the count starts again.
      expect(await fail('l-2', 900, 200)).toMatchObject({ failures: 1, lastFailureAt: 900 });
      expect(await fail('l-2', 950, 200)).toMatchObject({ failures: 2, lastFailureAt: 950 });

      await store.clearLearnerSignInFailures('l-1');
      expect([...(await store.getLearnerSignInFailures(['l-1', 'l-2'])).keys()]).toEqual(['l-2']);
    });

    it('[STORE-SIGNIN-MODE] a school accepts birth dates or codes until it asks for personal codes only', async () => {
      await store.createOrganization(org);
      await store.createOrganization({ ...org, id: 'org-2', uai: '9999999Z' });
      expect(await store.getLearnerSignInMode(org.id)).toBe('birth-date-or-code');
      await store.setLearnerSignInMode(org.id, 'personal-code-only');
      expect(await store.getLearnerSignInMode(org.id)).toBe('personal-code-only');
      expect(await store.getLearnerSignInMode('org-2')).toBe('birth-date-or-code');
      expect(await store.getOrganization(org.id)).toEqual(org);
    });
  });
}
