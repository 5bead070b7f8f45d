/**
 * A lab machine's worker is often killed without a clean stop (a reload, a closed lid). What it wrote while the
 * relay was down must still be sent by the next instance, with nobody pressing anything.
 */
import 'fake-indexeddb/auto';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeAnswer, makeAssessment } from '../../test/lab-client.ts';
import { enrolDevice, listenOnLoopback, startTestRelay } from '../../test/relay.ts';
import { DEMO_ORGANIZATION } from '../../sync-server/demo/demo-school.ts';
import type { TestRelay } from '../../test/relay.ts';
import { DeviceDb } from '../db/device-db.ts';
import { openLabDatabase } from '../db/lab-database.ts';
import { RefusedDocuments } from '../db/refused-documents.ts';
import { RelayConnection } from './relay-connection.ts';
import { replicateLabDatabase } from './replicate.ts';

let relay: TestRelay;
let baseUrl: string;
let token: string;
beforeAll(async () => {
  relay = await startTestRelay();
  baseUrl = await listenOnLoopback(relay);
  token = await enrolDevice(relay.app);
});
afterAll(async () => relay.close());

it('answers written while the relay was down are sent by the next instance after the first one was dropped', async () => {
  let down = true;
  const fetchImpl: typeof fetch = (input, init) => (down ? Promise.reject(new TypeError('down')) : fetch(input, init));
  const name = 'restart-after-outage';
  const first = await openLabDatabase({ name, storage: getRxStorageDexie(), multiInstance: true });
  const refused = new RefusedDocuments(new DeviceDb(`${name}-device`));
  replicateLabDatabase(first, new RelayConnection(baseUrl, token, fetchImpl), { live: true, stream: false, identifier: 'device-x', refused });
  await first.assessments.insert(makeAssessment({ id: 'as-restart' }));
  await first.answers.insert(makeAnswer({ id: 'restart-1', assessmentId: 'as-restart' }));
  await first.answers.insert(makeAnswer({ id: 'restart-2', assessmentId: 'as-restart', index: 1 }));
  // The first push attempts fail; then the page goes away without stopping its replication.
  await expect.poll(() => relay.store.getDocuments(DEMO_ORGANIZATION.id, 'answers', ['restart-1']), { timeout: 5_000 }).toHaveLength(0);
  await first.close();

  down = false;
  const second = await openLabDatabase({ name, storage: getRxStorageDexie(), multiInstance: true });
  const replication = replicateLabDatabase(second, new RelayConnection(baseUrl, token, fetchImpl), { live: true, stream: false, identifier: 'device-x', refused });
  await expect.poll(async () => (await relay.store.getDocuments(DEMO_ORGANIZATION.id, 'answers', ['restart-1', 'restart-2'])).map((d) => d.id).sort(), { timeout: 10_000 }).toEqual(['restart-1', 'restart-2']);
  await replication.stop();
  await second.close();
});
