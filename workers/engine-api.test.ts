import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenOnLoopback, loginAs, startTestRelay } from '../test/relay.ts';
import type { TestRelay } from '../test/relay.ts';
import { DeviceDb } from './db/device-db.ts';
import { openLabDatabase } from './db/lab-database.ts';
import { createEngineApi } from './engine-api.ts';
import type { EngineApi } from './engine-api.ts';
import { ENGINE_API_VERSION } from './handlers/system.ts';
import { LabRuntime } from './runtime/lab-runtime.ts';

// The worker's API object in Node: real relay over HTTP, RxDB on memory storage, Dexie on fake-indexeddb.
let relay: TestRelay;
let runtime: LabRuntime;
let api: EngineApi;

beforeAll(async () => {
  relay = await startTestRelay();
  const baseUrl = await listenOnLoopback(relay);
  const name = `lab${randomUUID().slice(0, 8)}`;
  runtime = new LabRuntime({
    openLabDb: () => openLabDatabase({ name, storage: getRxStorageMemory(), multiInstance: false }),
    deviceDb: new DeviceDb(`device-${name}`),
    baseUrl,
    loadContent: () => Promise.resolve(null),
  });
  api = createEngineApi(runtime);
});

afterAll(async () => {
  await runtime.stopSync();
  await relay.close();
});

describe('engine worker API', () => {
  it('answers ready() with its API version, as plain data that survives postMessage', async () => {
    const answer = await api.ready();
    expect(answer).toEqual({ ok: true, apiVersion: ENGINE_API_VERSION });
    expect(structuredClone(answer)).toEqual(answer);
  });

  it('exposes only functions, so Comlink can proxy every member', () => {
    const members = Object.entries(api);
    expect(members.length).toBeGreaterThan(5);
    for (const [name, member] of members) expect(typeof member, name).toBe('function');
  });

  it('refuses to enrol with a wrong password or an invigilator account, and says so as a value', async () => {
    expect(await api.enrolDevice({ email: 'enseignant@demo.local', password: 'faux', name: 'Poste 1' })).toEqual({ ok: false, reason: 'invalid-credentials' });
    expect(await api.enrolDevice({ email: 'surveillant@demo.local', password: 'demo-pass-2026', name: 'Poste 1' })).toEqual({ ok: false, reason: 'forbidden' });
    expect(await api.deviceStatus()).toEqual({ enrolled: false });
  });

  it('enrols the machine, pulls the roster and signs a student in offline by birth date or personal code', async () => {
    // A teacher gave Lucas a personal code before the machine was enrolled.
    const teacher = await loginAs(relay.app, 'enseignant@demo.local');
    const issued = await relay.app.inject({ method: 'POST', url: '/api/learners/demo-learner-02/personal-code', headers: { authorization: `Bearer ${teacher}` } });
    const { code } = issued.json<{ code: string }>();
    expect(await api.enrolDevice({ email: 'enseignant@demo.local', password: 'demo-pass-2026', name: 'Salle B12 – poste 3' })).toEqual({ ok: true, name: 'Salle B12 – poste 3' });
    expect(await api.deviceStatus()).toMatchObject({ enrolled: true, name: 'Salle B12 – poste 3' });
    expect(await api.listClasses()).toEqual([{ name: '2NDE A', learners: 25 }]);
    const learners = await api.listLearners({ className: '2NDE A' });
    expect(learners).toHaveLength(25);
    expect(learners[0]?.lastName.localeCompare(learners[1]?.lastName ?? '', 'fr')).toBeLessThanOrEqual(0);
    const camille = learners.find((l) => l.lastName === 'MARTIN' && l.firstName === 'Camille');
    expect(camille).toBeDefined();
    // The relay is no longer needed: sign-in works from what the machine holds.
    await runtime.stopSync();
    expect(await api.signInLearner({ learnerId: camille?.id ?? '', birthDate: '14/03/2010' })).toEqual({ ok: true, learner: camille });
    expect(await api.signInLearner({ learnerId: camille?.id ?? '', birthDate: '14-3-2010' })).toMatchObject({ ok: true });
    expect(await api.signInLearner({ learnerId: camille?.id ?? '', birthDate: '15/03/2010' })).toEqual({ ok: false, reason: 'mismatch' });
    expect(await api.signInLearner({ learnerId: camille?.id ?? '', birthDate: '31/02/2010' })).toEqual({ ok: false, reason: 'invalid-date' });
    expect(await api.signInLearner({ learnerId: 'nobody', birthDate: '14/03/2010' })).toEqual({ ok: false, reason: 'unknown-learner' });

    expect(await api.signInLearner({ learnerId: 'demo-learner-02', personalCode: code.toLowerCase() })).toMatchObject({ ok: true, learner: { id: 'demo-learner-02' } });
    const wrongCode = code.slice(0, -1) + (code.endsWith('A') ? 'B' : 'A');
    expect(await api.signInLearner({ learnerId: 'demo-learner-02', personalCode: wrongCode })).toEqual({ ok: false, reason: 'code-mismatch' });
    expect(await api.signInLearner({ learnerId: 'demo-learner-02', personalCode: '14/03/2010' })).toEqual({ ok: false, reason: 'invalid-code' });
    expect(await api.signInLearner({ learnerId: camille?.id ?? '', personalCode: code })).toEqual({ ok: false, reason: 'no-code' });
  });

  it('reports the sync state: nothing pending, last success known', async () => {
    const status = await api.syncNow();
    expect(status).toMatchObject({ enrolled: true, pendingAnswers: 0, unreachableSince: null });
    expect(status.lastSuccessAt).toEqual(expect.any(Number));
  });
});
