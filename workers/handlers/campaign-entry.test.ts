import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { correctAnswer } from '../../test/bank.ts';
import { createBankRuntime } from '../../test/bank-runtime.ts';
import type { BankRuntime } from '../../test/bank-runtime.ts';
import { createAssessmentHandlers } from './assessments.ts';
import type { AssessmentHandlers } from './assessments.ts';
import { createCampaignEntryHandlers } from './campaign-entry.ts';
import type { CampaignEntryHandlers } from './campaign-entry.ts';

let lab: BankRuntime;
let entry: CampaignEntryHandlers;
let tests: AssessmentHandlers;

beforeAll(async () => {
  lab = createBankRuntime();
  entry = createCampaignEntryHandlers(lab.runtime, lab.runtime.deps.loadContent);
  tests = createAssessmentHandlers(lab.runtime, lab.runtime.deps.loadContent);
  await lab.addCampaign({ id: 'c-open', code: 'QWERTY234', title: 'Diagnostic de rentrée' });
  await lab.addCampaign({ id: 'c-archived', code: 'ARCHIV234', archivedAt: 1 });
  await lab.addCampaign({ id: 'c-once', code: 'UNEFQS234' });
  await lab.addCampaign({ id: 'c-multi', code: 'PLUSRS234', multipleSendings: true });
  for (const id of ['camille', 'lucas', 'lea', 'hugo']) await lab.addLearner(id);
  await lab.addLearner('gone', false);
});

afterAll(() => lab.dispose());

/** Answers right until the engine has nothing more to ask. */
async function finish(assessmentId: string): Promise<void> {
  for (let n = 0; n < 100; n++) {
    const next = await tests.nextChallenge({ assessmentId });
    if (next.kind !== 'challenge') return;
    const submitted = await tests.submitAnswer({ assessmentId, challengeId: next.challenge.id, value: correctAnswer(lab.challenge(next.challenge.id)), skipped: false, timeSpentMs: 1_000, focusedOut: false });
    expect(submitted.ok).toBe(true);
  }
  throw new Error('the test did not end');
}

async function started(learnerId: string, campaignCode: string): Promise<string> {
  const outcome = await tests.startAssessment({ kind: 'campaign', learnerId, campaignCode });
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.assessmentId;
}

describe('campaign entry on the lab machine', () => {
  it('[ENTRY-1] a code typed wrong and an archived campaign are told apart, before anyone signs in', async () => {
    expect(await entry.campaignLanding({ campaignCode: 'ZZZZZZ999', learnerId: null })).toEqual({ ok: false, reason: 'unknown-campaign' });
    expect(await entry.campaignLanding({ campaignCode: 'archiv234', learnerId: null })).toEqual({ ok: false, reason: 'archived-campaign' });
    expect(await tests.startAssessment({ kind: 'campaign', learnerId: 'camille', campaignCode: 'ARCHIV234' })).toEqual({ ok: false, reason: 'archived-campaign' });
    expect(await tests.startAssessment({ kind: 'campaign', learnerId: 'camille', campaignCode: 'ZZZZZZ999' })).toEqual({ ok: false, reason: 'unknown-campaign' });
  });

  it('[ENTRY-1] [ENTRY-3] the landing page gives the title and the teacher\'s text, and creates nothing', async () => {
    const landing = await entry.campaignLanding({ campaignCode: 'qwe rty 234', learnerId: 'camille' });
    expect(landing).toEqual({
      ok: true,
      campaign: { id: 'c-open', code: 'QWERTY234', title: 'Diagnostic de rentrée', landingText: 'Bienvenue **à tous**.', type: 'ASSESSMENT', multipleSendings: false },
      participation: null,
    });
    const db = await lab.runtime.db();
    expect(await db.assessments.find({ selector: { learnerId: 'camille' } }).exec()).toHaveLength(0);
  });

  it('[ENTRY-2] a student no longer on the roster of this machine is told so', async () => {
    expect(await entry.campaignLanding({ campaignCode: 'QWERTY234', learnerId: 'gone' })).toEqual({ ok: false, reason: 'unknown-learner' });
    expect(await entry.campaignLanding({ campaignCode: 'QWERTY234', learnerId: 'nobody' })).toEqual({ ok: false, reason: 'unknown-learner' });
  });

  it('[ENTRY-4] [ENTRY-6] an open participation is found again, with its answers, and offered on the home page', async () => {
    const id = await started('lucas', 'QWERTY234');
    const first = await tests.nextChallenge({ assessmentId: id });
    if (first.kind !== 'challenge') throw new Error('no challenge');
    await tests.submitAnswer({ assessmentId: id, challengeId: first.challenge.id, value: correctAnswer(lab.challenge(first.challenge.id)), skipped: false, timeSpentMs: 1_000, focusedOut: false });
    expect(await entry.campaignLanding({ campaignCode: 'QWERTY234', learnerId: 'lucas' })).toMatchObject({ ok: true, participation: { assessmentId: id, state: 'started', answered: 1, sharedAt: null } });
    lab.clock.now += 60_000;
    await tests.startAssessment({ kind: 'competence', learnerId: 'lucas', competenceId: '2.1' });
    await tests.startAssessment({ kind: 'certification', learnerId: 'lucas', sessionId: 's-1' });
    const open = await entry.openAssessments({ learnerId: 'lucas' });
    expect(open.map((o) => [o.kind, o.campaignCode, o.campaignTitle, o.answered])).toEqual([
      ['competence', null, null, 0],
      ['campaign', 'QWERTY234', 'Diagnostic de rentrée', 1],
    ]);
    expect(await entry.openAssessments({ learnerId: 'camille' })).toEqual([]);
  });

  it('[ENTRY-4] a finished participation not yet sent reopens at its end screen; once sent, no second one without multiple sendings', async () => {
    const id = await started('lea', 'UNEFQS234');
    await finish(id);
    expect(await entry.campaignLanding({ campaignCode: 'UNEFQS234', learnerId: 'lea' })).toMatchObject({ ok: true, participation: { assessmentId: id, state: 'completed' } });
    expect(await tests.startAssessment({ kind: 'campaign', learnerId: 'lea', campaignCode: 'UNEFQS234' })).toMatchObject({ ok: true, assessmentId: id, resumed: true });
    expect(await entry.openAssessments({ learnerId: 'lea' })).toEqual([]);
    expect(await tests.shareResults({ assessmentId: id })).toEqual({ ok: true });
    expect(await entry.campaignLanding({ campaignCode: 'UNEFQS234', learnerId: 'lea' })).toEqual({ ok: false, reason: 'already-participated' });
    expect(await tests.startAssessment({ kind: 'campaign', learnerId: 'lea', campaignCode: 'UNEFQS234' })).toEqual({ ok: false, reason: 'already-participated' });
    const db = await lab.runtime.db();
    expect(await db.assessments.find({ selector: { learnerId: 'lea' } }).exec()).toHaveLength(1);
  });

  it('[ENTRY-4] with multiple sendings, a sent participation is shown with its sending date (the retry rule decides what follows)', async () => {
    const id = await started('hugo', 'PLUSRS234');
    await finish(id);
    await tests.shareResults({ assessmentId: id });
    expect(await entry.campaignLanding({ campaignCode: 'PLUSRS234', learnerId: 'hugo' })).toMatchObject({ ok: true, participation: { assessmentId: id, state: 'shared', sharedAt: lab.clock.now } });
  });

  it('[ENTRY-5] a machine that never loaded the content says so as a value, on the landing page and at the start', async () => {
    const empty = createBankRuntime({ withContent: false });
    try {
      const db = await empty.runtime.db();
      await db.campaigns.insert({ id: 'c', organizationId: 'o', code: 'QWERTY234', name: 'n', type: 'ASSESSMENT', title: 't', landingText: '', targetSkillIds: [], multipleSendings: false, archivedAt: null, updatedAt: 1, _deleted: false });
      const emptyEntry = createCampaignEntryHandlers(empty.runtime, empty.runtime.deps.loadContent);
      const emptyTests = createAssessmentHandlers(empty.runtime, empty.runtime.deps.loadContent);
      expect(await emptyEntry.campaignLanding({ campaignCode: 'QWERTY234', learnerId: null })).toEqual({ ok: false, reason: 'no-content' });
      expect(await emptyTests.startAssessment({ kind: 'campaign', learnerId: 'x', campaignCode: 'QWERTY234' })).toEqual({ ok: false, reason: 'no-content' });
    } finally {
      await empty.dispose();
    }
  });
});
