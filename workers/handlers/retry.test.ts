import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS, RETRY_DELAY_MS } from '../../src/core/campaign/retry.ts';
import { correctAnswer, wrongAnswer } from '../../test/bank.ts';
import { createBankRuntime } from '../../test/bank-runtime.ts';
import type { BankRuntime } from '../../test/bank-runtime.ts';
import { addStudent, signedInTab } from '../../test/student-machine.ts';
import type { EngineApi } from '../engine-api.ts';

let lab: BankRuntime;
let camille: EngineApi;
let lucas: EngineApi;

beforeAll(async () => {
  lab = createBankRuntime();
  const tubes = ['@rechercheRequeteWeb', '@rechercheLectureResultats', '@rechercheFiabiliteSource'];
  const targetSkillIds = lab.content.pack.skills.filter((s) => tubes.includes(s.tubeId)).map((s) => s.id);
  await lab.addCampaign({ id: 'c-multi', code: 'PLUSRS234', multipleSendings: true, targetSkillIds });
  await lab.addCampaign({ id: 'c-once', code: 'UNEFQS234', multipleSendings: false, targetSkillIds });
  await addStudent(lab.runtime, { id: 'camille', birthDate: '14/03/2010' });
  await addStudent(lab.runtime, { id: 'lucas', birthDate: '22/01/2010' });
  camille = await signedInTab(lab.runtime, { id: 'camille', birthDate: '14/03/2010' });
  lucas = await signedInTab(lab.runtime, { id: 'lucas', birthDate: '22/01/2010' });
});

afterAll(() => lab.dispose());

/** Runs the test to its end: right on even answers, wrong on odd ones, skipped every fifth; returns the skills asked. */
async function runToEnd(tab: EngineApi, assessmentId: string): Promise<string[]> {
  const skills: string[] = [];
  for (let n = 0; n < 200; n++) {
    const next = await tab.nextChallenge({ assessmentId });
    if (next.kind !== 'challenge') return skills;
    const challenge = lab.challenge(next.challenge.id);
    skills.push(challenge.skillId);
    const submitted = await tab.submitAnswer({
      assessmentId, challengeId: challenge.id, value: n % 2 === 1 ? wrongAnswer(challenge) : correctAnswer(challenge), skipped: n % 5 === 4, timeSpentMs: 2_000, focusedOut: false,
    });
    expect(submitted.ok).toBe(true);
  }
  throw new Error('the test did not end');
}

async function validatedSkills(assessmentId: string): Promise<number> {
  const results = await camille.assessmentResults({ assessmentId });
  if (results?.kind !== 'campaign') throw new Error('no campaign results');
  return results.participation.validatedSkillCount;
}

describe('retrying a campaign ("Repasser mon parcours", engine worker, real bank)', () => {
  it('[RETRY-1] [TRAIN-3] refused before 4 days with the date it becomes possible, allowed after, asking only what was not validated', async () => {
    const first = await camille.startAssessment({ kind: 'campaign', campaignCode: 'PLUSRS234' });
    if (!first.ok) throw new Error(first.reason);
    await runToEnd(camille, first.assessmentId);
    // Finished but not sent: the same participation comes back, even when a retry is asked for.
    expect(await camille.startAssessment({ kind: 'campaign', campaignCode: 'PLUSRS234', retry: true })).toMatchObject({ ok: true, assessmentId: first.assessmentId, resumed: true });
    expect(await camille.campaignParticipation({ campaignCode: 'PLUSRS234' })).toMatchObject({ ok: true, participation: { state: 'completed', attempt: 1 }, retry: { allowed: false, reason: 'not-shared' } });

    const sharedAt = lab.clock.now;
    expect(await camille.shareResults({ assessmentId: first.assessmentId })).toEqual({ ok: true });
    const before = await validatedSkills(first.assessmentId);
    const db = await lab.runtime.db();
    const firstAnswers = await db.answers.find({ selector: { assessmentId: first.assessmentId } }).exec();
    expect(firstAnswers.length).toBeGreaterThan(3);

    // Sent: starting again without asking for a retry is not a second participation.
    expect(await camille.startAssessment({ kind: 'campaign', campaignCode: 'PLUSRS234' })).toEqual({ ok: false, reason: 'already-participated' });
    // 4 days minus a millisecond after sharing: refused, with the date.
    lab.clock.now = sharedAt + RETRY_DELAY_MS - 1;
    // Days later the student signs in again ([SESSION-3]).
    camille = await signedInTab(lab.runtime, { id: 'camille', birthDate: '14/03/2010' });
    const early = { ok: false, reason: 'retry-refused', retry: { allowed: false, reason: 'too-early', availableAt: sharedAt + 4 * DAY_MS } };
    expect(await camille.startAssessment({ kind: 'campaign', campaignCode: 'PLUSRS234', retry: true })).toEqual(early);
    expect(await camille.campaignParticipation({ campaignCode: 'PLUSRS234' })).toMatchObject({ ok: true, participation: { state: 'shared', sharedAt }, retry: early.retry });
    expect(await db.assessments.find({ selector: { learnerId: 'camille' } }).exec()).toHaveLength(1);

    // 4 days after: a new participation, which asks only the skills the first one did not validate.
    lab.clock.now = sharedAt + RETRY_DELAY_MS;
    camille = await signedInTab(lab.runtime, { id: 'camille', birthDate: '14/03/2010' });
    expect(await camille.campaignParticipation({ campaignCode: 'PLUSRS234' })).toMatchObject({ retry: { allowed: true } });
    const retry = await camille.startAssessment({ kind: 'campaign', campaignCode: 'PLUSRS234', retry: true });
    expect(retry).toMatchObject({ ok: true, resumed: false });
    if (!retry.ok) return;
    expect(retry.assessmentId).not.toBe(first.assessmentId);
    const validatedBefore = new Set(
      (await db.answers.find({ selector: { assessmentId: first.assessmentId } }).exec()).filter((a) => a.result === 'ok').map((a) => lab.challenge(a.challengeId).skillId),
    );
    const asked = await runToEnd(camille, retry.assessmentId);
    expect(asked.length).toBeGreaterThan(0);
    for (const skillId of asked) expect(validatedBefore.has(skillId), `${skillId} was validated before`).toBe(false);
    // [RETRY-3] What was validated stays validated: the retry's mastery starts from the first one's.
    expect(await validatedSkills(retry.assessmentId)).toBeGreaterThanOrEqual(before);
    expect(await camille.campaignParticipation({ campaignCode: 'PLUSRS234' })).toMatchObject({ participation: { assessmentId: retry.assessmentId, attempt: 2 } });
  }, 60_000);

  it('[RETRY-1] without multiple sendings a sent participation is the only one, retry or not', async () => {
    lucas = await signedInTab(lab.runtime, { id: 'lucas', birthDate: '22/01/2010' });
    const first = await lucas.startAssessment({ kind: 'campaign', campaignCode: 'UNEFQS234' });
    if (!first.ok) throw new Error(first.reason);
    await runToEnd(lucas, first.assessmentId);
    expect(await lucas.shareResults({ assessmentId: first.assessmentId })).toEqual({ ok: true });
    lab.clock.now += 30 * DAY_MS;
    lucas = await signedInTab(lab.runtime, { id: 'lucas', birthDate: '22/01/2010' });
    expect(await lucas.startAssessment({ kind: 'campaign', campaignCode: 'UNEFQS234' })).toEqual({ ok: false, reason: 'already-participated' });
    expect(await lucas.startAssessment({ kind: 'campaign', campaignCode: 'UNEFQS234', retry: true })).toEqual({ ok: false, reason: 'retry-refused', retry: { allowed: false, reason: 'single-sending' } });
    const db = await lab.runtime.db();
    expect(await db.assessments.find({ selector: { learnerId: 'lucas' } }).exec()).toHaveLength(1);
  }, 60_000);
});
