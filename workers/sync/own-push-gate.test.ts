/**
 * [SYNC-ACK] A machine's own answer that comes back from the relay while its push is still being acknowledged must
 * land on the machine (relay's updatedAt and all), or it would be "waiting to be sent" forever. The real replication
 * against a real relay; the network is arranged so that the replication's first pull reads the answer after the
 * relay applied its push and before the push's response reaches the machine (as when a machine comes back online).
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createLabClient, makeAnswer, makeAssessment } from '../../test/lab-client.ts';
import type { LabClient } from '../../test/lab-client.ts';
import { enrolDevice, listenOnLoopback, startTestRelay } from '../../test/relay.ts';
import type { TestRelay } from '../../test/relay.ts';
import { countPendingAnswers } from '../db/pending-answers.ts';

let relay: TestRelay;
let machine: LabClient;

/** A promise and its resolver. */
function signal(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

let arranging = false;
let pushApplied = signal();
let pullRead = signal();

/**
 * While `arranging`: an answers pull waits until the relay has applied the answers push, and that push's response
 * waits until the pull has read the relay (plus a little, so the pull's page reaches RxDB first).
 */
const crossing: typeof fetch = async (input, init) => {
  const url = typeof input === 'string' ? input : '';
  if (arranging && url.includes('/api/replication/answers/pull')) {
    await pushApplied.promise;
    const response = await fetch(input, init);
    pullRead.resolve();
    return response;
  }
  const response = await fetch(input, init);
  if (arranging && url.endsWith('/api/replication/answers/push')) {
    pushApplied.resolve();
    await pullRead.promise;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return response;
};

beforeEach(async () => {
  relay = await startTestRelay();
  const baseUrl = await listenOnLoopback(relay);
  const token = await enrolDevice(relay.app);
  machine = await createLabClient({ baseUrl, token, fetchImpl: crossing, retryMs: 100 });
  arranging = false;
  pushApplied = signal();
  pullRead = signal();
});

afterEach(async () => {
  pushApplied.resolve();
  pullRead.resolve();
  await machine.close();
  await relay.close();
});

it('[SYNC-ACK] an answer pulled back before its push is acknowledged is taken with the relay\'s copy', async () => {
  await machine.db.assessments.insert(makeAssessment({ id: 'as-1' }));
  machine.start();
  await machine.replication?.awaitInSync();
  await machine.stop();

  // Written offline; then the machine's replication starts again: its first pull and first push cross.
  await machine.db.answers.insert(makeAnswer({ id: 'crossed-0' }));
  arranging = true;
  machine.start();
  await pullRead.promise;

  await expect.poll(() => countPendingAnswers(machine.db, machine.refused), { timeout: 5_000 }).toBe(0);
  expect((await machine.db.answers.findOne('crossed-0').exec())?.updatedAt).toBeGreaterThan(0);
});
