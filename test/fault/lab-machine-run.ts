/**
 * One lab machine of the fault test: the real client (test/lab-client.ts: RxDB, the replication of workers/sync)
 * whose student writes a test's answers over time, in small groups, while the replication sends them through a
 * faulty network. The machine's fetch also tells which answers the relay acknowledged (a 200 the machine received).
 */
import type { Random } from '../../src/core/random.ts';
import type { AnswerDocument } from '../../src/core/sync/documents.ts';
import { makeAnswer, makeAssessment } from '../lab-client.ts';
import type { LabClient } from '../lab-client.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function learnerOf(index: number): string {
  return `demo-learner-${String((index % 25) + 1).padStart(2, '0')}`;
}

/** The answers a machine writes: its own test and ids, varied values (accents included). */
export function machineAnswers(index: number, deviceId: string, count: number): AnswerDocument[] {
  return Array.from({ length: count }, (_, i) =>
    makeAnswer({
      id: `fault-as-${index}:${i}`,
      assessmentId: `fault-as-${index}`,
      learnerId: learnerOf(index),
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

function groups<T>(items: T[], random: Random, maxGroup: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; ) {
    const size = 1 + Math.floor(random.next() * maxGroup);
    out.push(items.slice(i, i + size));
    i += size;
  }
  return out;
}

/** Writes the machine's test, starts its replication, then writes `answers` in groups with pauses between them. */
export async function runMachine(machine: LabClient, options: { index: number; deviceId: string; answers: AnswerDocument[]; random: Random; maxGroup: number; maxPauseMs: number }): Promise<void> {
  await machine.db.assessments.insert(makeAssessment({ id: `fault-as-${options.index}`, learnerId: learnerOf(options.index), deviceId: options.deviceId }));
  machine.start();
  for (const group of groups(options.answers, options.random, options.maxGroup)) {
    await sleep(Math.floor(options.random.next() * options.maxPauseMs));
    // Committed to the machine's database first, as the engine does; the replication sends them when it can.
    await machine.db.answers.bulkInsert(group);
  }
}

/** Wraps a fetch: answers of a push the relay accepted (200) and whose response reached the machine. */
export function acknowledging(inner: typeof fetch, onAcknowledged: (ids: string[]) => void): typeof fetch {
  return async (input, init) => {
    const response = await inner(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (response.status === 200 && url.endsWith('/api/replication/answers/push') && typeof init?.body === 'string') {
      onAcknowledged((JSON.parse(init.body) as { newDocumentState: { id: string } }[]).map((row) => row.newDocumentState.id));
    }
    return response;
  };
}

/** A fetch that goes through `faulty` until `calm()` is called, then straight through (the final catch-up). */
export function calmable(faulty: typeof fetch, plain: typeof fetch = fetch): { fetch: typeof fetch; calm(): void } {
  let calm = false;
  return {
    fetch: (input, init) => (calm ? plain(input, init) : faulty(input, init)),
    calm: () => {
      calm = true;
    },
  };
}
