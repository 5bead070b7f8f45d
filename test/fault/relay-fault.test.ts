/**
 * [SYNC-FAULT] The real relay process, on SQLite, under a lab's worst day, against the real lab-machine replication
 * (workers/sync on RxDB's memory storage): six machines write tests' answers over time while their replication
 * sends them through a network that loses requests (before sending, after the relay applied them, mid-flight), and
 * the relay is killed with SIGKILL twice and restarted on the same data folder. Every answer must end up on the relay
 * exactly once with the content the machine wrote, and nothing acknowledged before a kill may be lost (WAL with
 * synchronous=FULL). Two machines write the same answer id: one version wins, the other machine takes it
 * ([SYNC-3]). One answer the relay refuses is set aside on its machine and blocks nothing ([SYNC-POISON-1]).
 * Randomness is seeded (FAULT_SEED replays a run); the kill moments follow progress.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freePort, startRelay } from '../../bench/relay-process.ts';
import type { RelayProcess } from '../../bench/relay-process.ts';
import { createRandom } from '../../src/core/random.ts';
import type { AnswerDocument } from '../../src/core/sync/documents.ts';
import { stableStringify } from '../../src/core/sync/merge.ts';
import { countPendingAnswers } from '../../workers/db/pending-answers.ts';
import { createLabClient, makeAnswer, makeAssessment } from '../lab-client.ts';
import type { LabClient } from '../lab-client.ts';
import { emptyFaultCounts, faultyFetch } from './faulty-fetch.ts';
import type { FaultRates } from './faulty-fetch.ts';
import { acknowledging, calmable, machineAnswers, runMachine } from './lab-machine-run.ts';
import { enrolDevice, login, pullAll } from './relay-http.ts';

const SEED = Number(process.env.FAULT_SEED ?? 20_261_123);
/**
 * Six machines: RxDB's free version opens at most 13 collections per process, and each machine opens the two it
 * pushes. A hundred answers each keep as many pushes in flight as twenty machines of thirty did.
 */
const MACHINES = 6;
const ANSWERS_PER_MACHINE = 100;
/** One answer of this machine is refused by the relay (more time than it records for one challenge). */
const POISONED = { machine: 2, index: 7 };
/** Machines 0 and 1 both write this answer id (a test continued on another machine), each its own version. */
const SHARED_ID = 'fault-shared:0';
/** Answer ids the relay must end up holding: every machine's, but the refused one, and the shared one once. */
const EXPECTED = MACHINES * ANSWERS_PER_MACHINE - 1 + 1;
/** The relay is killed when this many answers have been acknowledged: mid-run, with pushes in flight. */
const KILL_WHEN_ACKNOWLEDGED = [Math.floor(EXPECTED / 4), Math.floor(EXPECTED / 2)];
const RATES: FaultRates = { beforeSend: 0.1, responseLost: 0.15, inFlight: 0.1, maxInFlightMs: 15 };
/** The real client waits RETRY_MS (3 s) between tries; shorter here, so retries race the relay's restarts often. */
const RETRY_MS = 100;

let relay: RelayProcess | null = null;
let dataDir = '';
let port = 0;
const machines: LabClient[] = [];

/** The relay as `npm start` runs it, but on SQLite in our folder whatever the environment says. */
const relayEnv = () => ({ DATABASE_URL: '', DEMO: 'on', DIST_DIR: join(dataDir, 'no-dist'), RATE_LIMIT_PER_MINUTE: '100000' });

async function restartRelay(): Promise<RelayProcess> {
  await relay?.kill();
  relay = await startRelay({ port, dataDir, env: relayEnv() });
  return relay;
}

/** Content of an answer without the relay's bookkeeping, for exact comparison. */
function content(doc: object): string {
  const { updatedAt: _updatedAt, ...rest } = doc as Record<string, unknown>;
  return stableStringify(rest);
}

async function until(condition: () => boolean, failure: () => unknown, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    const failed = failure();
    if (failed) throw failed instanceof Error ? failed : new Error('a machine failed', { cause: failed });
    if (performance.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

beforeAll(async () => {
  // Lost requests and a relay that is down make the replication warn on every retry: expected here, and noisy.
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  dataDir = mkdtempSync(join(tmpdir(), 'pixlab-fault-'));
  port = await freePort();
  relay = await startRelay({ port, dataDir, env: relayEnv() });
});

afterAll(async () => {
  vi.restoreAllMocks();
  await Promise.all(machines.splice(0).map((m) => m.close()));
  await relay?.kill();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe(`[SYNC-FAULT] relay process under lost requests and SIGKILL, real lab-machine replication (seed ${SEED})`, () => {
  it('every answer reaches the relay exactly once; nothing acknowledged before a kill is lost; a shared id has one winner; a refused answer is set aside', async () => {
    const baseUrl = (relay as RelayProcess).url;
    const teacher = await login(baseUrl, 'enseignant@demo.local');
    const counts = emptyFaultCounts();
    const acknowledged = new Set<string>();
    const networks: { calm(): void }[] = [];
    const written = new Map<string, AnswerDocument[]>();
    const plan: Parameters<typeof runMachine>[1][] = [];

    for (let index = 0; index < MACHINES; index++) {
      const { deviceId, token } = await enrolDevice(baseUrl, teacher, `Poste ${index + 1}`);
      const network = calmable(faultyFetch(createRandom(`${SEED}:net:${index}`), RATES, counts));
      networks.push(network);
      const machine = await createLabClient({ baseUrl, token, fetchImpl: acknowledging(network.fetch, (ids) => ids.forEach((id) => acknowledged.add(id))), retryMs: RETRY_MS, pushBatch: 5, only: ['answers', 'assessments'] });
      machines.push(machine);
      const answers = machineAnswers(index, deviceId, ANSWERS_PER_MACHINE);
      if (index === POISONED.machine) answers[POISONED.index] = { ...(answers[POISONED.index] as AnswerDocument), timeSpentMs: 90_000_000 };
      for (const answer of answers) written.set(answer.id, [answer]);
      plan.push({ index, deviceId, answers, random: createRandom(`${SEED}:machine:${index}`), maxGroup: 5, maxPauseMs: 150 });
    }

    // Machines 0 and 1 both hold the shared test and each answers its first challenge, without knowing of the other.
    const sharedVersions = [0, 1].map((index) => makeAnswer({ id: SHARED_ID, assessmentId: 'fault-shared', learnerId: 'demo-learner-25', challengeId: `shared-from-${index}`, deviceId: `machine-${index}` }));
    for (const [index, answer] of sharedVersions.entries()) {
      const machine = machines[index] as LabClient;
      await machine.db.assessments.insert(makeAssessment({ id: 'fault-shared', learnerId: 'demo-learner-25', deviceId: `machine-${index}` }));
      await machine.db.answers.insert(answer);
    }
    written.set(SHARED_ID, sharedVersions);

    let failure: unknown = null;
    const running = Promise.all(plan.map((options, index) => runMachine(machines[index] as LabClient, options)));
    running.catch((error: unknown) => {
      failure = error;
    });

    const lostAfterKill: string[][] = [];
    const acknowledgedAtKill: number[] = [];
    for (const threshold of KILL_WHEN_ACKNOWLEDGED) {
      // Kill while at least one request is on the wire, so a transaction may be cut half-way.
      await until(() => acknowledged.size >= threshold && counts.pending > 0, () => failure, 40_000);
      const before = [...acknowledged];
      acknowledgedAtKill.push(before.length);
      const restarted = await restartRelay();
      // [SYNC-DURABLE] an acknowledged push survives a kill of the relay.
      const onRelay = new Set((await pullAll(restarted.url, teacher, 'answers')).documents.map((d) => String(d.id)));
      lostAfterKill.push(before.filter((id) => !onRelay.has(id)));
    }
    await running;
    // Every answer but the refused one is acknowledged in the end, by the machines' own retries.
    await until(() => acknowledged.size >= EXPECTED, () => failure, 40_000);

    expect(lostAfterKill).toEqual([[], []]);
    expect(acknowledgedAtKill.every((n) => n < EXPECTED)).toBe(true);
    // The faults did happen: re-pushes after lost responses are what makes idempotence matter.
    expect(counts.beforeSend).toBeGreaterThan(0);
    expect(counts.responseLost).toBeGreaterThan(0);
    expect(counts.inFlight).toBeGreaterThan(0);
    expect(counts.serverErrors).toBe(0);

    // The network calms down; every machine catches up with the relay (pulls bring back the relay's copies).
    networks.forEach((n) => n.calm());
    await Promise.all(
      machines.map(async (machine) => {
        machine.replication?.resync();
        await expect.poll(() => countPendingAnswers(machine.db, machine.refused), { timeout: 20_000 }).toBe(0);
      }),
    );

    // [SYNC-1][SYNC-3] a full paged pull holds every answer exactly once, exactly as written.
    const final = relay as RelayProcess;
    const { documents, pages } = await pullAll(final.url, teacher, 'answers', 50);
    expect(pages).toBeGreaterThan(EXPECTED / 50);
    const seen = new Map<string, number>();
    const different: string[] = [];
    for (const doc of documents) {
      const id = String(doc.id);
      seen.set(id, (seen.get(id) ?? 0) + 1);
      const versions = written.get(id) ?? [];
      if (!versions.some((version) => content(version) === content(doc))) different.push(id);
      expect(doc.updatedAt).toEqual(expect.any(Number));
    }
    expect(different).toEqual([]);
    expect([...seen.values()].filter((n) => n !== 1)).toEqual([]);
    const poisonId = `fault-as-${POISONED.machine}:${POISONED.index}`;
    expect([...written.keys()].filter((id) => !seen.has(id))).toEqual([poisonId]);
    expect(documents).toHaveLength(EXPECTED);

    // [SYNC-3] two machines, one answer id: one version won on the relay, and both machines now hold that one.
    const { _deleted: _winnerDeleted, ...winner } = documents.find((d) => d.id === SHARED_ID) ?? {};
    expect(sharedVersions.map((v) => content(v))).toContain(content({ ...winner, _deleted: false }));
    for (const machine of machines.slice(0, 2)) {
      // RxDB's toJSON() leaves `_deleted` out; the relay's updatedAt is there: the machine holds the relay's copy.
      await expect.poll(async () => stableStringify((await machine.db.answers.findOne(SHARED_ID).exec())?.toJSON()), { timeout: 10_000 }).toBe(stableStringify(winner));
    }

    // [SYNC-POISON-1] the refused answer is set aside on its machine with the relay's reason; nothing else is.
    const poisoned = machines[POISONED.machine] as LabClient;
    expect((await poisoned.refused.list()).map((r) => [r.collection, r.id, r.status, r.code])).toEqual([['answers', poisonId, 400, 'bad_request']]);
    expect(await poisoned.db.answers.findOne(poisonId).exec()).not.toBeNull();
    const setAside = await Promise.all(machines.map((m) => m.refused.count()));
    expect(setAside.reduce((a, b) => a + b, 0)).toBe(1);

    // The file itself: exactly one row per answer, and one distinct sequence per row.
    await Promise.all(machines.splice(0).map((m) => m.close()));
    await final.stop();
    const db = new Database(join(dataDir, 'relay.sqlite'), { readonly: true });
    try {
      const rows = db.prepare(`SELECT COUNT(*) AS n, COUNT(DISTINCT seq) AS seqs FROM documents WHERE collection = 'answers'`).get() as { n: number; seqs: number };
      expect(rows).toEqual({ n: EXPECTED, seqs: EXPECTED });
    } finally {
      db.close();
    }
  }, 120_000);
});
