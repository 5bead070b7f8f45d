import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLabClient, makeAnswer, makeAssessment } from '../../test/lab-client.ts';
import type { LabClient } from '../../test/lab-client.ts';
import { enrolDevice, listenOnLoopback, startTestRelay } from '../../test/relay.ts';
import { DEMO_ORGANIZATION } from '../../sync-server/demo/demo-school.ts';
import type { TestRelay } from '../../test/relay.ts';

let relay: TestRelay;
let baseUrl: string;
let deviceToken: string;
const clients: LabClient[] = [];

beforeEach(async () => {
  relay = await startTestRelay();
  baseUrl = await listenOnLoopback(relay);
  deviceToken = await enrolDevice(relay.app);
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await relay.close();
});

async function client(options: { fetchImpl?: typeof fetch; stream?: boolean } = {}): Promise<LabClient> {
  // A short retry: an answer pushed beside its test may be "not yet received" (409) once; the app retries in RETRY_MS.
  const c = await createLabClient({ baseUrl, token: deviceToken, retryMs: 200, ...options });
  clients.push(c);
  return c;
}

describe('lab machine replication against a real relay', () => {
  it('pushes answers written offline, pulls the roster, and counts nothing pending once the relay has them', async () => {
    const lab = await client({ stream: true });
    // The relay takes answers only into a test it holds: the machine sends the test too.
    await lab.db.assessments.insert(makeAssessment({ id: 'as-1' }));
    await lab.db.answers.insert(makeAnswer({ id: 'a1' }));
    await lab.db.answers.insert(makeAnswer({ id: 'a2', index: 1 }));
    expect(await lab.db.answers.count({ selector: { updatedAt: 0 } }).exec()).toBe(2);
    lab.start();
    await lab.replication?.awaitInSync();
    const stored = await relay.store.getDocuments(DEMO_ORGANIZATION.id, 'answers', ['a1', 'a2']);
    expect(stored.map((d) => d.id).sort()).toEqual(['a1', 'a2']);
    expect(await lab.db.learners.count().exec()).toBe(25);
    // The relay's copy (with its updatedAt) comes back through the stream: nothing is pending any more.
    await expect.poll(() => lab.db.answers.count({ selector: { updatedAt: 0 } }).exec(), { timeout: 8_000 }).toBe(0);
    expect(lab.connection.state.lastSuccessAt).not.toBeNull();
  });

  it('a second machine receives the first one\'s answers live through the stream', async () => {
    const a = await client({ stream: true });
    const b = await client({ stream: true });
    a.start();
    b.start();
    await Promise.all([a.replication?.awaitInSync(), b.replication?.awaitInSync()]);
    await a.db.assessments.insert(makeAssessment({ id: 'as-1' }));
    await a.db.answers.insert(makeAnswer({ id: 'live-1' }));
    await expect.poll(async () => (await b.db.answers.findOne('live-1').exec())?.challengeId, { timeout: 8_000 }).toBe('ch-1');
  });

  it('records when the relay is unreachable and keeps the answers until it is back', async () => {
    let down = true;
    const flaky: typeof fetch = (input, init) => (down ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init));
    const lab = await client({ fetchImpl: flaky });
    await lab.db.assessments.insert(makeAssessment({ id: 'as-1' }));
    await lab.db.answers.insert(makeAnswer({ id: 'a1' }));
    lab.start();
    await expect.poll(() => lab.connection.state.unreachableSince, { timeout: 5_000 }).not.toBeNull();
    expect(await relay.store.getDocuments(DEMO_ORGANIZATION.id, 'answers', ['a1'])).toEqual([]);
    down = false;
    lab.replication?.resync();
    await expect.poll(async () => (await relay.store.getDocuments(DEMO_ORGANIZATION.id, 'answers', ['a1'])).length, { timeout: 10_000 }).toBe(1);
    await expect.poll(() => lab.connection.state.unreachableSince, { timeout: 5_000 }).toBeNull();
    expect(lab.connection.state.lastSuccessAt).not.toBeNull();
  });
});
