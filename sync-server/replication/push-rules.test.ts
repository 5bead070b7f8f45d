/**
 * The push rules of one relay, end to end through inject() on a real SQLite file, with one relay for the whole file:
 * who may push and pull each collection ([SYNC-6], [SYNC-7]), learner scope, batches, append-only answers and events
 * ([SYNC-APPEND], [SYNC-EVENTS-1]), monotonic assessments and their fixed identity ([SYNC-MERGE-1], [SYNC-OWN-3]),
 * answer ownership ([SYNC-OWN-1], [SYNC-OWN-2]) and the refusals' French messages. The contracts
 * (*.contract.ts) state the same rules on both stores with a fresh relay per case; this file is the fast pass the
 * mutation run (stryker.relay.config.mjs) can afford once per mutant. Every test uses its own ids.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestRelay } from '../../test/relay.ts';
import type { TestRelay } from '../../test/relay.ts';
import { enrolDevice } from '../use-cases/enrol-device.ts';
import { answer, assessment } from './replication.contract.ts';

type Doc = Record<string, unknown>;
interface Refusal {
  error: string;
  message: string;
}

let relay: TestRelay;
let device: string;
let otherDevice: string;
let teacher: string;
let invigilator: string;

const rows = (docs: Doc[]) => docs.map((d) => ({ newDocumentState: d, assumedMasterState: null }));
const push = (collection: string, docs: Doc[], token = device) =>
  relay.app.inject({ method: 'POST', url: `/api/replication/${collection}/push`, headers: { authorization: `Bearer ${token}` }, payload: rows(docs) });
const pulled = async (collection: string, token = teacher): Promise<Doc[]> => {
  const response = await relay.app.inject({ method: 'GET', url: `/api/replication/${collection}/pull?seq=0&limit=1000`, headers: { authorization: `Bearer ${token}` } });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ documents: Doc[] }>().documents;
};
const pullStatus = async (collection: string, token: string): Promise<number> =>
  (await relay.app.inject({ method: 'GET', url: `/api/replication/${collection}/pull?seq=0`, headers: { authorization: `Bearer ${token}` } })).statusCode;
const ids = (docs: Doc[]) => docs.map((d) => d.id);

function event(id: string, overrides: Doc = {}): Doc {
  return { id, kind: 'tutorial-saved', learnerId: 'demo-learner-01', assessmentId: null, challengeId: null, competenceId: null, category: null, comment: null, tutorialId: 'tuto-1', at: 1_767_225_600_000, deviceId: 'dev-1', _deleted: false, ...overrides };
}

beforeAll(async () => {
  relay = await startTestRelay();
  teacher = await loginAs(relay.app, 'enseignant@demo.local');
  invigilator = await loginAs(relay.app, 'surveillant@demo.local');
  const enrolled = await relay.app.inject({ method: 'POST', url: '/api/devices', headers: { authorization: `Bearer ${teacher}` }, payload: { name: 'Poste' } });
  device = enrolled.json<{ token: string }>().token;
  await relay.store.createOrganization({ id: 'org-b', name: 'Collège B', uai: '1111111B', createdAt: 0 });
  await relay.store.createUser({ id: 'user-b', organizationId: 'org-b', email: 'prof@college-b.fr', firstName: 'P', lastName: 'B', passwordHash: 'x', roles: ['member'], createdAt: 0 });
  otherDevice = (await enrolDevice(relay.store, { name: 'Poste B', organizationId: 'org-b', enrolledBy: 'user-b' }, Date.now())).token;
});
afterAll(async () => {
  await relay.close();
});

describe('[SYNC-6] [SYNC-7] who pushes and who pulls', () => {
  it('only a lab machine pushes answers, tests and events; nobody pushes the roster, campaigns or sessions', async () => {
    for (const collection of ['answers', 'assessments', 'events']) {
      const response = await push(collection, [], teacher);
      expect(response.statusCode, collection).toBe(403);
      expect(response.json<Refusal>()).toEqual({ error: 'forbidden', message: `Vous ne pouvez pas envoyer de documents « ${collection} ».` });
      expect((await push(collection, [])).statusCode, collection).toBe(200);
    }
    // The relay writes these itself: they have no push route at all.
    for (const collection of ['learners', 'campaigns', 'certification-sessions']) {
      expect((await push(collection, [])).statusCode, collection).toBe(404);
    }
  });

  it('teachers, invigilators and lab machines read the school; nobody without a token', async () => {
    for (const collection of ['answers', 'assessments', 'learners', 'campaigns', 'events', 'certification-sessions']) {
      expect(await pullStatus(collection, teacher), collection).toBe(200);
      expect(await pullStatus(collection, invigilator), collection).toBe(200);
      expect(await pullStatus(collection, device), collection).toBe(200);
      expect(await pullStatus(collection, 'not-a-token'), collection).toBe(401);
    }
  });

  it("a machine of another school cannot write for this school's learners: 403 naming them, nothing written", async () => {
    const response = await push('assessments', [assessment('pr-scope-1'), assessment('pr-scope-2', { learnerId: 'demo-learner-02' })], otherDevice);
    expect(response.statusCode).toBe(403);
    expect(response.json<Refusal>()).toEqual({ error: 'forbidden', message: 'Élève inconnu ou hors de votre établissement : demo-learner-01, demo-learner-02.' });
    expect(ids(await pulled('assessments'))).not.toContain('pr-scope-1');
  });

  it('a batch naming the same document twice is refused whole (400), nothing written', async () => {
    const response = await push('assessments', [assessment('pr-twice'), assessment('pr-twice', { state: 'completed', completedAt: 1_767_225_700_000 })]);
    expect(response.statusCode).toBe(400);
    expect(response.json<Refusal>()).toEqual({ error: 'bad_request', message: 'Requête invalide : le même document figure deux fois dans le lot.' });
    expect(ids(await pulled('assessments'))).not.toContain('pr-twice');
  });
});

describe('[SYNC-APPEND] [SYNC-EVENTS-1] answers and events are written once', () => {
  it('the same answer again changes nothing; other content under its id is a conflict answered with the stored one', async () => {
    await push('assessments', [assessment('pr-append')]);
    const first = answer('pr-append:0', { assessmentId: 'pr-append' });
    expect((await push('answers', [first])).json()).toEqual([]);
    const stored = (await pulled('answers')).find((d) => d.id === 'pr-append:0');
    expect((await push('answers', [{ ...first, updatedAt: 1 }])).json()).toEqual([]);
    expect((await push('answers', [{ ...first, result: 'ko' }])).json()).toEqual([stored]);
    expect((await pulled('answers')).filter((d) => d.id === 'pr-append:0')).toEqual([stored]);
  });

  it('the same event again changes nothing; another content is a conflict answered with the stored one', async () => {
    expect((await push('events', [event('pr-event')])).json()).toEqual([]);
    const stored = (await pulled('events')).find((d) => d.id === 'pr-event');
    expect(stored).toMatchObject({ tutorialId: 'tuto-1' });
    expect((await push('events', [event('pr-event')])).json()).toEqual([]);
    expect((await push('events', [event('pr-event', { tutorialId: 'tuto-2' })])).json()).toEqual([stored]);
    expect((await pulled('events')).filter((d) => d.id === 'pr-event')).toEqual([stored]);
  });
});

describe('[SYNC-MERGE-1] [SYNC-OWN-3] a test moves forward and keeps its identity', () => {
  it('progress is merged and written; the same test again writes nothing; an identity change is a conflict', async () => {
    const started = assessment('pr-merge');
    expect((await push('assessments', [started])).json()).toEqual([]);
    const [first] = (await pulled('assessments')).filter((d) => d.id === 'pr-merge');
    expect((await push('assessments', [started])).json()).toEqual([]);
    expect((await pulled('assessments')).filter((d) => d.id === 'pr-merge')).toEqual([first]);

    expect((await push('assessments', [{ ...started, state: 'completed', completedAt: 1_767_225_700_000, deviceId: 'dev-2' }])).json()).toEqual([]);
    const [completed] = (await pulled('assessments')).filter((d) => d.id === 'pr-merge');
    expect(completed).toMatchObject({ state: 'completed', completedAt: 1_767_225_700_000, deviceId: 'dev-1', learnerId: 'demo-learner-01' });

    expect((await push('assessments', [{ ...started, campaignId: 'camp-2', state: 'shared', sharedAt: 1_767_225_800_000 }])).json()).toEqual([completed]);
    expect((await pulled('assessments')).filter((d) => d.id === 'pr-merge')).toEqual([completed]);
  });
});

describe('[SYNC-OWN-1] [SYNC-OWN-2] an answer joins its own learner\'s test', () => {
  it("answers into another learner's test are refused (403), naming at most three of them", async () => {
    await push('assessments', [assessment('pr-own')]);
    const intruders = [0, 1, 2, 3].map((i) => answer(`pr-own:${i}`, { assessmentId: 'pr-own', learnerId: 'demo-learner-02', index: i }));
    const response = await push('answers', intruders);
    expect(response.statusCode).toBe(403);
    expect(response.json<Refusal>()).toEqual({
      error: 'forbidden',
      message: "Réponse refusée : le test ne correspond pas à l'élève de la réponse (pr-own:0, pr-own:1, pr-own:2…).",
    });
    const one = await push('answers', intruders.slice(0, 1));
    expect(one.json<Refusal>().message).toBe("Réponse refusée : le test ne correspond pas à l'élève de la réponse (pr-own:0).");
    expect(ids(await pulled('answers'))).not.toContain('pr-own:0');
  });

  it('answers whose test has not arrived are retried (409), naming the tests; a refusal for another learner comes first', async () => {
    const early = ['pr-late-1', 'pr-late-2', 'pr-late-3', 'pr-late-4'].map((id) => answer(`${id}:0`, { assessmentId: id }));
    const response = await push('answers', early);
    expect(response.statusCode).toBe(409);
    expect(response.json<Refusal>()).toEqual({
      error: 'assessment_not_yet_received',
      message: 'Test pas encore reçu par le relais : pr-late-1, pr-late-2, pr-late-3…. Les réponses seront renvoyées automatiquement après lui.',
    });
    await push('assessments', [assessment('pr-late-other', { learnerId: 'demo-learner-02' })]);
    const mixed = await push('answers', [early[0] as Doc, answer('pr-late-other:0', { assessmentId: 'pr-late-other' })]);
    expect(mixed.statusCode).toBe(403);
    await push('assessments', [assessment('pr-late-1')]);
    expect((await push('answers', early.slice(0, 1))).json()).toEqual([]);
    expect(ids(await pulled('answers'))).toContain('pr-late-1:0');
  });
});
