/**
 * The student screens of issue 9, in headless Chromium on the built app served by the real relay:
 *
 * 1. "Je valide" to the next challenge painted: students of the demo school take RENTRE234 through the real screens
 *    on one enrolled machine (one page per student, as a lab machine between two students). Inside the page, a
 *    capture listener notes the click on "Je valide"; a MutationObserver notes when the next challenge's heading is
 *    in the DOM, and a requestAnimationFrame after it stands for the paint. The screen moves on only once
 *    submitAnswer has resolved, i.e. after the answer is committed to IndexedDB with strict durability ([SHOW-3]),
 *    so every figure includes the durable write.
 * 2. Offline cold start: with the relay stopped and the context offline, new pages of the same context (its service
 *    worker installed) open `/`; inside the page, the time from navigation to "J'ai un code" and, clicked at once
 *    by the page itself, to the field "Saisissez le code du parcours" in the DOM and a frame after it.
 * 3. The student's initial JavaScript: scripts and modulepreloads of index.html, gzip, with what they hold (by
 *    source map, shares of the raw bytes applied to the gzip size).
 */
import { chromium } from '@playwright/test';
import type { BrowserContext, Page } from '@playwright/test';
import { execSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { LabMachine } from '../e2e/pages/lab-machine.ts';
import { StudentCampaign } from '../e2e/pages/student-campaign.ts';
import { challengeById, demoBirthDate, shippedPack } from '../e2e/support/engine-worker.ts';
import { waitForServiceWorkerControl } from '../e2e/support/offline.ts';
import { demoLearners } from '../sync-server/demo/demo-school.ts';
import { correctAnswer, wrongAnswer } from '../test/bank.ts';
import { ms, percentile } from './machine.ts';
import { startRelay } from './relay-process.ts';

const PORT = 4394;
const CODE = 'RENTRE234';
/** Measured transitions to a next challenge wanted; students are added until there are this many. */
const WANTED_ANSWERS = 64;
/** Students 10… of 2NDE A: the first six are certification candidates in the demo school. */
const FIRST_STUDENT = 10;
const MAX_STUDENTS = 10;
const COLD_STARTS = 15;

/**
 * In every page: the click on "Je valide" and what came after it. Plain JavaScript (a string), so that tsx's
 * keepNames helpers do not leak into the page.
 */
const VALIDATE_PROBE = `(() => {
  const clicks = [];
  window.__validateClicks = clicks;
  // Every Comlink call to a worker (APPLY) and its reply, to split the wait between the worker and the page.
  const calls = [];
  window.__workerCalls = calls;
  const post = Worker.prototype.postMessage;
  const watched = new WeakSet();
  Worker.prototype.postMessage = function (message, ...rest) {
    if (message && message.type === 'APPLY' && Array.isArray(message.path)) {
      if (!watched.has(this)) {
        watched.add(this);
        this.addEventListener('message', (event) => {
          const call = calls.find((c) => c.id === event.data?.id && c.repliedAt === null);
          if (call) call.repliedAt = performance.now();
        });
      }
      calls.push({ id: message.id, method: message.path.join('.'), sentAt: performance.now(), repliedAt: null });
    }
    return post.call(this, message, ...rest);
  };
  const nextStep = (from) => {
    const challenge = document.querySelector('[data-challenge-id]');
    if (challenge) {
      const id = challenge.getAttribute('data-challenge-id');
      return id !== from && challenge.querySelector('h2') ? 'challenge' : null;
    }
    const heading = [...document.querySelectorAll('h2')].map((h) => h.textContent.trim());
    if (heading.includes('Vos réponses')) return 'checkpoint';
    if (heading.some((text) => text.startsWith('Vous maîtrisez'))) return 'end';
    return null;
  };
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button[type="submit"]') : null;
    if (!button || button.textContent.trim() !== 'Je valide') return;
    const from = document.querySelector('[data-challenge-id]')?.getAttribute('data-challenge-id') ?? null;
    const record = { from, clickAt: performance.now(), kind: null, domAt: null, paintAt: null };
    clicks.push(record);
    const observer = new MutationObserver(() => {
      const kind = nextStep(from);
      if (kind === null) return;
      observer.disconnect();
      record.kind = kind;
      record.domAt = performance.now();
      requestAnimationFrame(() => { record.paintAt = performance.now(); });
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  }, true);
})();`;

/** In the cold-start pages only: navigation → "J'ai un code" → (clicked by the page) the code field, then a frame. */
const COLD_START_PROBE = `(() => {
  const t = { buttonAt: null, fieldAt: null, paintAt: null, controlled: null };
  window.__coldStart = t;
  const observer = new MutationObserver(() => {
    if (t.buttonAt === null) {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === "J'ai un code");
      if (!button) return;
      t.buttonAt = performance.now();
      button.click();
    }
    const label = [...document.querySelectorAll('label')].find((l) => l.textContent.trim() === 'Saisissez le code du parcours');
    if (!label || !label.control) return;
    observer.disconnect();
    t.fieldAt = performance.now();
    t.controlled = navigator.serviceWorker.controller !== null;
    requestAnimationFrame(() => { t.paintAt = performance.now(); });
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

interface ValidateRecord {
  from: string | null;
  clickAt: number;
  kind: 'challenge' | 'checkpoint' | 'end' | null;
  domAt: number | null;
  paintAt: number | null;
}

interface WorkerCall {
  id: string;
  method: string;
  sentAt: number;
  repliedAt: number | null;
}

interface ColdStartRecord {
  buttonAt: number | null;
  fieldAt: number | null;
  paintAt: number | null;
  controlled: boolean | null;
}

interface ProbedWindow {
  __validateClicks?: ValidateRecord[];
  __workerCalls?: WorkerCall[];
  __coldStart?: ColdStartRecord;
}

interface Transition {
  dom: number;
  painted: number;
  /** submitAnswer's round trip to the worker: check, recompute, strict IndexedDB commit. */
  submit: number;
  /** Time the page waited on the worker between the click and the heading (union of the awaited calls). */
  worker: number;
  kind: 'challenge' | 'checkpoint' | 'end';
}

interface ColdStart {
  button: number;
  field: number;
  painted: number;
}

function ensureBuilt(): void {
  if (!existsSync('dist/index.html')) execSync('npm run build', { stdio: 'inherit' });
}

const full = challengeById(shippedPack());
/** The sequences of worker calls seen between a click and the next screen, for the report. */
const callNames = new Set<string>();
/** Each worker method's round trips on the way to a next challenge. */
const perMethod = new Map<string, number[]>();

async function lastValidate(page: Page): Promise<{ record: ValidateRecord; calls: WorkerCall[] }> {
  // Functions, not strings: the relay's CSP forbids eval in the page (and each is serialised alone).
  await page.waitForFunction(() => (window as unknown as ProbedWindow).__validateClicks?.at(-1)?.paintAt != null, undefined, { timeout: 30_000 });
  const { record, calls } = await page.evaluate(() => {
    const probed = window as unknown as ProbedWindow;
    const record = probed.__validateClicks?.at(-1);
    const calls = (probed.__workerCalls ?? []).filter((c) => record && c.sentAt >= record.clickAt && record.domAt !== null && c.sentAt <= record.domAt);
    return { record, calls };
  });
  if (!record) throw new Error('no click on "Je valide" was seen');
  return { record, calls };
}

/** One student, signed in on a new page of the machine, takes the campaign to its end screen. */
async function participation(context: BrowserContext, learnerIndex: number): Promise<Transition[]> {
  const learner = demoLearners(0)[learnerIndex - 1];
  if (!learner) throw new Error(`no demo learner ${learnerIndex}`);
  const page = await context.newPage();
  const student = new StudentCampaign(page);
  const transitions: Transition[] = [];
  try {
    await page.goto(`/campagnes/${CODE}`);
    await new LabMachine(page).signInStudent('2NDE A', `${learner.lastName} ${learner.firstName}`, demoBirthDate(learner.id));
    await page.getByRole('button', { name: 'Je commence' }).click();
    await student.readRules();
    for (let n = 0; n < 120; n++) {
      const step = await student.step();
      if (step === 'end') return transitions;
      if (step === 'checkpoint') {
        await page.getByRole('button', { name: /Continuer mon parcours|Voir mes résultats/ }).click();
        continue;
      }
      const challenge = full(await student.challengeId());
      if (challenge.timer !== undefined) await page.getByRole('button', { name: 'Commencer', exact: true }).click();
      // Right, except every third: both paths of the engine.
      await student.fill(challenge, n % 3 === 2 ? wrongAnswer(challenge) : correctAnswer(challenge));
      await page.getByRole('button', { name: 'Je valide', exact: true }).click();
      const { record, calls } = await lastValidate(page);
      if (record.from !== challenge.id || record.kind === null || record.domAt === null || record.paintAt === null) {
        throw new Error(`validate of ${challenge.id} not measured: ${JSON.stringify(record)}`);
      }
      const clickAt = record.clickAt;
      const domAt = record.domAt;
      // Clipped to [click, heading]; a call not answered by then counts until the heading.
      const span = (c: WorkerCall): [number, number] => [Math.max(clickAt, c.sentAt), Math.min(domAt, c.repliedAt ?? domAt)];
      // syncStatus feeds the sync indicator, beside the answer's path: not what the screen waits for.
      const awaited = calls.filter((c) => c.method !== 'syncStatus').map(span).sort((a, b) => a[0] - b[0]);
      let waited = 0;
      let reached = clickAt;
      for (const [from, to] of awaited) {
        waited += Math.max(0, to - Math.max(from, reached));
        reached = Math.max(reached, to);
      }
      for (const c of record.kind === 'challenge' ? calls : []) {
        const [from, to] = span(c);
        const list = perMethod.get(c.method) ?? [];
        perMethod.set(c.method, list);
        list.push(to - from);
      }
      const submit = calls.find((c) => c.method === 'submitAnswer');
      transitions.push({
        kind: record.kind,
        dom: domAt - clickAt,
        painted: record.paintAt - clickAt,
        submit: submit ? span(submit)[1] - span(submit)[0] : Number.NaN,
        worker: waited,
      });
      if (record.kind === 'challenge') callNames.add(calls.map((c) => c.method).join(' → '));
    }
    throw new Error(`the campaign did not end for ${learner.id}`);
  } finally {
    await page.close();
  }
}

async function coldStarts(context: BrowserContext): Promise<ColdStart[]> {
  await context.addInitScript({ content: COLD_START_PROBE });
  const figures: ColdStart[] = [];
  for (let i = 0; i < COLD_STARTS; i++) {
    const page = await context.newPage();
    try {
      await page.goto('/');
      await page.waitForFunction(() => (window as unknown as ProbedWindow).__coldStart?.paintAt != null, undefined, { timeout: 30_000 });
      const t = await page.evaluate(() => (window as unknown as ProbedWindow).__coldStart);
      if (!t || t.buttonAt === null || t.fieldAt === null || t.paintAt === null) throw new Error('cold start not measured');
      if (!t.controlled) throw new Error('the cold start page is not controlled by the service worker');
      figures.push({ button: t.buttonAt, field: t.fieldAt, painted: t.paintAt });
    } finally {
      await page.close();
    }
  }
  return figures;
}

async function measure(): Promise<{ transitions: Transition[]; participations: number; colds: ColdStart[] }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pixlab-bench-student-'));
  const relay = await startRelay({ port: PORT, dataDir });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const context = await browser.newContext({ baseURL: relay.url, serviceWorkers: 'allow', locale: 'fr-FR' });
    await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
    await context.addInitScript({ content: VALIDATE_PROBE });
    const setup = await context.newPage();
    await new LabMachine(setup).enrol('Banc de mesure – poste 1');
    await waitForServiceWorkerControl(setup);
    await setup.close();

    const transitions: Transition[] = [];
    let participations = 0;
    for (let k = 0; k < MAX_STUDENTS && transitions.filter((t) => t.kind === 'challenge').length < WANTED_ANSWERS; k++) {
      transitions.push(...(await participation(context, FIRST_STUDENT + k)));
      participations++;
    }

    await relay.stop();
    await context.setOffline(true);
    const colds = await coldStarts(context);
    await context.close();
    return { transitions, participations, colds };
  } finally {
    await browser.close();
    await relay.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

interface Chunk {
  file: string;
  raw: number;
  gzip: number;
  /** Raw generated bytes by origin (npm package or src folder), from the source map. */
  origins: Map<string, number>;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The source index of each generated segment, per line: enough of the VLQ mappings to count bytes by source. */
function bytesBySource(code: string, mappings: string): Map<number, number> {
  const bytes = new Map<number, number>();
  const lines = code.split('\n');
  let source = 0;
  mappings.split(';').forEach((line, lineIndex) => {
    const length = lines[lineIndex]?.length ?? 0;
    let column = 0;
    const segments: { column: number; source: number | null }[] = [];
    for (const segment of line.split(',')) {
      if (segment === '') continue;
      const values: number[] = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = BASE64.indexOf(char);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += values[0] ?? 0;
      if (values.length > 1) source += values[1] ?? 0;
      segments.push({ column, source: values.length > 1 ? source : null });
    }
    segments.forEach((s, i) => {
      if (s.source === null) return;
      const end = segments[i + 1]?.column ?? length;
      bytes.set(s.source, (bytes.get(s.source) ?? 0) + Math.max(0, end - s.column));
    });
  });
  return bytes;
}

function originOf(source: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (pkg?.[1]) return pkg[1];
  const own = /(?:^|\/)(src\/[^/]+(?:\/[^/]+)?|workers|content)\//.exec(source);
  return own?.[1] ?? source.replace(/^(\.\.\/)+/, '');
}

function initialJavaScript(): Chunk[] {
  const html = readFileSync('dist/index.html', 'utf8');
  const urls = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map((m) => m[1] ?? '');
  return urls.map((url) => {
    const file = join('dist', url.replace(/^\//, ''));
    const code = readFileSync(file, 'utf8');
    const origins = new Map<string, number>();
    if (existsSync(`${file}.map`)) {
      const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[]; mappings: string };
      for (const [index, bytes] of bytesBySource(code, map.mappings)) {
        const origin = originOf(map.sources[index] ?? '?');
        origins.set(origin, (origins.get(origin) ?? 0) + bytes);
      }
    }
    return { file: url, raw: statSync(file).size, gzip: gzipSync(readFileSync(file)).length, origins };
  });
}

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;

function spread(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  return `${ms(percentile(sorted, 50))} / ${ms(percentile(sorted, 95))} / ${ms(sorted.at(-1) ?? Number.NaN)}`;
}

export async function run(): Promise<{ title: string; markdown: string }> {
  ensureBuilt();
  const loadBefore = loadavg();
  const { transitions, participations, colds } = await measure();
  const loadAfter = loadavg();
  const chunks = initialJavaScript();

  const toChallenge = transitions.filter((t) => t.kind === 'challenge');
  const toStep = transitions.filter((t) => t.kind !== 'challenge');
  const totalRaw = chunks.reduce((sum, c) => sum + c.raw, 0);
  const totalGzip = chunks.reduce((sum, c) => sum + c.gzip, 0);
  const origins = new Map<string, { raw: number; gzip: number }>();
  for (const chunk of chunks) {
    const mapped = [...chunk.origins.values()].reduce((a, b) => a + b, 0) || 1;
    for (const [origin, bytes] of chunk.origins) {
      const entry = origins.get(origin) ?? { raw: 0, gzip: 0 };
      entry.raw += bytes;
      entry.gzip += (bytes / mapped) * chunk.gzip;
      origins.set(origin, entry);
    }
  }
  const topOrigins = [...origins.entries()].sort((a, b) => b[1].gzip - a[1].gzip).slice(0, 12);
  const mappedRaw = [...origins.values()].reduce((sum, o) => sum + o.raw, 0);
  const load = (l: number[]) => l.map((v) => v.toFixed(2)).join(', ');

  process.stdout.write(`bench: load average before ${load(loadBefore)}, after ${load(loadAfter)}\n`);
  return {
    title: 'Student screens: "Je valide" to the next challenge, offline cold start, initial JavaScript',
    markdown: `
Headless Chromium (\`--disable-gpu\`) on the built app served by the real relay (SQLite, demo school). Load average
(1, 5, 15 min) ${load(loadBefore)} before and ${load(loadAfter)} after: the machine is shared, figures under load are
pessimistic.

| figure | count | p50 / p95 / max | target |
| --- | ---: | ---: | --- |
| "Je valide" → next challenge painted (click → its heading in the DOM, then a frame), ${participations} participations in ${CODE} | ${toChallenge.length} | ${spread(toChallenge.map((t) => t.painted))} | p95 ≤ 40 ms |
| same, click → next challenge's heading in the DOM | ${toChallenge.length} | ${spread(toChallenge.map((t) => t.dom))} | |
| of which \`submitAnswer\` (worker round trip: check, recompute, strict IndexedDB commit) | ${toChallenge.length} | ${spread(toChallenge.map((t) => t.submit))} | |
| of which waiting on the worker (every call but \`syncStatus\`, overlaps counted once) | ${toChallenge.length} | ${spread(toChallenge.map((t) => t.worker))} | |
| of which the page (click → heading minus the wait on the worker: event, store, React render) | ${toChallenge.length} | ${spread(toChallenge.map((t) => t.dom - t.worker))} | |
${[...perMethod.entries()].map(([method, values]) => `| worker call \`${method}\`, each round trip | ${values.length} | ${spread(values)} | |`).join('\n')}
| "Je valide" → checkpoint or end screen painted (not in the target) | ${toStep.length} | ${spread(toStep.map((t) => t.painted))} | |
| offline cold start: navigation → code field "Saisissez le code du parcours" painted | ${colds.length} | ${spread(colds.map((c) => c.painted))} | ≤ 1 s |
| offline cold start: navigation → "J'ai un code" in the DOM | ${colds.length} | ${spread(colds.map((c) => c.button))} | |

Worker calls seen between a click and the next challenge, in order: ${[...callNames].map((n) => `\`${n}\``).join('; ')}.

Each student signs in on a new page of one enrolled machine (a new engine worker, as between two students), reads the
rules of the game and answers to the end screen, right except every third; timed challenges are started first. Times
are \`performance.now()\` inside the page from the click event to the next challenge's heading, and to a
\`requestAnimationFrame\` after it (the frame that paints it). The screen moves on only after \`submitAnswer\` has
resolved, i.e. the answer is committed to IndexedDB with strict durability ([SHOW-3]): the durable write is inside the
figure. The cold starts open new pages of the same context after the relay process is stopped and the context set
offline (each page controlled by the installed service worker); the page clicks "J'ai un code" itself as soon as it
appears.

Initial JavaScript of a student (${chunks.length} file(s): scripts and modulepreloads of index.html): **${kib(totalRaw)} raw,
${kib(totalGzip)} gzip** (target ≤ 150 KB gzip).

| file | raw | gzip |
| --- | ---: | ---: |
${chunks.map((c) => `| \`${c.file}\` | ${kib(c.raw)} | ${kib(c.gzip)} |`).join('\n')}

What it holds (raw bytes by origin from the source maps; gzip split in proportion, so approximate):

| origin | raw | gzip ≈ |
| --- | ---: | ---: |
${topOrigins.map(([origin, size]) => `| \`${origin}\` | ${kib(size.raw)} | ${kib(size.gzip)} |`).join('\n')}
| (${origins.size - topOrigins.length} smaller origins, and bytes no source map segment covers) | ${kib(totalRaw - topOrigins.reduce((sum, [, o]) => sum + o.raw, 0))} | |

${kib(mappedRaw)} of the ${kib(totalRaw)} raw are covered by source map segments.`,
  };
}
