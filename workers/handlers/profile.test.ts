import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS } from '../../src/core/campaign/retry.ts';
import { RESET_DELAY_MS } from '../../src/core/campaign/competence-reset.ts';
import { COMPETENCE_IDS } from '../../src/core/referential.ts';
import { MAX_PROBLEM_COMMENT } from '../../src/core/sync/documents.ts';
import { correctAnswer } from '../../test/bank.ts';
import { createBankRuntime } from '../../test/bank-runtime.ts';
import type { BankRuntime } from '../../test/bank-runtime.ts';
import { addStudent, signedInTab } from '../../test/student-machine.ts';
import type { EngineApi } from '../engine-api.ts';

const camille = { id: 'camille', birthDate: '14/03/2010' };
let lab: BankRuntime;
let tab: EngineApi;

beforeAll(async () => {
  lab = createBankRuntime();
  await addStudent(lab.runtime, camille);
  tab = await signedInTab(lab.runtime, camille);
});

afterAll(() => lab.dispose());

/** Days later, the student signs in again ([SESSION-3]). */
async function later(days: number): Promise<void> {
  lab.clock.now += days * DAY_MS;
  tab = await signedInTab(lab.runtime, camille);
}

async function answerRight(assessmentId: string, limit = 200): Promise<number> {
  for (let n = 0; n < limit; n++) {
    const next = await tab.nextChallenge({ assessmentId });
    if (next.kind !== 'challenge') return n;
    const submitted = await tab.submitAnswer({ assessmentId, challengeId: next.challenge.id, value: correctAnswer(lab.challenge(next.challenge.id)), skipped: false, timeSpentMs: 1_000, focusedOut: false });
    expect(submitted.ok).toBe(true);
  }
  return limit;
}

async function profile() {
  const outcome = await tab.profile();
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.profile;
}

async function competence(id: string) {
  const found = (await profile()).competences.find((c) => c.competenceId === id);
  if (!found) throw new Error(`no competence ${id}`);
  return found;
}

describe('profile and competence training (engine worker, real bank)', () => {
  it('[SCORE-4] an empty profile: the 16 competences in referential order, 0 pix out of 1024, not certifiable', async () => {
    const empty = await profile();
    expect(empty.competences.map((c) => c.competenceId)).toEqual([...COMPETENCE_IDS]);
    expect(empty).toMatchObject({ totalPix: 0, maxPix: 1024, certifiable: false, certifiableCompetenceCount: 0, tutorials: [] });
    expect(empty.competences[0]).toMatchObject({ pix: 0, level: 0, training: { state: 'none' }, reset: { allowed: false, reason: 'nothing-to-reset' } });
  });

  it('[TRAIN-1] [TRAIN-2] [PROFILE-1] training fills the profile; a started one resumes; a finished one needs a reset; [RETRY-4] [EVENT-3] the reset waits 7 days', async () => {
    const started = await tab.startAssessment({ kind: 'competence', competenceId: '1.1' });
    expect(started).toMatchObject({ ok: true, resumed: false });
    if (!started.ok) return;
    await answerRight(started.assessmentId, 2);
    expect(await competence('1.1')).toMatchObject({ training: { state: 'started', assessmentId: started.assessmentId }, reset: { allowed: false, reason: 'in-progress' } });
    expect(await tab.startAssessment({ kind: 'competence', competenceId: '1.1' })).toMatchObject({ ok: true, resumed: true, assessmentId: started.assessmentId });
    await answerRight(started.assessmentId);
    const lastAnswerAt = lab.clock.now;

    const trained = await competence('1.1');
    expect(trained.pix).toBeGreaterThan(0);
    expect(trained.level).toBeGreaterThanOrEqual(1);
    expect(trained).toMatchObject({ training: { state: 'completed', assessmentId: started.assessmentId }, reset: { allowed: false, reason: 'too-early', availableAt: lastAnswerAt + RESET_DELAY_MS } });
    expect((await profile()).totalPix).toBe(trained.pix);
    // The results the student saw at the end say the same.
    const results = await tab.assessmentResults({ assessmentId: started.assessmentId });
    expect(results).toMatchObject({ kind: 'competence', participation: { masteryPercent: 100 } });

    expect(await tab.startAssessment({ kind: 'competence', competenceId: '1.1' })).toEqual({ ok: false, reason: 'competence-done' });
    expect(await tab.resetCompetence({ competenceId: '1.1' })).toEqual({ ok: false, reason: 'refused', status: { allowed: false, reason: 'too-early', availableAt: lastAnswerAt + RESET_DELAY_MS } });
    const db = await lab.runtime.db();
    expect(await db.events.count().exec()).toBe(0);

    await later(7);
    expect(await tab.resetCompetence({ competenceId: '1.1' })).toEqual({ ok: true });
    expect(await competence('1.1')).toMatchObject({ pix: 0, level: 0, training: { state: 'none' }, reset: { allowed: false, reason: 'nothing-to-reset' } });
    expect((await db.events.find().exec()).map((e) => ({ kind: e.kind, competenceId: e.competenceId, learnerId: e.learnerId }))).toEqual([{ kind: 'competence-reset', competenceId: '1.1', learnerId: 'camille' }]);
    const again = await tab.startAssessment({ kind: 'competence', competenceId: '1.1' });
    expect(again).toMatchObject({ ok: true, resumed: false });
    if (again.ok) expect(again.assessmentId).not.toBe(started.assessmentId);
  }, 60_000);

  it('[RETRY-4] [EVENT-3] no reset of what was never answered, of an unknown competence, or while training it', async () => {
    expect(await tab.resetCompetence({ competenceId: '5.2' })).toEqual({ ok: false, reason: 'refused', status: { allowed: false, reason: 'nothing-to-reset' } });
    expect(await tab.resetCompetence({ competenceId: '9.9' })).toEqual({ ok: false, reason: 'unknown-competence' });
    expect(await tab.startAssessment({ kind: 'competence', competenceId: '9.9' })).toEqual({ ok: false, reason: 'unknown-competence' });
    const started = await tab.startAssessment({ kind: 'competence', competenceId: '2.1' });
    if (!started.ok) throw new Error(started.reason);
    await answerRight(started.assessmentId, 1);
    await later(8);
    expect(await tab.resetCompetence({ competenceId: '2.1' })).toEqual({ ok: false, reason: 'refused', status: { allowed: false, reason: 'in-progress' } });
  }, 30_000);

  it('[EVENT-2] [PROFILE-3] tutorials saved and marked useful, once each, listed on the profile; unsaved ones leave it', async () => {
    const [first, second] = lab.content.pack.tutorials;
    if (!first || !second) throw new Error('the bank has tutorials');
    const db = await lab.runtime.db();
    const before = await db.events.count().exec();
    expect(await tab.saveTutorial({ tutorialId: first.id, saved: true })).toEqual({ ok: true });
    expect(await tab.saveTutorial({ tutorialId: first.id, saved: true })).toEqual({ ok: true });
    lab.clock.now += 1000;
    expect(await tab.saveTutorial({ tutorialId: second.id, saved: true })).toEqual({ ok: true });
    expect(await tab.markTutorialUseful({ tutorialId: first.id })).toEqual({ ok: true });
    expect(await tab.markTutorialUseful({ tutorialId: first.id })).toEqual({ ok: true });
    expect(await db.events.count().exec()).toBe(before + 3);

    const saved = await tab.savedTutorials();
    expect(saved).toMatchObject({ ok: true, tutorials: [{ id: second.id, useful: false }, { id: first.id, title: first.title, useful: true }] });
    expect((await profile()).tutorials.map((t) => t.id)).toEqual([second.id, first.id]);

    expect(await tab.saveTutorial({ tutorialId: second.id, saved: false })).toEqual({ ok: true });
    expect(await tab.savedTutorials()).toMatchObject({ ok: true, tutorials: [{ id: first.id }] });
    expect(await tab.saveTutorial({ tutorialId: 'no-such-tutorial', saved: true })).toEqual({ ok: false, reason: 'unknown-tutorial' });
    expect(await db.events.count().exec()).toBe(before + 4);
  });

  it('[EVENT-1] "Signaler un problème": checked first, then stored in the log with its category and comment', async () => {
    const started = await tab.startAssessment({ kind: 'competence', competenceId: '4.1' });
    if (!started.ok) throw new Error(started.reason);
    const next = await tab.nextChallenge({ assessmentId: started.assessmentId });
    if (next.kind !== 'challenge') throw new Error('no challenge');
    const db = await lab.runtime.db();
    const before = await db.events.count().exec();
    const report = { assessmentId: started.assessmentId, challengeId: next.challenge.id };
    expect(await tab.reportProblem({ ...report, category: 'broken-printer' })).toEqual({ ok: false, reason: 'invalid-category' });
    expect(await tab.reportProblem({ ...report, category: 'other', comment: 'x'.repeat(MAX_PROBLEM_COMMENT + 1) })).toEqual({ ok: false, reason: 'comment-too-long' });
    expect(await tab.reportProblem({ ...report, assessmentId: 'no-such-test', category: 'other' })).toEqual({ ok: false, reason: 'unknown-assessment' });
    expect(await db.events.count().exec()).toBe(before);

    const reported = await tab.reportProblem({ ...report, category: 'image-not-displaying', comment: "  L'image ne s'affiche pas.  " });
    expect(reported).toMatchObject({ ok: true });
    if (!reported.ok) return;
    const event = (await db.events.findOne(reported.eventId).exec())?.toJSON();
    expect(event).toMatchObject({
      kind: 'problem-report', learnerId: 'camille', ...report, category: 'image-not-displaying', comment: "L'image ne s'affiche pas.",
      competenceId: null, tutorialId: null, updatedAt: 0,
    });
    expect(event?.at).toBeGreaterThanOrEqual(lab.clock.now);
    // The test goes on where it was.
    expect(await tab.nextChallenge({ assessmentId: started.assessmentId })).toEqual(next);
  });
});
