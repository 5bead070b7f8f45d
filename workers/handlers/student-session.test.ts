import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { correctAnswer } from '../../test/bank.ts';
import { createBankRuntime } from '../../test/bank-runtime.ts';
import type { BankRuntime } from '../../test/bank-runtime.ts';
import { addStudent, openTab, signedInTab } from '../../test/student-machine.ts';
import type { EngineApi } from '../engine-api.ts';
import { SESSION_MAX_AGE_MS } from '../session/learner-session.ts';

const camille = { id: 'camille', birthDate: '14/03/2010' };
const lucas = { id: 'lucas', birthDate: '22/01/2010' };
let lab: BankRuntime;

beforeAll(async () => {
  lab = createBankRuntime();
  await lab.addCampaign({ id: 'c-1', code: 'QWERTY234' });
  await addStudent(lab.runtime, camille);
  await addStudent(lab.runtime, lucas);
});

afterAll(() => lab.dispose());

async function startCampaign(tab: EngineApi): Promise<string> {
  const started = await tab.startAssessment({ kind: 'campaign', campaignCode: 'QWERTY234' });
  if (!started.ok) throw new Error(started.reason);
  return started.assessmentId;
}

describe('the student signed in on a tab (engine worker, real bank, RxDB memory storage)', () => {
  it('[SESSION-1] nobody signed in: no test starts, none is read, nothing is reported', async () => {
    const tab = openTab(lab.runtime);
    expect(await tab.currentLearner()).toBeNull();
    expect(await tab.startAssessment({ kind: 'campaign', campaignCode: 'QWERTY234' })).toEqual({ ok: false, reason: 'not-signed-in' });
    expect(await tab.startAssessment({ kind: 'competence', competenceId: '1.1', learnerId: 'camille' })).toEqual({ ok: false, reason: 'not-signed-in' });
    expect(await tab.profile()).toEqual({ ok: false, reason: 'not-signed-in' });
    expect(await tab.myAssessments()).toEqual({ ok: false, reason: 'not-signed-in' });
    expect(await tab.reportProblem({ assessmentId: 'x', challengeId: 'y', category: 'other' })).toEqual({ ok: false, reason: 'not-signed-in' });
    const db = await lab.runtime.db();
    expect(await db.assessments.count().exec()).toBe(0);
  });

  it('[SESSION-1] a wrong birth date signs nobody in', async () => {
    const tab = openTab(lab.runtime);
    expect(await tab.signInLearner({ learnerId: 'camille', birthDate: '15/03/2010' })).toEqual({ ok: false, reason: 'mismatch' });
    expect(await tab.currentLearner()).toBeNull();
  }, 10_000);

  it("[SESSION-1] [SESSION-4] a tab acts only for its student: another learner's test is refused and left unchanged", async () => {
    const mine = await signedInTab(lab.runtime, camille);
    expect(await mine.currentLearner()).toMatchObject({ id: 'camille' });
    const assessmentId = await startCampaign(mine);
    const first = await mine.nextChallenge({ assessmentId });
    if (first.kind !== 'challenge') throw new Error('no challenge');

    const other = await signedInTab(lab.runtime, lucas);
    const value = correctAnswer(lab.challenge(first.challenge.id));
    expect(await other.nextChallenge({ assessmentId })).toEqual({ kind: 'missing', reason: 'not-yours' });
    expect(await other.submitAnswer({ assessmentId, challengeId: first.challenge.id, value, skipped: false, timeSpentMs: 1_000, focusedOut: false })).toEqual({ ok: false, reason: 'not-yours' });
    expect(await other.checkpoint({ assessmentId })).toEqual([]);
    expect(await other.checkpointReview({ assessmentId })).toEqual([]);
    expect(await other.assessmentResults({ assessmentId })).toBeNull();
    expect(await other.shareResults({ assessmentId })).toEqual({ ok: false, reason: 'not-yours' });
    expect(await other.reportProblem({ assessmentId, challengeId: first.challenge.id, category: 'other' })).toEqual({ ok: false, reason: 'not-yours' });
    expect(await other.openAssessments({ learnerId: 'camille' })).toEqual([]);
    // Naming another learner is refused too, whoever is signed in.
    expect(await other.startAssessment({ kind: 'campaign', campaignCode: 'QWERTY234', learnerId: 'camille' })).toEqual({ ok: false, reason: 'not-yours' });

    const db = await lab.runtime.db();
    expect(await db.answers.find({ selector: { assessmentId } }).exec()).toHaveLength(0);
    expect(await db.events.count().exec()).toBe(0);
    // The owner goes on where they were.
    expect(await mine.nextChallenge({ assessmentId })).toEqual(first);
    expect(await mine.submitAnswer({ assessmentId, challengeId: first.challenge.id, value, skipped: false, timeSpentMs: 1_000, focusedOut: false })).toMatchObject({ ok: true, answered: 1 });
    expect(await mine.openAssessments({ learnerId: 'camille' })).toMatchObject([{ assessmentId, answered: 1 }]);
  }, 15_000);

  it('[SESSION-2] a reload (a new worker) finds the session again through the tab key; another tab does not', async () => {
    const tabKey = 'b5f0a7c2-6f0e-4c1e-9d55-0b1c2d3e4f50';
    const before = openTab(lab.runtime);
    expect(await before.openTab({ tabKey })).toEqual({ ok: true, learner: null });
    expect(await before.signInLearner({ learnerId: 'camille', birthDate: '14/03/2010' })).toMatchObject({ ok: true });

    const reloaded = openTab(lab.runtime);
    expect(await reloaded.currentLearner()).toBeNull();
    expect(await reloaded.openTab({ tabKey })).toMatchObject({ ok: true, learner: { id: 'camille', className: '2NDE A' } });
    expect(await reloaded.currentLearner()).toMatchObject({ id: 'camille' });
    expect((await reloaded.startAssessment({ kind: 'campaign', campaignCode: 'QWERTY234' })).ok).toBe(true);

    const anotherTab = openTab(lab.runtime);
    expect(await anotherTab.openTab({ tabKey: 'another-tab-key-0000000000' })).toEqual({ ok: true, learner: null });
    expect(await anotherTab.openTab({ tabKey: 'x' })).toEqual({ ok: false, reason: 'invalid-tab' });

    // Signing out ends it for good: the next reload of that tab starts signed out.
    expect(await reloaded.signOut()).toEqual({ ok: true });
    expect(await reloaded.currentLearner()).toBeNull();
    expect(await openTab(lab.runtime).openTab({ tabKey })).toEqual({ ok: true, learner: null });
  }, 15_000);

  it('[SESSION-2] a learner taken off the roster is not restored', async () => {
    const tabKey = 'c6a1b8d3-7a1f-4d2e-8e66-1c2d3e4f5a61';
    const tab = openTab(lab.runtime);
    await tab.openTab({ tabKey });
    await addStudent(lab.runtime, { id: 'left', birthDate: '01/02/2010' });
    expect((await tab.signInLearner({ learnerId: 'left', birthDate: '01/02/2010' })).ok).toBe(true);
    const db = await lab.runtime.db();
    await (await db.learners.findOne('left').exec())?.incrementalPatch({ active: false });
    expect(await openTab(lab.runtime).openTab({ tabKey })).toEqual({ ok: true, learner: null });
  }, 15_000);

  it('[SESSION-3] a session ends by itself after a school day, also across a reload', async () => {
    const tabKey = 'd7b2c9e4-8b2a-4e3f-9f77-2d3e4f5a6b72';
    const tab = openTab(lab.runtime);
    await tab.openTab({ tabKey });
    expect((await tab.signInLearner({ learnerId: 'lucas', birthDate: '22/01/2010' })).ok).toBe(true);
    lab.clock.now += SESSION_MAX_AGE_MS - 1;
    expect(await tab.currentLearner()).toMatchObject({ id: 'lucas' });
    lab.clock.now += 1;
    expect(await tab.currentLearner()).toBeNull();
    expect(await tab.startAssessment({ kind: 'competence', competenceId: '1.1' })).toEqual({ ok: false, reason: 'not-signed-in' });
    expect(await openTab(lab.runtime).openTab({ tabKey })).toEqual({ ok: true, learner: null });
  }, 15_000);
});
