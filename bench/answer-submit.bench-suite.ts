/**
 * Answer submit to durable write, in headless Chromium: the built app served by the real relay, the real engine
 * worker driven from a page through Comlink's wire protocol (e2e/support/engine-worker.ts), and the time of each
 * `submitAnswer` round trip. The worker checks the answer, recomputes the test from the answer log and resolves
 * only once the IndexedDB transaction has committed with strict durability, so the figure is what a student
 * waits for between "Je valide" and the next screen, minus rendering.
 *
 * Two clocks per answer: inside the page (performance.now() around the postMessage → reply of the Comlink call,
 * what the UI would wait) and in Node around page.evaluate (adds the Playwright/CDP round trip, which a student
 * never pays). Answers are synced to the relay in the background meanwhile, as in a lab.
 */
import { chromium } from '@playwright/test';
import type { Page } from '@playwright/test';
import { execSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callEngine, challengeById, engineWorkerUrl, shippedPack, signInOnWorker } from '../e2e/support/engine-worker.ts';
import type { AnswerValue } from '../src/core/content/types.ts';
import { correctAnswer, wrongAnswer } from '../test/bank.ts';
import type { SubmitInput, SubmitOutcome } from '../workers/handlers/assessments.ts';
import { ms, percentile } from './machine.ts';
import { startRelay } from './relay-process.ts';

const PORT = 4392;
/** Certification tests measured (32 answers each): 7 × 32 = 224 answers. */
const CERTIFICATIONS = 7;
/** At most this many campaign answers, on one campaign over four competences (smart random instead of flash). */
const CAMPAIGN_ANSWERS = 60;
/** One certification before the measured ones: worker start, pack load and JIT warm-up are not counted. */
const WARM_UP_CERTIFICATIONS = 1;
const TEACHER = { email: 'enseignant@demo.local', password: 'demo-pass-2026' };

interface Timing {
  /** Inside the page: postMessage to the worker's reply (ms). */
  inPage: number;
  /** In Node, around page.evaluate (ms). */
  roundTrip: number;
}

function ensureBuilt(): void {
  if (!existsSync('dist/index.html')) execSync('npm run build', { stdio: 'inherit' });
}

/** submitAnswer through the same wire protocol as callEngine, timed inside the page too. */
async function timedSubmit(page: Page, url: string, input: SubmitInput): Promise<{ outcome: SubmitOutcome; timing: Timing }> {
  const started = performance.now();
  const { value, inPage } = await page.evaluate(
    async ({ url, input }) => {
      const w = window as unknown as { __engine?: Worker };
      w.__engine ??= new Worker(url, { type: 'module' });
      const worker = w.__engine;
      const id = crypto.randomUUID();
      const sent = performance.now();
      return new Promise<{ value: unknown; inPage: number }>((resolve, reject) => {
        const onMessage = (event: MessageEvent<{ id: string; type: string; value: unknown }>) => {
          if (event.data.id !== id) return;
          const inPage = performance.now() - sent;
          worker.removeEventListener('message', onMessage);
          if (event.data.type === 'HANDLER') reject(new Error(JSON.stringify(event.data.value)));
          else resolve({ value: event.data.value, inPage });
        };
        worker.addEventListener('message', onMessage);
        worker.postMessage({ id, type: 'APPLY', path: ['submitAnswer'], argumentList: [{ type: 'RAW', value: input }] });
      });
    },
    { url, input },
  );
  return { outcome: value as SubmitOutcome, timing: { inPage, roundTrip: performance.now() - started } };
}

/** Answers an assessment to its end or `limit` answers, right except every third; returns the timings. */
async function answerAll(page: Page, url: string, assessmentId: string, limit: number): Promise<Timing[]> {
  const full = challengeById(shippedPack());
  const timings: Timing[] = [];
  for (let n = 0; n < limit; n++) {
    const next = await callEngine(page, url, 'nextChallenge', { assessmentId });
    if (next.kind !== 'challenge') break;
    const challenge = full(next.challenge.id);
    const value: AnswerValue = n % 3 === 2 ? wrongAnswer(challenge) : correctAnswer(challenge);
    const { outcome, timing } = await timedSubmit(page, url, { assessmentId, challengeId: challenge.id, value, skipped: false, timeSpentMs: 3_000, focusedOut: false });
    if (!outcome.ok) throw new Error(`submitAnswer refused: ${outcome.reason}`);
    timings.push(timing);
  }
  return timings;
}

async function startCertification(page: Page, url: string, learner: number): Promise<string> {
  const learnerId = `demo-learner-${String(learner).padStart(2, '0')}`;
  // The worker starts tests only for the student signed in on its tab.
  await signInOnWorker(page, url, learnerId);
  const started = await callEngine(page, url, 'startAssessment', { kind: 'certification', learnerId, sessionId: 'bench-session' });
  if (!started.ok) throw new Error(`startAssessment: ${started.reason}`);
  return started.assessmentId;
}

/** A campaign over four competences, created through the relay's API with the demo teacher. */
async function createCampaign(origin: string): Promise<string> {
  const login = await fetch(`${origin}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(TEACHER) });
  const { token } = (await login.json()) as { token: string };
  const created = await fetch(`${origin}/api/campaigns`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ name: 'Banc de mesure', type: 'ASSESSMENT', title: 'Parcours', landingText: '', multipleSendings: false, target: { competenceIds: ['1.1', '2.1', '3.1', '4.1'] } }),
  });
  if (created.status !== 201) throw new Error(`campaign not created: ${created.status}`);
  return ((await created.json()) as { code: string }).code;
}

/** The campaign reaches the machine with the roster pull: start once it is there. */
async function startCampaign(page: Page, url: string, code: string): Promise<string> {
  const deadline = performance.now() + 30_000;
  await signInOnWorker(page, url, 'demo-learner-20');
  for (;;) {
    const started = await callEngine(page, url, 'startAssessment', { kind: 'campaign', learnerId: 'demo-learner-20', campaignCode: code });
    if (started.ok) return started.assessmentId;
    if (performance.now() > deadline) throw new Error(`campaign never reached the machine: ${started.reason}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function measure(): Promise<{ certification: Timing[]; campaign: Timing[] }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pixlab-bench-submit-'));
  const relay = await startRelay({ port: PORT, dataDir });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const code = await createCampaign(relay.url);
    // A same-origin page that does not load the app: the bench's worker is the machine's only engine.
    const context = await browser.newContext({ baseURL: relay.url, serviceWorkers: 'block' });
    // tsx compiles this file with esbuild's keepNames, which wraps named functions in a `__name(fn, "name")`
    // helper; the functions handed to page.evaluate (here and in callEngine) then need it in the page too.
    await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
    const page = await context.newPage();
    await page.goto('/robots.txt');
    const url = engineWorkerUrl();
    const enrolled = await callEngine(page, url, 'enrolDevice', { ...TEACHER, name: 'Banc de mesure – poste 1' });
    if (!enrolled.ok) throw new Error(`enrolDevice: ${enrolled.reason}`);

    const certification: Timing[] = [];
    for (let k = 0; k < WARM_UP_CERTIFICATIONS + CERTIFICATIONS; k++) {
      const timings = await answerAll(page, url, await startCertification(page, url, k + 1), 100);
      if (k >= WARM_UP_CERTIFICATIONS) certification.push(...timings);
    }
    const campaign = await answerAll(page, url, await startCampaign(page, url, code), CAMPAIGN_ANSWERS);
    await context.close();
    return { certification, campaign };
  } finally {
    await browser.close();
    await relay.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function row(label: string, timings: readonly Timing[]): string {
  const inPage = timings.map((t) => t.inPage).sort((a, b) => a - b);
  const roundTrip = timings.map((t) => t.roundTrip).sort((a, b) => a - b);
  const overhead = timings.map((t) => t.roundTrip - t.inPage).sort((a, b) => a - b);
  const cell = (values: number[]) => `${ms(percentile(values, 50))} / ${ms(percentile(values, 95))}`;
  return `| ${label} | ${timings.length} | ${cell(inPage)} | ${cell(roundTrip)} | ${ms(percentile(overhead, 50))} |`;
}

export async function run(): Promise<{ title: string; markdown: string }> {
  ensureBuilt();
  const { certification, campaign } = await measure();
  return {
    title: 'Answer submit to durable write, headless Chromium',
    markdown: `
The built app served by the relay, the real engine worker in Chromium (headless, \`--disable-gpu\`), driven through
Comlink's wire protocol from a same-origin page. Each \`submitAnswer\` checks the answer, recomputes the test from the
answer log in IndexedDB, and resolves once the answer is committed with strict durability; the next challenge is asked
between two submits and not counted. One certification of warm-up is not counted.

| answers | count | in the page, p50 / p95 | page.evaluate round trip, p50 / p95 | Playwright overhead, p50 |
| --- | ---: | ---: | ---: | ---: |
${row(`certification (flash), ${CERTIFICATIONS} tests × 32`, certification)}
${row('campaign (smart random), one test over 4 competences', campaign)}
${row('all', [...certification, ...campaign])}

"In the page" is performance.now() around the postMessage to the worker and its reply: what the UI waits for.
The round trip adds Playwright's page.evaluate (CDP) on top; a student never pays it.`,
  };
}
