/**
 * [UPDATE-1] [UPDATE-2] The update prompt stays hidden while a test is open in this tab: from the moment the engine
 * starts (or resumes) a test until it says the test is over, and while a test screen holds one. Driven through the
 * real engine handlers (RxDB memory storage, the real bank), wrapped the way src/data/engine-client.ts wraps the
 * worker's API.
 */
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildPackIndex } from '../core/content/pack-index.ts';
import type { Challenge } from '../core/content/types.ts';
import { createFlashBank } from '../core/flash/flash-bank.ts';
import { flashItemsFromPack } from '../core/flash/content-pack-items.ts';
import { holdOpenTest, openTests } from '../data/open-tests.ts';
import { trackOpenTests } from '../data/track-open-tests.ts';
import { bankPack, correctAnswer } from '../../test/bank.ts';
import type { LoadedContent } from '../../workers/content/content-cache.ts';
import { DeviceDb } from '../../workers/db/device-db.ts';
import { openLabDatabase } from '../../workers/db/lab-database.ts';
import { createAssessmentHandlers } from '../../workers/handlers/assessments.ts';
import type { AssessmentHandlers } from '../../workers/handlers/assessments.ts';
import { LabRuntime } from '../../workers/runtime/lab-runtime.ts';
import { shouldOfferUpdate, useAppUpdate } from './app-update.store.ts';

let runtime: LabRuntime;
let engine: AssessmentHandlers;
let content: LoadedContent;

beforeAll(() => {
  const pack = bankPack();
  const index = buildPackIndex(pack);
  const bank = createFlashBank(flashItemsFromPack(pack));
  content = { version: pack.version, pack, index, flashBank: () => bank };
  const name = `lab${randomUUID().slice(0, 8)}`;
  runtime = new LabRuntime({
    openLabDb: () => openLabDatabase({ name, storage: getRxStorageMemory(), multiInstance: false }),
    deviceDb: new DeviceDb(`device-${name}`),
    baseUrl: 'http://127.0.0.1:9',
    loadContent: (version) => Promise.resolve(version === undefined || version === pack.version ? content : null),
  });
  engine = trackOpenTests(createAssessmentHandlers(runtime, runtime.deps.loadContent));
});

afterAll(async () => {
  await (await runtime.db()).remove();
});

beforeEach(() => {
  // A new version is waiting: the prompt shows unless a test is open.
  useAppUpdate.getState().setNeedRefresh(() => Promise.resolve());
});

const offered = (): boolean => shouldOfferUpdate(useAppUpdate.getState());

function challenge(id: string): Challenge {
  const found = content.index.challengeById.get(id);
  if (!found) throw new Error(`unknown challenge ${id}`);
  return found;
}

describe('[UPDATE-1] the engine client marks a test open from its start to its end', () => {
  it('hides the update prompt once a test starts and shows it again when the engine says it is over', async () => {
    expect(offered()).toBe(true);
    const started = await engine.startAssessment({ kind: 'competence', learnerId: 'learner-update', competenceId: '1.1' });
    if (!started.ok) throw new Error('not started');
    expect(useAppUpdate.getState().testInProgress).toBe(true);
    expect(offered()).toBe(false);

    let finished = false;
    for (let n = 0; n < 200 && !finished; n++) {
      const next = await engine.nextChallenge({ assessmentId: started.assessmentId });
      if (next.kind !== 'challenge') break;
      // Every challenge of a running test keeps the guard up.
      expect(offered()).toBe(false);
      const submitted = await engine.submitAnswer({
        assessmentId: started.assessmentId, challengeId: next.challenge.id, value: correctAnswer(challenge(next.challenge.id)), skipped: false, timeSpentMs: 2_000, focusedOut: false,
      });
      finished = submitted.ok && submitted.finished;
    }
    expect(finished).toBe(true);
    expect(useAppUpdate.getState().testInProgress).toBe(false);
    expect(offered()).toBe(true);
  });

  it('a resumed test is open again; the engine answering "end" for it closes it', async () => {
    const started = await engine.startAssessment({ kind: 'competence', learnerId: 'learner-resume', competenceId: '2.1' });
    if (!started.ok) throw new Error('not started');
    openTests.closed(started.assessmentId);
    expect(offered()).toBe(true);
    const resumed = await engine.startAssessment({ kind: 'competence', learnerId: 'learner-resume', competenceId: '2.1' });
    expect(resumed).toMatchObject({ ok: true, resumed: true });
    expect(offered()).toBe(false);
    // The test is ended elsewhere (another tab finished it); the next question this tab asks is "end".
    const db = await runtime.db();
    await (await db.assessments.findOne(started.assessmentId).exec())?.incrementalPatch({ state: 'completed', completedAt: 1 });
    expect(await engine.nextChallenge({ assessmentId: started.assessmentId })).toEqual({ kind: 'end' });
    expect(offered()).toBe(true);
  });

  it('a test that cannot start opens nothing', async () => {
    expect(await engine.startAssessment({ kind: 'campaign', learnerId: 'learner-x', campaignCode: 'NOPE' })).toMatchObject({ ok: false });
    expect(offered()).toBe(true);
  });
});

describe('[UPDATE-2] test screens hold their test while they are shown', () => {
  it('keeps the prompt hidden until every holder has let go, whatever the order', () => {
    const releaseA = holdOpenTest('screen-a');
    const releaseB = holdOpenTest('screen-b');
    expect(offered()).toBe(false);
    releaseA();
    expect(offered()).toBe(false);
    releaseA();
    expect(offered()).toBe(false);
    releaseB();
    expect(offered()).toBe(true);
  });

  it('a dismissed prompt stays dismissed until the next version', () => {
    useAppUpdate.getState().dismiss();
    expect(offered()).toBe(false);
    useAppUpdate.getState().setNeedRefresh(() => Promise.resolve());
    expect(offered()).toBe(true);
  });
});
