/**
 * A lab machine reduced to its push protocol: it writes answers while a student works and pushes them in small
 * batches through the real RelayConnection, retrying the same batch (same ids, same content) until the relay
 * acknowledges it, as RxDB's replication does. Faster than a full RxDB client, so twenty fit in one test.
 */
import type { Random } from '../../src/core/random.ts';
import type { AnswerDocument } from '../../src/core/sync/documents.ts';
import { RelayConnection, RelayUnreachableError } from '../../workers/sync/relay-connection.ts';
import { makeAnswer } from '../lab-client.ts';

export interface DeviceOptions {
  index: number;
  deviceId: string;
  token: string;
  baseUrl: string;
  fetchImpl: typeof fetch;
  random: Random;
  answerCount: number;
  maxBatch: number;
  /** Time between two batches (a student answering), drawn in [0, maxPauseMs). */
  maxPauseMs: number;
  /**
   * Wait before re-pushing after a failure. The real client waits RETRY_MS (3 s); a shorter wait keeps the test
   * short and makes retries race the relay's restarts more often.
   */
  retryMs: number;
  /** Give up (and fail the test) when a batch is still unacknowledged after this long. */
  giveUpMs: number;
  onAcknowledged(ids: string[]): void;
}

export interface DeviceReport {
  answers: AnswerDocument[];
  pushes: number;
  retries: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The answers a device writes: its own ids, a demo learner of the organisation, one assessment per device. */
export function deviceAnswers(index: number, deviceId: string, count: number): AnswerDocument[] {
  const learner = `demo-learner-${String((index % 25) + 1).padStart(2, '0')}`;
  return Array.from({ length: count }, (_, i) =>
    makeAnswer({
      id: `fault-${index}-${i}`,
      assessmentId: `fault-as-${index}`,
      learnerId: learner,
      challengeId: `rec${index}x${i}`,
      value: i % 3 === 0 ? { kind: 'fields', fields: { reponse: `r${i} é` } } : { kind: 'choice', selected: [1 + (i % 4)] },
      result: i % 2 === 0 ? 'ok' : 'ko',
      timeSpentMs: 1000 + i,
      answeredAt: 1_767_225_600_000 + index * 100_000 + i * 1000,
      deviceId,
      index: i,
    }),
  );
}

function batches<T>(items: T[], random: Random, maxBatch: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; ) {
    const size = 1 + Math.floor(random.next() * maxBatch);
    out.push(items.slice(i, i + size));
    i += size;
  }
  return out;
}

export async function runDevice(options: DeviceOptions): Promise<DeviceReport> {
  const connection = new RelayConnection(options.baseUrl, options.token, options.fetchImpl);
  const answers = deviceAnswers(options.index, options.deviceId, options.answerCount);
  const report: DeviceReport = { answers, pushes: 0, retries: 0 };
  for (const batch of batches(answers, options.random, options.maxBatch)) {
    await sleep(Math.floor(options.random.next() * options.maxPauseMs));
    const rows = batch.map((doc) => ({ newDocumentState: doc, assumedMasterState: null }));
    const deadline = performance.now() + options.giveUpMs;
    for (;;) {
      report.pushes++;
      try {
        const conflicts = await connection.request<unknown[]>('POST', '/api/replication/answers/push', rows);
        // Re-pushing an answer the relay already holds must be a no-op, never a conflict.
        if (conflicts.length > 0) throw new Error(`device ${options.index}: unexpected conflicts ${JSON.stringify(conflicts).slice(0, 200)}`);
        options.onAcknowledged(batch.map((doc) => doc.id));
        break;
      } catch (error) {
        // Only the network (or a relay that is down) is retried; a 4xx is a bug the test must show.
        if (!(error instanceof RelayUnreachableError)) throw error;
        if (performance.now() > deadline) throw new Error(`device ${options.index}: batch not acknowledged after ${options.giveUpMs} ms`, { cause: error });
        report.retries++;
        await sleep(options.retryMs);
      }
    }
  }
  return report;
}
