import { expect, test } from '@playwright/test';
import type { APIRequestContext, Page } from '@playwright/test';
import { correctAnswer, wrongAnswer } from '../test/bank.ts';
import { LabMachine } from './pages/lab-machine.ts';
import { callEngine, challengeById, engineWorkerUrl, shippedPack, signInOnWorker } from './support/engine-worker.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRelay } from '../bench/relay-process.ts';
import { waitForServiceWorkerControl } from './support/offline.ts';

const url = engineWorkerUrl();
const pack = shippedPack();
const full = challengeById(pack);

let token: string | undefined;
/** One sign-in for the whole file: sign-ins are rate-limited, as they should be. */
async function teacherToken(request: APIRequestContext): Promise<string> {
  if (token) return token;
  const login = await request.post('/api/auth/login', { data: { email: 'enseignant@demo.local', password: 'demo-pass-2026' } });
  expect(login.status()).toBe(200);
  token = ((await login.json()) as { token: string }).token;
  return token;
}

async function createCampaign(request: APIRequestContext, competenceIds: string[]): Promise<string> {
  const created = await request.post('/api/campaigns', {
    headers: { authorization: `Bearer ${await teacherToken(request)}` },
    data: { name: 'Test du moteur', type: 'ASSESSMENT', title: 'Parcours', landingText: '', multipleSendings: false, target: { competenceIds } },
  });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { code: string }).code;
}

async function relayAnswerIds(request: APIRequestContext, assessmentId: string): Promise<string[]> {
  const auth = await teacherToken(request);
  const ids: string[] = [];
  let seq = 0;
  for (;;) {
    const page = (await (await request.get(`/api/replication/answers/pull?seq=${seq}&limit=1000`, { headers: { authorization: `Bearer ${auth}` } })).json()) as { documents: { id: string; assessmentId: string }[]; checkpoint: { seq: number } };
    ids.push(...page.documents.filter((d) => d.assessmentId === assessmentId).map((d) => d.id));
    if (page.documents.length === 0) return ids;
    seq = page.checkpoint.seq;
  }
}

/** Answers `count` challenges (or until the end), right except every third; returns the challenges asked. */
async function answer(page: Page, assessmentId: string, count: number): Promise<string[]> {
  const asked: string[] = [];
  for (let n = 0; n < count; n++) {
    const next = await callEngine(page, url, 'nextChallenge', { assessmentId });
    if (next.kind !== 'challenge') break;
    const challenge = full(next.challenge.id);
    asked.push(challenge.id);
    const submitted = await callEngine(page, url, 'submitAnswer', {
      assessmentId, challengeId: challenge.id, value: n % 3 === 2 ? wrongAnswer(challenge) : correctAnswer(challenge), skipped: false, timeSpentMs: 3_000, focusedOut: false,
    });
    expect(submitted.ok).toBe(true);
  }
  return asked;
}

/**
 * After enrolling through the UI, the test drives the engine from a same-origin page that does not load the app
 * (the precached robots.txt), so the test's worker is the machine's only engine, as the app's would be.
 */
async function leaveTheApp(page: Page): Promise<void> {
  await page.goto('/robots.txt');
}

test.describe('the engine worker in a real Chromium', () => {
  test('a whole campaign and a whole certification, each resumed at the same challenge after a reload', async ({ page, request }) => {
    test.setTimeout(180_000);
    const code = await createCampaign(request, ['1.1', '4.1']);
    await new LabMachine(page).enrol();
    await leaveTheApp(page);
    await signInOnWorker(page, url, 'demo-learner-01');
    await expect.poll(async () => (await callEngine(page, url, 'startAssessment', { kind: 'campaign', learnerId: 'demo-learner-01', campaignCode: code })).ok, { timeout: 20_000 }).toBe(true);

    // Campaign.
    const started = await callEngine(page, url, 'startAssessment', { kind: 'campaign', learnerId: 'demo-learner-01', campaignCode: code });
    if (!started.ok) throw new Error(started.reason);
    const before = await answer(page, started.assessmentId, 7);
    expect(before).toHaveLength(7);
    const pending = await callEngine(page, url, 'nextChallenge', { assessmentId: started.assessmentId });
    await page.reload();
    await signInOnWorker(page, url, 'demo-learner-01');
    const resumed = await callEngine(page, url, 'startAssessment', { kind: 'campaign', learnerId: 'demo-learner-01', campaignCode: code });
    expect(resumed).toMatchObject({ ok: true, resumed: true, assessmentId: started.assessmentId });
    expect(await callEngine(page, url, 'nextChallenge', { assessmentId: started.assessmentId })).toEqual(pending);
    const after = await answer(page, started.assessmentId, 500);
    expect(new Set([...before, ...after]).size).toBe(before.length + after.length);
    expect(await callEngine(page, url, 'nextChallenge', { assessmentId: started.assessmentId })).toEqual({ kind: 'end' });
    const results = await callEngine(page, url, 'assessmentResults', { assessmentId: started.assessmentId });
    expect(results?.kind).toBe('campaign');

    // Certification.
    await signInOnWorker(page, url, 'demo-learner-02');
    const certification = await callEngine(page, url, 'startAssessment', { kind: 'certification', learnerId: 'demo-learner-02', sessionId: 'e2e-session' });
    if (!certification.ok) throw new Error(certification.reason);
    const first = await answer(page, certification.assessmentId, 12);
    const next = await callEngine(page, url, 'nextChallenge', { assessmentId: certification.assessmentId });
    expect(next).toMatchObject({ kind: 'challenge', progress: { current: 13, total: 32 } });
    await page.reload();
    await signInOnWorker(page, url, 'demo-learner-02');
    expect(await callEngine(page, url, 'startAssessment', { kind: 'certification', learnerId: 'demo-learner-02', sessionId: 'e2e-session' })).toMatchObject({ resumed: true, assessmentId: certification.assessmentId });
    expect(await callEngine(page, url, 'nextChallenge', { assessmentId: certification.assessmentId })).toEqual(next);
    const rest = await answer(page, certification.assessmentId, 100);
    expect(first.length + rest.length).toBe(32);
    const score = await callEngine(page, url, 'assessmentResults', { assessmentId: certification.assessmentId });
    expect(score).toMatchObject({ kind: 'certification', certification: { status: 'scored', answerCount: 32 } });

    // Every answer reached the relay, once.
    await expect.poll(async () => (await relayAnswerIds(request, certification.assessmentId)).length, { timeout: 30_000 }).toBe(32);
    const campaignAnswers = await relayAnswerIds(request, started.assessmentId);
    expect(new Set(campaignAnswers).size).toBe(before.length + after.length);
  });

  test('two tabs on one test: a stale tab cannot answer twice, and each tab goes on from what the other recorded', async ({ page, context, request }) => {
    test.setTimeout(120_000);
    const code = await createCampaign(request, ['1.2']);
    await new LabMachine(page).enrol('Salle B12 – poste 8');
    await leaveTheApp(page);
    await signInOnWorker(page, url, 'demo-learner-04');
    await expect.poll(async () => (await callEngine(page, url, 'startAssessment', { kind: 'campaign', learnerId: 'demo-learner-04', campaignCode: code })).ok, { timeout: 20_000 }).toBe(true);
    const started = await callEngine(page, url, 'startAssessment', { kind: 'campaign', learnerId: 'demo-learner-04', campaignCode: code });
    if (!started.ok) throw new Error(started.reason);
    const other = await context.newPage();
    await leaveTheApp(other);
    // The same student in a second tab: a second worker, signed in on its own ([SESSION-1]).
    await signInOnWorker(other, url, 'demo-learner-04');
    const { assessmentId } = started;
    const submit = (tab: Page, challengeId: string) =>
      callEngine(tab, url, 'submitAnswer', { assessmentId, challengeId, value: correctAnswer(full(challengeId)), skipped: false, timeSpentMs: 2_000, focusedOut: false });

    // Both tabs show the first challenge; the first tab answers it.
    const first = await callEngine(page, url, 'nextChallenge', { assessmentId });
    expect(await callEngine(other, url, 'nextChallenge', { assessmentId })).toEqual(first);
    if (first.kind !== 'challenge') throw new Error('no first challenge');
    expect(await submit(page, first.challenge.id)).toMatchObject({ ok: true, answered: 1 });
    // The second tab, still showing it, cannot answer it again; it moves on to what comes next.
    expect(await submit(other, first.challenge.id)).toEqual({ ok: false, reason: 'not-current' });
    const second = await callEngine(other, url, 'nextChallenge', { assessmentId });
    if (second.kind !== 'challenge') throw new Error('no second challenge');
    expect(second.challenge.id).not.toBe(first.challenge.id);
    expect(await submit(other, second.challenge.id)).toMatchObject({ ok: true, answered: 2 });
    // And the first tab sees the second tab's answer.
    const third = await callEngine(page, url, 'nextChallenge', { assessmentId });
    if (third.kind !== 'challenge') throw new Error('no third challenge');
    expect([first.challenge.id, second.challenge.id]).not.toContain(third.challenge.id);

    // The relay receives each position once.
    await expect.poll(async () => (await relayAnswerIds(request, assessmentId)).sort(), { timeout: 30_000 }).toEqual([`${assessmentId}:0`, `${assessmentId}:1`]);
  });

  test('answers given while the relay is down survive a reload and reach it when it is back, with no action', async ({ browser, playwright }) => {
    test.setTimeout(120_000);
    // Its own relay process, stopped and restarted for a real outage (network emulation does not reach a worker
    // started while offline); same port and data directory, so the origin and the database stay.
    const dataDir = mkdtempSync(join(tmpdir(), 'pixlab-outage-'));
    const port = 4321;
    const origin = `http://localhost:${port}`;
    let relay = await startRelay({ port, dataDir });
    const api = await playwright.request.newContext({ baseURL: origin });
    const context = await browser.newContext({ baseURL: origin, serviceWorkers: 'allow' });
    try {
      token = undefined;
      const code = await createCampaign(api, ['2.1']);
      const page = await context.newPage();
      await new LabMachine(page).enrol('Salle B12 – poste 7');
      await waitForServiceWorkerControl(page);
      await leaveTheApp(page);
      await signInOnWorker(page, url, 'demo-learner-03');
      const started = await callEngine(page, url, 'startAssessment', { kind: 'campaign', learnerId: 'demo-learner-03', campaignCode: code });
      if (!started.ok) throw new Error(started.reason);

      await relay.stop();
      const asked = await answer(page, started.assessmentId, 4);
      expect(asked).toHaveLength(4);
      await page.reload();
      await expect.poll(async () => (await callEngine(page, url, 'syncStatus', undefined)).pendingAnswers, { timeout: 15_000 }).toBe(4);
      await expect.poll(async () => (await callEngine(page, url, 'syncStatus', undefined)).unreachableSince, { timeout: 15_000 }).not.toBeNull();

      relay = await startRelay({ port, dataDir });
      await expect.poll(async () => (await relayAnswerIds(api, started.assessmentId)).length, { timeout: 40_000 }).toBe(4);
      await expect.poll(async () => (await callEngine(page, url, 'syncStatus', undefined)).pendingAnswers, { timeout: 20_000 }).toBe(0);
      // The app itself then shows that everything was sent.
      await page.goto('/');
      await expect(page.locator('[data-sync-state]')).toHaveAttribute('data-pending', '0', { timeout: 20_000 });
    } finally {
      await context.close();
      await api.dispose();
      await relay.stop();
      rmSync(dataDir, { recursive: true, force: true });
      token = undefined;
    }
  });
});
