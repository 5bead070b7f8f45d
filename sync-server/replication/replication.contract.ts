/**
 * The replication contract of SYNC.md over real HTTP handling (inject) and a real store, run on SQLite and on
 * PostgreSQL. Case ids are cited from sync-server/SPEC.md.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loginAs, startTestRelay } from '../../test/relay.ts';
import type { StoreFactory, TestRelay } from '../../test/relay.ts';
import { enrolDevice } from '../use-cases/enrol-device.ts';

type Doc = Record<string, unknown>;

export function answer(id: string, overrides: Doc = {}): Doc {
  return {
    id,
    assessmentId: 'as-1',
    learnerId: 'demo-learner-01',
    challengeId: 'ch-1',
    value: { kind: 'choice', selected: [2] },
    result: 'ok',
    timeSpentMs: 12_345,
    answeredAt: 1_767_225_600_000,
    deviceId: 'dev-1',
    index: 0,
    online: true,
    _deleted: false,
    ...overrides,
  };
}

export function assessment(id: string, overrides: Doc = {}): Doc {
  return {
    id,
    kind: 'campaign',
    learnerId: 'demo-learner-01',
    campaignId: 'camp-1',
    competenceId: null,
    sessionId: null,
    state: 'started',
    startedAt: 1_767_225_600_000,
    completedAt: null,
    sharedAt: null,
    deviceId: 'dev-1',
    contentVersion: '0123456789abcdef',
    priorChallengeIds: [],
    _deleted: false,
    ...overrides,
  };
}

const rows = (docs: Doc[]) => docs.map((d) => ({ newDocumentState: d, assumedMasterState: null }));

export function replicationContract(name: string, storeFactory: StoreFactory): void {
  describe(`replication contract: ${name}`, () => {
    let relay: TestRelay;
    let device: string;
    let teacher: string;
    let clock = 1_800_000_000_000;

    beforeEach(async () => {
      relay = await startTestRelay({ storeFactory, now: () => clock++ });
      teacher = await loginAs(relay.app, 'enseignant@demo.local');
      const enrolled = await relay.app.inject({ method: 'POST', url: '/api/devices', headers: { authorization: `Bearer ${teacher}` }, payload: { name: 'Poste 1' } });
      device = enrolled.json<{ token: string }>().token;
    });
    afterEach(async () => {
      await relay.close();
    });

    const push = (collection: string, docs: Doc[], token = device) =>
      relay.app.inject({ method: 'POST', url: `/api/replication/${collection}/push`, headers: { authorization: `Bearer ${token}` }, payload: rows(docs) });
    const pull = (collection: string, query: string, token = device) =>
      relay.app.inject({ method: 'GET', url: `/api/replication/${collection}/pull?${query}`, headers: { authorization: `Bearer ${token}` } });
    /** The test the answers of these cases belong to: a lab machine pushes it before them ([SYNC-OWN-2]). */
    const pushTheirTest = async () => expect((await push('assessments', [assessment('as-1')])).json()).toEqual([]);

    it('[SYNC-1] pull returns documents after the checkpoint, ascending, at most limit; checkpoint is the last seq', async () => {
      await pushTheirTest();
      expect((await push('answers', [answer('a1'), answer('a2', { index: 1 }), answer('a3', { index: 2 })])).statusCode).toBe(200);
      const all = (await pull('answers', 'seq=0&limit=10')).json<{ documents: Doc[]; checkpoint: { seq: number } }>();
      expect(all.documents.map((d) => d.id)).toEqual(['a1', 'a2', 'a3']);
      const page1 = (await pull('answers', 'limit=2')).json<{ documents: Doc[]; checkpoint: { seq: number } }>();
      expect(page1.documents.map((d) => d.id)).toEqual(['a1', 'a2']);
      const page2 = (await pull('answers', `seq=${page1.checkpoint.seq}&limit=2`)).json<{ documents: Doc[]; checkpoint: { seq: number } }>();
      expect(page2.documents.map((d) => d.id)).toEqual(['a3']);
      expect(page2.checkpoint.seq).toBe(all.checkpoint.seq);
      const empty = (await pull('answers', `seq=${all.checkpoint.seq}`)).json<{ documents: Doc[]; checkpoint: { seq: number } }>();
      expect(empty).toEqual({ documents: [], checkpoint: { seq: all.checkpoint.seq } });
    });

    it('[SYNC-2] documents round-trip exactly, with a server updatedAt and _deleted', async () => {
      await pushTheirTest();
      const sent = answer('a1', { value: { kind: 'fields', fields: { annee: '1989', ville: 'Genève ' } }, updatedAt: 1 });
      await push('answers', [sent]);
      const [got] = (await pull('answers', 'seq=0')).json<{ documents: Doc[] }>().documents;
      expect(got).toEqual({ ...sent, updatedAt: expect.any(Number) as unknown });
      expect(got?.updatedAt).toBeGreaterThanOrEqual(1_800_000_000_000);
    });

    it('[SYNC-3] pushing the same answer twice is harmless; different content under the same id is a conflict', async () => {
      await pushTheirTest();
      await push('answers', [answer('a1')]);
      const before = (await pull('answers', 'seq=0')).json<{ checkpoint: { seq: number } }>().checkpoint.seq;
      const again = await push('answers', [answer('a1')]);
      expect(again.statusCode).toBe(200);
      expect(again.json()).toEqual([]);
      expect((await pull('answers', `seq=${before}`)).json<{ documents: Doc[] }>().documents).toEqual([]);
      const tampered = await push('answers', [answer('a1', { result: 'ko' })]);
      expect(tampered.statusCode).toBe(200);
      expect(tampered.json<Doc[]>()).toEqual([expect.objectContaining({ id: 'a1', result: 'ok' })]);
    });

    it('[SYNC-4] assessments merge monotonically: a late "started" never undoes "completed"', async () => {
      await push('assessments', [assessment('s1', { state: 'completed', completedAt: 1_767_225_700_000 })]);
      const stale = await push('assessments', [assessment('s1', { state: 'started' })]);
      expect(stale.json()).toEqual([]);
      await push('assessments', [assessment('s1', { state: 'shared', sharedAt: 1_767_225_800_000, completedAt: 1_767_225_750_000 })]);
      const docs = (await pull('assessments', 'seq=0')).json<{ documents: Doc[] }>().documents;
      expect(docs).toHaveLength(1);
      expect(docs[0]).toMatchObject({ state: 'shared', completedAt: 1_767_225_700_000, sharedAt: 1_767_225_800_000 });
    });

    it('[SYNC-5] a batch is applied whole or not at all', async () => {
      await pushTheirTest();
      const bad = await push('answers', [answer('a1'), answer('a2', { learnerId: 'not-a-learner' })]);
      expect(bad.statusCode).toBe(403);
      const invalid = await push('answers', [answer('a3'), answer('a4', { result: 'maybe' })]);
      expect(invalid.statusCode).toBe(400);
      expect((await pull('answers', 'seq=0')).json<{ documents: Doc[] }>().documents).toEqual([]);
    });

    it('[SYNC-6] scoping: only a device pushes answers; a teacher reads its organisation; nobody reads without a token', async () => {
      await pushTheirTest();
      expect((await push('answers', [answer('a1')], teacher)).statusCode).toBe(403);
      await push('answers', [answer('a1')]);
      expect((await pull('answers', 'seq=0', teacher)).json<{ documents: Doc[] }>().documents.map((d) => d.id)).toEqual(['a1']);
      const anonymous = await relay.app.inject({ method: 'GET', url: '/api/replication/answers/pull' });
      expect(anonymous.statusCode).toBe(401);
      const anonymousPush = await relay.app.inject({ method: 'POST', url: '/api/replication/answers/push', payload: [] });
      expect(anonymousPush.statusCode).toBe(401);
      expect((await push('learners', [{ id: 'x', _deleted: false }])).statusCode).toBe(404);
    });

    it('[SYNC-7] another organisation sees nothing and cannot write for our learners', async () => {
      await pushTheirTest();
      await push('answers', [answer('a1')]);
      await relay.store.createOrganization({ id: 'org-2', name: 'Autre lycée', uai: '1111111B', createdAt: 0 });
      await relay.store.createUser({ id: 'u-2', organizationId: 'org-2', email: 'autre@ailleurs.fr', firstName: 'A', lastName: 'B', passwordHash: 'x', roles: ['member'], createdAt: 0 });
      const otherDevice = (await enrolDevice(relay.store, { name: 'Poste ailleurs', organizationId: 'org-2', enrolledBy: 'u-2' }, clock)).token;
      expect((await pull('answers', 'seq=0', otherDevice)).json<{ documents: Doc[] }>().documents).toEqual([]);
      expect((await push('answers', [answer('a9')], otherDevice)).statusCode).toBe(403);
      expect((await push('answers', [answer('a1')], otherDevice)).statusCode).toBe(403);
    });

    it('[SYNC-8] _deleted is a state like any other: kept, replicated, never a hard delete', async () => {
      await push('assessments', [assessment('s1')]);
      await push('assessments', [assessment('s1', { _deleted: true })]);
      const docs = (await pull('assessments', 'seq=0')).json<{ documents: Doc[] }>().documents;
      expect(docs).toEqual([expect.objectContaining({ id: 's1', _deleted: true })]);
    });

    it('[SYNC-9] bad payloads get 400 JSON, never 500', async () => {
      const cases: { collection: string; payload: unknown }[] = [
        { collection: 'answers', payload: { not: 'an array' } },
        { collection: 'answers', payload: [{ newDocumentState: { id: 'a1' } }] },
        { collection: 'answers', payload: [{ newDocumentState: answer('a1', { extra: 1 }) }] },
        { collection: 'answers', payload: [{ newDocumentState: answer('a1', { value: { kind: 'choice', selected: ['x'] } }) }] },
        { collection: 'answers', payload: [{ newDocumentState: answer('a1', { timeSpentMs: -1 }) }] },
        { collection: 'assessments', payload: [{ newDocumentState: assessment('s1', { state: 'teleported' }) }] },
        { collection: 'answers', payload: rows([answer('a1'), answer('a1')]) },
      ];
      for (const { collection, payload } of cases) {
        const response = await relay.app.inject({ method: 'POST', url: `/api/replication/${collection}/push`, headers: { authorization: `Bearer ${device}` }, payload: payload as object });
        expect(response.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(400);
        expect(response.json()).toMatchObject({ error: 'bad_request' });
      }
      for (const query of ['seq=-1', 'seq=abc', 'limit=x', 'other=1']) expect((await pull('answers', query)).statusCode, query).toBe(400);
    });

    it('[SYNC-10] the roster is pulled without plain birth dates', async () => {
      const body = (await pull('learners', 'seq=0&limit=100')).json<{ documents: Doc[] }>();
      expect(body.documents).toHaveLength(25);
      const camille = body.documents.find((d) => d.lastName === 'MARTIN');
      expect(camille).toMatchObject({ firstName: 'Camille', className: '2NDE A', birthDateHash: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown });
      expect(JSON.stringify(body)).not.toMatch(/2010-03-14|14\/03\/2010/);
    });
  });
}
