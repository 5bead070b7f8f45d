/**
 * [SYNC-POISON-1..4] Documents the relay refuses are set aside on the lab machine with the reason, never deleted and
 * never blocking the others; "try again later" answers set nothing aside. The real replication code (RxDB memory
 * storage, the device database on fake-indexeddb) against a real relay over HTTP.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ORGANIZATION } from '../../sync-server/demo/demo-school.ts';
import { createLabClient, makeAnswer, makeAssessment } from '../../test/lab-client.ts';
import type { LabClient, LabClientOptions } from '../../test/lab-client.ts';
import { enrolDevice, listenOnLoopback, loginAs, startTestRelay } from '../../test/relay.ts';
import type { TestRelay } from '../../test/relay.ts';
import { HELD_WITH_ASSESSMENT } from './push-documents.ts';

let relay: TestRelay;
let baseUrl: string;
let token: string;
const clients: LabClient[] = [];

beforeEach(async () => {
  relay = await startTestRelay();
  baseUrl = await listenOnLoopback(relay);
  token = await enrolDevice(relay.app);
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await relay.close();
});

/** Pushes are counted so that isolating a refusal is seen to stay cheap. */
let pushes = 0;
const counting: typeof fetch = (input, init) => {
  if (typeof input === 'string' && input.endsWith('/push')) pushes++;
  return fetch(input, init);
};

async function lab(options: Partial<LabClientOptions> = {}): Promise<LabClient> {
  // A short retry: "later" comes quickly in a test; the app waits RETRY_MS.
  const client = await createLabClient({ baseUrl, token, fetchImpl: counting, retryMs: 100, ...options });
  clients.push(client);
  return client;
}

async function onRelay(collection: string, ids: string[]): Promise<string[]> {
  return (await relay.store.getDocuments(DEMO_ORGANIZATION.id, collection, ids)).map((d) => d.id).sort();
}

/** An answer the relay refuses as invalid (400): more time than the relay records for one challenge. */
const tooLong = (id: string, index: number) => makeAnswer({ id, index, timeSpentMs: 90_000_000 });

describe('[SYNC-POISON-1] a refused document never blocks the others', () => {
  it('isolates the refused answers of a batch, sends the rest, and keeps sending what is written afterwards', async () => {
    const machine = await lab();
    await machine.db.assessments.insert(makeAssessment({ id: 'as-1' }));
    const good = ['a0', 'a1', 'a3', 'a4', 'a6', 'a7'];
    for (const [index, id] of ['a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7'].entries()) {
      if (id === 'a2') await machine.db.answers.insert(tooLong(id, index));
      // 403: a learner the relay does not know (not on this school's roster).
      else if (id === 'a5') await machine.db.answers.insert(makeAnswer({ id, index, learnerId: 'learner-gone' }));
      else await machine.db.answers.insert(makeAnswer({ id, index }));
    }
    pushes = 0;
    machine.start();
    await expect.poll(() => onRelay('answers', good), { timeout: 8_000 }).toEqual(good);
    // One batch of 8 with 2 refused: the first push, then halves down to the culprits (at most 2·2·log2(8) more).
    expect(pushes).toBeLessThanOrEqual(1 + 1 + 2 * 2 * 3);

    await expect.poll(() => machine.refused.count(), { timeout: 5_000 }).toBe(2);
    const records = await machine.refused.list();
    expect(records.map((r) => [r.collection, r.id, r.status, r.code])).toEqual(
      expect.arrayContaining([
        ['answers', 'a2', 400, 'bad_request'],
        ['answers', 'a5', 403, 'forbidden'],
      ]),
    );
    for (const record of records) {
      expect(record.message).toMatch(/^(Requête invalide|Élève inconnu)/);
      expect(record.refusedAt).toBeGreaterThan(0);
      expect(record.parentId).toBe('as-1');
    }

    // Written after the refusal: sent as usual, nothing waits behind the refused ones.
    await machine.db.answers.insert(makeAnswer({ id: 'a8', index: 8 }));
    await expect.poll(() => onRelay('answers', ['a8']), { timeout: 5_000 }).toEqual(['a8']);
    expect(await onRelay('answers', ['a2', 'a5'])).toEqual([]);
  });
});

describe('[SYNC-POISON-2] set aside, never deleted, counted and reported', () => {
  it('keeps the refused answer as written, counts it apart from the pending ones, and tells the relay', async () => {
    const machine = await lab({ statusReport: true });
    await machine.db.assessments.insert(makeAssessment({ id: 'as-1' }));
    await machine.db.answers.insert(makeAnswer({ id: 'ok-0', index: 0 }));
    await machine.db.answers.insert(tooLong('bad-1', 1));
    machine.start();
    await expect.poll(() => machine.refused.count(), { timeout: 8_000 }).toBe(1);
    await machine.replication?.awaitInSync();
    machine.replication?.resync();
    await machine.replication?.awaitInSync();

    const kept = (await machine.db.answers.findOne('bad-1').exec())?.toJSON();
    expect(kept).toMatchObject({ id: 'bad-1', timeSpentMs: 90_000_000, updatedAt: 0 });
    const { countPendingAnswers } = await import('../db/pending-answers.ts');
    await expect.poll(() => countPendingAnswers(machine.db, machine.refused), { timeout: 5_000 }).toBe(0);
    // Counted apart: without the refused set it would still be "waiting to be sent".
    expect(await countPendingAnswers(machine.db)).toBe(1);

    await machine.replication?.reportStatus();
    const teacher = await loginAs(relay.app, 'enseignant@demo.local');
    const statuses = await relay.app.inject({ method: 'GET', url: '/api/devices/statuses', headers: { authorization: `Bearer ${teacher}` } });
    expect(statuses.json()).toEqual([
      expect.objectContaining({
        pendingAnswers: 0,
        refusedCount: 1,
        refusedDocuments: [expect.objectContaining({ id: 'bad-1', collection: 'answers', status: 400, code: 'bad_request' })],
      }),
    ]);
  });
});

describe('[SYNC-POISON-3] "try again later" sets nothing aside', () => {
  it('an answer whose assessment has not reached the relay (409) waits and goes once the assessment does', async () => {
    const machine = await lab();
    await machine.db.answers.insert(makeAnswer({ id: 'early-0', assessmentId: 'as-late', index: 0 }));
    machine.start();
    await expect.poll(() => machine.replication?.lastError() ?? '', { timeout: 5_000 }).toMatch(/409/);
    expect(await machine.refused.count()).toBe(0);
    await machine.db.assessments.insert(makeAssessment({ id: 'as-late' }));
    await expect.poll(() => onRelay('answers', ['early-0']), { timeout: 8_000 }).toEqual(['early-0']);
    expect(await machine.refused.count()).toBe(0);
  });

  it('a token the relay does not know (401) keeps every answer for later', async () => {
    const machine = await lab({ token: 'not-a-token' });
    await machine.db.assessments.insert(makeAssessment({ id: 'as-1' }));
    await machine.db.answers.insert(makeAnswer({ id: 'x-0' }));
    machine.start();
    await expect.poll(() => machine.replication?.lastError() ?? '', { timeout: 5_000 }).toMatch(/401/);
    expect(await machine.refused.count()).toBe(0);
  });
});

describe('[SYNC-POISON-4] set-aside documents get another chance when there is a reason', () => {
  it('answers wait with their refused assessment, then follow it once a change makes it acceptable', async () => {
    const machine = await lab();
    // Refused as invalid (400): a completion date before the epoch.
    await machine.db.assessments.insert(makeAssessment({ id: 'as-bad', completedAt: -1 }));
    await machine.db.answers.insert(makeAnswer({ id: 'w-0', assessmentId: 'as-bad', index: 0 }));
    await machine.db.answers.insert(makeAnswer({ id: 'w-1', assessmentId: 'as-bad', index: 1 }));
    machine.start();
    await expect.poll(async () => (await machine.refused.list()).map((r) => [r.id, r.status, r.code]), { timeout: 8_000 }).toEqual(
      expect.arrayContaining([
        ['as-bad', 400, 'bad_request'],
        ['w-0', 0, HELD_WITH_ASSESSMENT],
        ['w-1', 0, HELD_WITH_ASSESSMENT],
      ]),
    );
    expect(await onRelay('answers', ['w-0', 'w-1'])).toEqual([]);

    // The test moves on: its new state is valid, the relay takes it, and its answers follow without anyone asking.
    await (await machine.db.assessments.findOne('as-bad').exec())?.incrementalPatch({ state: 'completed', completedAt: 1_767_225_700_000 });
    await expect.poll(() => onRelay('answers', ['w-0', 'w-1']), { timeout: 8_000 }).toEqual(['w-0', 'w-1']);
    expect(await onRelay('assessments', ['as-bad'])).toEqual(['as-bad']);
    await expect.poll(() => machine.refused.count(), { timeout: 5_000 }).toBe(0);
  });

  it('documents refused by an older app version are offered again by a new one', async () => {
    const machine = await lab();
    // A learner the relay's roster does not hold yet: the test and its answers are refused (403).
    await machine.db.assessments.insert(makeAssessment({ id: 'as-new', learnerId: 'learner-new' }));
    await machine.db.answers.insert(makeAnswer({ id: 'n-0', assessmentId: 'as-new', learnerId: 'learner-new' }));
    machine.start();
    await expect.poll(() => machine.refused.count(), { timeout: 8_000 }).toBe(2);

    // The roster is fixed on the relay; then the machine runs a new version of the app (records of an older one).
    const [known] = await relay.store.listLearners(DEMO_ORGANIZATION.id);
    if (!known) throw new Error('no demo learner');
    await relay.store.upsertLearners([{ ...known, id: 'learner-new', lastName: 'NOUVEAU' }]);
    const records = await machine.refused.list();
    await machine.refused.setAside(records.map((r) => ({ ...r, appVersion: '0.0.1-old' })));

    await machine.replication?.offerRefusedAgain();
    expect(await onRelay('assessments', ['as-new'])).toEqual(['as-new']);
    expect(await onRelay('answers', ['n-0'])).toEqual(['n-0']);
    expect(await machine.refused.count()).toBe(0);
  });
});
