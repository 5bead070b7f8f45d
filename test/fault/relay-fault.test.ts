/**
 * [SYNC-FAULT] The real relay process, on SQLite, under a lab's worst day: twenty machines push answers in small
 * batches through a network that loses requests (before sending, after the relay applied them, mid-flight), and
 * the relay is killed with SIGKILL twice and restarted on the same data folder. Every answer must end up on the
 * relay exactly once with the content the machine wrote, and nothing acknowledged before a kill may be lost
 * (WAL with synchronous=FULL). Randomness is seeded (FAULT_SEED replays a run); the kill moments follow progress.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startRelay } from '../../bench/relay-process.ts';
import type { RelayProcess } from '../../bench/relay-process.ts';
import { createRandom } from '../../src/core/random.ts';
import type { AnswerDocument } from '../../src/core/sync/documents.ts';
import { stableStringify } from '../../src/core/sync/merge.ts';
import { emptyFaultCounts, faultyFetch } from './faulty-fetch.ts';
import type { FaultRates } from './faulty-fetch.ts';
import { enrolDevice, login, pullAll } from './relay-http.ts';
import { runDevice } from './simulated-device.ts';
import type { DeviceReport } from './simulated-device.ts';

const SEED = Number(process.env.FAULT_SEED ?? 20_261_123);
const DEVICES = 20;
const ANSWERS_PER_DEVICE = 30;
const TOTAL = DEVICES * ANSWERS_PER_DEVICE;
/** The relay is killed when this many answers have been acknowledged: mid-run, with pushes in flight. */
const KILL_WHEN_ACKNOWLEDGED = [Math.floor(TOTAL / 4), Math.floor(TOTAL / 2)];
const RATES: FaultRates = { beforeSend: 0.1, responseLost: 0.15, inFlight: 0.1, maxInFlightMs: 15 };

let relay: RelayProcess | null = null;
let dataDir = '';
let port = 0;

/** The relay as `npm start` runs it, but on SQLite in our folder whatever the environment says. */
const relayEnv = () => ({ DATABASE_URL: '', DEMO: 'on', DIST_DIR: join(dataDir, 'no-dist') });

async function restartRelay(): Promise<RelayProcess> {
  await relay?.kill();
  relay = await startRelay({ port, dataDir, env: relayEnv() });
  return relay;
}

/** Content of an answer without the relay's bookkeeping, for exact comparison. */
function content(doc: Record<string, unknown>): string {
  const { updatedAt: _updatedAt, ...rest } = doc;
  return stableStringify(rest);
}

async function until(condition: () => boolean, failure: () => unknown, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    const failed = failure();
    if (failed) throw failed instanceof Error ? failed : new Error('a device failed', { cause: failed });
    if (performance.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'pixlab-fault-'));
  port = await freePort();
  relay = await startRelay({ port, dataDir, env: relayEnv() });
});

afterAll(async () => {
  await relay?.kill();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe(`[SYNC-FAULT] relay process under lost requests and SIGKILL (seed ${SEED})`, () => {
  it('every answer reaches the relay exactly once with its content; nothing acknowledged before a kill is lost', async () => {
    const baseUrl = (relay as RelayProcess).url;
    const teacher = await login(baseUrl, 'enseignant@demo.local');
    const enrolled = [];
    for (let i = 0; i < DEVICES; i++) enrolled.push(await enrolDevice(baseUrl, teacher, `Poste ${i + 1}`));

    const counts = emptyFaultCounts();
    const acknowledged = new Set<string>();
    let failure: unknown = null;
    const running = Promise.all(
      enrolled.map((device, index) =>
        runDevice({
          index,
          deviceId: device.deviceId,
          token: device.token,
          baseUrl,
          fetchImpl: faultyFetch(createRandom(`${SEED}:net:${index}`), RATES, counts),
          random: createRandom(`${SEED}:device:${index}`),
          answerCount: ANSWERS_PER_DEVICE,
          maxBatch: 5,
          maxPauseMs: 500,
          retryMs: 40,
          giveUpMs: 40_000,
          onAcknowledged: (ids) => ids.forEach((id) => acknowledged.add(id)),
        }),
      ),
    );
    running.catch((error: unknown) => {
      failure = error;
    });

    const lostAfterKill: string[][] = [];
    const acknowledgedAtKill: number[] = [];
    for (const threshold of KILL_WHEN_ACKNOWLEDGED) {
      // Kill while at least one push is on the wire, so a transaction may be cut half-way.
      await until(() => acknowledged.size >= threshold && counts.pending > 0, () => failure, 40_000);
      const before = [...acknowledged];
      acknowledgedAtKill.push(before.length);
      const restarted = await restartRelay();
      // [SYNC-DURABLE] an acknowledged push survives a kill of the relay.
      const onRelay = new Set((await pullAll(restarted.url, teacher, 'answers')).documents.map((d) => String(d.id)));
      lostAfterKill.push(before.filter((id) => !onRelay.has(id)));
    }
    const reports: DeviceReport[] = await running;

    expect(lostAfterKill).toEqual([[], []]);
    expect(acknowledgedAtKill.every((n) => n < TOTAL)).toBe(true);
    expect(acknowledged.size).toBe(TOTAL);
    // The faults did happen: re-pushes after lost responses are what makes idempotence matter.
    expect(counts.beforeSend).toBeGreaterThan(0);
    expect(counts.responseLost).toBeGreaterThan(0);
    expect(counts.inFlight).toBeGreaterThan(0);
    expect(counts.serverErrors).toBe(0);
    expect(reports.reduce((n, r) => n + r.retries, 0)).toBeGreaterThan(0);

    // [SYNC-1][SYNC-3] a full paged pull holds every answer exactly once, exactly as written.
    const final = relay as RelayProcess;
    const { documents, pages } = await pullAll(final.url, teacher, 'answers', 50);
    expect(pages).toBeGreaterThan(TOTAL / 50);
    const sent = new Map<string, AnswerDocument>(reports.flatMap((r) => r.answers).map((a) => [a.id, a]));
    const seen = new Map<string, number>();
    const different: string[] = [];
    for (const doc of documents) {
      const id = String(doc.id);
      seen.set(id, (seen.get(id) ?? 0) + 1);
      const expected = sent.get(id);
      if (!expected || content(doc) !== content(expected as unknown as Record<string, unknown>)) different.push(id);
      expect(doc.updatedAt).toEqual(expect.any(Number));
    }
    expect(different).toEqual([]);
    expect([...seen.values()].filter((n) => n !== 1)).toEqual([]);
    expect([...sent.keys()].filter((id) => !seen.has(id))).toEqual([]);
    expect(documents).toHaveLength(TOTAL);

    // The file itself: exactly one row per answer, and one distinct sequence per row.
    await final.stop();
    const db = new Database(join(dataDir, 'relay.sqlite'), { readonly: true });
    try {
      const rows = db.prepare(`SELECT COUNT(*) AS n, COUNT(DISTINCT seq) AS seqs FROM documents WHERE collection = 'answers'`).get() as { n: number; seqs: number };
      expect(rows).toEqual({ n: TOTAL, seqs: TOTAL });
    } finally {
      db.close();
    }
  }, 90_000);
});
