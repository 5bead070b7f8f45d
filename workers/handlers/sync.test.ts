/**
 * [SYNC-POISON-2] What the sync indicator is told: answers waiting, answers refused (counted apart, with the reasons),
 * and the machine's status reported to the relay. The real worker runtime (RxDB memory storage, the device database
 * on fake-indexeddb) against a real relay over HTTP.
 */
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { randomUUID } from 'node:crypto';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { makeAnswer, makeAssessment } from '../../test/lab-client.ts';
import { listenOnLoopback, loginAs, startTestRelay } from '../../test/relay.ts';
import type { TestRelay } from '../../test/relay.ts';
import { DeviceDb } from '../db/device-db.ts';
import { openLabDatabase } from '../db/lab-database.ts';
import { LabRuntime } from '../runtime/lab-runtime.ts';
import { createSyncHandlers } from './sync.ts';

let relay: TestRelay;
let runtime: LabRuntime;
let deviceDb: DeviceDb;
let teacher: string;

beforeEach(async () => {
  relay = await startTestRelay();
  const baseUrl = await listenOnLoopback(relay);
  teacher = await loginAs(relay.app, 'enseignant@demo.local');
  const { deviceId, token } = (await relay.app.inject({ method: 'POST', url: '/api/devices', headers: { authorization: `Bearer ${teacher}` }, payload: { name: 'Salle B12 – poste 3' } })).json<{ deviceId: string; token: string }>();
  const name = `lab${randomUUID().slice(0, 8)}`;
  deviceDb = new DeviceDb(`device-${name}`, { indexedDB, IDBKeyRange });
  await deviceDb.enrolment.put({ key: 'device', deviceId, token, name: 'Salle B12 – poste 3', organizationId: 'demo-org', enrolledAt: 1 });
  await deviceDb.packs.put({ version: '0123456789abcdef', json: '{}', loadedAt: 1 });
  runtime = new LabRuntime({
    openLabDb: () => openLabDatabase({ name, storage: getRxStorageMemory(), multiInstance: false }),
    deviceDb,
    baseUrl,
    loadContent: () => Promise.resolve(null),
  });
});

afterEach(async () => {
  await runtime.stopSync();
  await (await runtime.db()).remove();
  await deviceDb.delete();
  await relay.close();
});

it('[SYNC-POISON-2] "Synchroniser maintenant" reports the refused answer apart from the sent ones, and tells the relay', async () => {
  const db = await runtime.db();
  await db.assessments.insert(makeAssessment({ id: 'as-1' }));
  await db.answers.insert(makeAnswer({ id: 'as-1:0' }));
  await db.answers.insert(makeAnswer({ id: 'as-1:1', index: 1, timeSpentMs: 90_000_000 }));
  const sync = createSyncHandlers(runtime);

  await expect.poll(async () => (await sync.syncNow()).refusedCount, { timeout: 15_000 }).toBe(1);
  await expect.poll(async () => (await sync.syncStatus()).pendingAnswers, { timeout: 10_000 }).toBe(0);
  const status = await sync.syncStatus();
  expect(status).toMatchObject({ enrolled: true, refusedCount: 1, lastError: null });
  expect(status.refused).toEqual([{ collection: 'answers', id: 'as-1:1', status: 400, code: 'bad_request', message: expect.stringMatching(/^Requête invalide/) as unknown, refusedAt: expect.any(Number) as unknown }]);

  await sync.syncNow();
  const statuses = await relay.app.inject({ method: 'GET', url: '/api/devices/statuses', headers: { authorization: `Bearer ${teacher}` } });
  expect(statuses.json()).toEqual([
    expect.objectContaining({ name: 'Salle B12 – poste 3', pendingAnswers: 0, refusedCount: 1, contentVersion: '0123456789abcdef', appVersion: expect.stringMatching(/^\d+\.\d+\.\d+/) as unknown }),
  ]);
});
