import 'fake-indexeddb/auto';
import { expose, proxy, wrap } from 'comlink';
import type { Remote } from 'comlink';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { correctAnswer } from '../../test/bank.ts';
import { createBankRuntime } from '../../test/bank-runtime.ts';
import type { BankRuntime } from '../../test/bank-runtime.ts';
import { addStudent, openTab } from '../../test/student-machine.ts';
import type { EngineApi } from '../../workers/engine-api.ts';
import type { LiveChange } from './live.ts';
import { subscribeLive } from './live.ts';

// The worker's API behind a real Comlink channel, as the page reaches it: the callback crosses as a proxy.
let lab: BankRuntime;
let engine: Remote<EngineApi>;
let channel: MessageChannel;

beforeAll(async () => {
  lab = createBankRuntime();
  await addStudent(lab.runtime, { id: 'camille', birthDate: '14/03/2010' });
  channel = new MessageChannel();
  expose(openTab(lab.runtime), channel.port1);
  engine = wrap<EngineApi>(channel.port2);
});

afterAll(async () => {
  channel.port1.close();
  channel.port2.close();
  await lab.dispose();
});

/** Collects what a subscription receives. */
function collect(topics: Parameters<typeof subscribeLive>[1]): { changes: LiveChange[]; stop: () => void } {
  const changes: LiveChange[] = [];
  const stop = subscribeLive(engine, topics, (change) => changes.push(change));
  return { changes, stop };
}

describe('live updates from the engine worker through Comlink (src/data/live.ts)', () => {
  it('[LIVE-1] [LIVE-2] the screen is told of its own writes and of what arrives from elsewhere for its learner, not of others\' work', async () => {
    expect((await engine.signInLearner({ learnerId: 'camille', birthDate: '14/03/2010' })).ok).toBe(true);
    const live = collect(['answers', 'assessments', 'session']);
    const started = await engine.startAssessment({ kind: 'competence', competenceId: '1.1' });
    if (!started.ok) throw new Error(started.reason);
    await expect.poll(() => live.changes.filter((c) => c.topic === 'assessments').flatMap((c) => c.ids)).toContain(started.assessmentId);

    const next = await engine.nextChallenge({ assessmentId: started.assessmentId });
    if (next.kind !== 'challenge') throw new Error('no challenge');
    const submitted = await engine.submitAnswer({ assessmentId: started.assessmentId, challengeId: next.challenge.id, value: correctAnswer(lab.challenge(next.challenge.id)), skipped: false, timeSpentMs: 1_000, focusedOut: false });
    if (!submitted.ok) throw new Error(submitted.reason);
    await expect.poll(() => live.changes.filter((c) => c.topic === 'answers').flatMap((c) => c.ids)).toContain(submitted.answerId);

    // What replication writes (here: the relay's copy of the assessment, e.g. a status the invigilator changed).
    const db = await lab.runtime.db();
    const seen = live.changes.length;
    await (await db.assessments.findOne(started.assessmentId).exec())?.incrementalPatch({ updatedAt: 42 });
    await expect.poll(() => live.changes.slice(seen).map((c) => c.topic)).toContain('assessments');

    // Another learner's work on this machine is not announced.
    const before = live.changes.length;
    const mine = await db.assessments.findOne(started.assessmentId).exec();
    if (!mine) throw new Error('the assessment is stored');
    await db.assessments.insert({ ...mine.toMutableJSON(), id: 'lucas-test', learnerId: 'lucas' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(live.changes.slice(before).flatMap((c) => c.ids)).not.toContain('lucas-test');

    // Signing out is announced too.
    await engine.signOut();
    await expect.poll(() => live.changes.map((c) => c.topic)).toContain('session');
    live.stop();
  });

  it('[LIVE-4] many writes close together arrive as one message; after the end of a subscription, nothing', async () => {
    expect((await engine.signInLearner({ learnerId: 'camille', birthDate: '14/03/2010' })).ok).toBe(true);
    const live = collect(['events']);
    const [a, b, c] = lab.content.pack.tutorials;
    if (!a || !b || !c) throw new Error('the bank has tutorials');
    await Promise.all([a, b, c].map((t) => engine.saveTutorial({ tutorialId: t.id, saved: true })));
    await expect.poll(() => live.changes.flatMap((change) => change.ids).length).toBe(3);
    expect(live.changes.length).toBeLessThan(3);
    live.stop();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const count = live.changes.length;
    await engine.saveTutorial({ tutorialId: a.id, saved: false });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(live.changes.length).toBe(count);
  });

  it('[LIVE-1] an unknown topic is refused as a value', async () => {
    expect(await engine.subscribe({ topics: ['everything' as never] }, proxy(() => undefined))).toEqual({ ok: false, reason: 'unknown-topic' });
  });
});
