/**
 * The learner events collection (problem reports, tutorials, competence resets) over real HTTP handling (inject)
 * and a real store, run on SQLite and on PostgreSQL: append-only ([SYNC-EVENTS-1]), strictly validated
 * ([SYNC-EVENTS-2]), pushed by lab machines for their own organisation's learners only, pulled by the school's
 * staff and by each student for themselves ([SYNC-6], [SYNC-7], [SYNC-11]).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enrolDevice as enrolOverHttp, loginAs, startTestRelay } from '../../test/relay.ts';
import type { StoreFactory, TestRelay } from '../../test/relay.ts';
import { enrolDevice } from '../use-cases/enrol-device.ts';

type Doc = Record<string, unknown>;

export function learnerEvent(id: string, overrides: Doc = {}): Doc {
  return {
    id,
    kind: 'problem-report',
    learnerId: 'demo-learner-01',
    assessmentId: 'as-1',
    challengeId: '1.1-requete-web-2-a',
    competenceId: null,
    category: 'image-not-displaying',
    comment: "L'image ne s'affiche pas.",
    tutorialId: null,
    at: 1_767_225_600_000,
    deviceId: 'dev-1',
    _deleted: false,
    ...overrides,
  };
}

const tutorialSaved = (id: string, overrides: Doc = {}): Doc =>
  learnerEvent(id, { kind: 'tutorial-saved', assessmentId: null, challengeId: null, category: null, comment: null, tutorialId: 'tuto-1.1-requete-web', ...overrides });
const reset = (id: string, overrides: Doc = {}): Doc =>
  learnerEvent(id, { kind: 'competence-reset', assessmentId: null, challengeId: null, category: null, comment: null, competenceId: '1.1', ...overrides });

const rows = (docs: Doc[]) => docs.map((d) => ({ newDocumentState: d, assumedMasterState: null }));

export function learnerEventsContract(name: string, storeFactory: StoreFactory): void {
  describe(`learner events collection: ${name}`, () => {
    let relay: TestRelay;
    let device: string;

    const push = (docs: Doc[], token = device) =>
      relay.app.inject({ method: 'POST', url: '/api/replication/events/push', headers: { authorization: `Bearer ${token}` }, payload: rows(docs) });
    const pull = async (token = device) => {
      const response = await relay.app.inject({ method: 'GET', url: '/api/replication/events/pull?seq=0&limit=1000', headers: { authorization: `Bearer ${token}` } });
      return { status: response.statusCode, body: response.json<{ documents: Doc[]; checkpoint: { seq: number } }>() };
    };

    beforeEach(async () => {
      relay = await startTestRelay({ storeFactory });
      device = await enrolOverHttp(relay.app, 'Poste 1');
    });
    afterEach(async () => {
      await relay.close();
    });

    it('[SYNC-EVENTS-1] a lab machine pushes events of its school\'s learners; they round-trip exactly; the same push again changes nothing', async () => {
      const docs = [learnerEvent('ev-1'), tutorialSaved('ev-2', { learnerId: 'demo-learner-02' }), reset('ev-3')];
      expect((await push(docs)).json()).toEqual([]);
      const first = await pull();
      expect(first.status).toBe(200);
      expect(first.body.documents.map(({ updatedAt, ...rest }) => (expect(typeof updatedAt).toBe('number'), rest))).toEqual(docs);
      expect((await push(docs)).json()).toEqual([]);
      expect((await pull()).body.checkpoint.seq).toBe(first.body.checkpoint.seq);
    });

    it('[SYNC-EVENTS-1] an event is never rewritten: the same id with other content is a conflict, answered with the stored one', async () => {
      expect((await push([learnerEvent('ev-1')])).json()).toEqual([]);
      const stored = (await pull()).body.documents[0];
      const conflicts = await push([learnerEvent('ev-1', { comment: 'Autre chose.' })]);
      expect(conflicts.statusCode).toBe(200);
      expect(conflicts.json()).toEqual([stored]);
      expect((await pull()).body.documents).toEqual([stored]);
    });

    it('[SYNC-EVENTS-2] invalid events are refused with a clear error and nothing is written', async () => {
      const invalid = [
        learnerEvent('bad-1', { kind: 'tutorial-deleted' }),
        learnerEvent('bad-2', { category: 'broken-printer' }),
        learnerEvent('bad-3', { comment: 'x'.repeat(1001) }),
        tutorialSaved('bad-4', { category: 'other' }),
        tutorialSaved('bad-5', { tutorialId: null }),
        reset('bad-6', { competenceId: '9.9' }),
        reset('bad-7', { competenceId: null }),
        learnerEvent('bad-8', { category: null }),
        learnerEvent('bad-9', { extra: 'field' }),
        learnerEvent('bad id with spaces'),
      ];
      for (const doc of invalid) {
        const response = await push([learnerEvent('fine'), doc]);
        expect(response.statusCode, String(doc.id)).toBe(400);
        expect(response.json(), String(doc.id)).toMatchObject({ error: expect.any(String) as unknown, message: expect.any(String) as unknown });
      }
      expect((await pull()).body.documents).toEqual([]);
    });

    it('[SYNC-6] a lab machine of another school cannot push for these learners: 403, nothing written', async () => {
      await relay.store.createOrganization({ id: 'org-b', name: 'Collège B', uai: '1111111B', createdAt: 0 });
      await relay.store.createUser({ id: 'user-b', organizationId: 'org-b', email: 'prof@college-b.fr', firstName: 'P', lastName: 'B', passwordHash: 'x', roles: ['member'], createdAt: 0 });
      const other = (await enrolDevice(relay.store, { name: 'Poste B', organizationId: 'org-b', enrolledBy: 'user-b' }, Date.now())).token;
      const response = await push([learnerEvent('intrus')], other);
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ error: 'forbidden' });
      expect((await pull()).body.documents).toEqual([]);
      expect((await pull(other)).body.documents).toEqual([]);
    });

    it('[SYNC-7] [SYNC-11] teachers read the school\'s events; a student reads only their own and pushes nothing', async () => {
      expect((await push([learnerEvent('ev-1'), tutorialSaved('ev-2', { learnerId: 'demo-learner-02' })])).json()).toEqual([]);
      const teacher = await loginAs(relay.app, 'enseignant@demo.local');
      expect((await pull(teacher)).body.documents.map((d) => d.id)).toEqual(['ev-1', 'ev-2']);
      const signIn = await relay.app.inject({ method: 'POST', url: '/api/auth/learner', payload: { uai: '0000000A', lastName: 'MARTIN', firstName: 'Camille', birthDate: '14/03/2010' } });
      expect(signIn.statusCode).toBe(200);
      const student = signIn.json<{ token: string }>().token;
      expect((await pull(student)).body.documents.map((d) => d.id)).toEqual(['ev-1']);
      expect((await push([learnerEvent('ev-3')], student)).statusCode).toBe(403);
      expect((await push([learnerEvent('ev-4')], teacher)).statusCode).toBe(403);
    });
  });
}
