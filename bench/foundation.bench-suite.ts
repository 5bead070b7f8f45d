/**
 * Foundation figures: cold start of the relay, size of the initial JavaScript, time to first render offline.
 */
import { chromium } from '@playwright/test';
import { execSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { median, ms, percentile } from './machine.ts';
import { startRelay } from './relay-process.ts';

const PORT = 4390;
const STARTS = 5;
const OFFLINE_RELOADS = 15;

function ensureBuilt(): void {
  if (!existsSync('dist/index.html')) execSync('npm run build', { stdio: 'inherit' });
}

async function coldStarts(): Promise<{ fresh: number[]; existing: number[] }> {
  const fresh: number[] = [];
  const existing: number[] = [];
  for (let i = 0; i < STARTS; i++) {
    const dataDir = mkdtempSync(join(tmpdir(), 'pixlab-bench-'));
    try {
      const first = await startRelay({ port: PORT, dataDir });
      fresh.push(first.startupMs);
      await first.stop();
      const second = await startRelay({ port: PORT, dataDir });
      existing.push(second.startupMs);
      await second.stop();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return { fresh, existing };
}

function initialJavaScript(): { files: number; raw: number; gzip: number } {
  const html = readFileSync('dist/index.html', 'utf8');
  const urls = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map((m) => m[1] ?? '');
  let raw = 0;
  let gzip = 0;
  for (const url of urls) {
    const file = join('dist', url.replace(/^\//, ''));
    raw += statSync(file).size;
    gzip += gzipSync(readFileSync(file)).length;
  }
  return { files: urls.length, raw, gzip };
}

async function offlineFirstRender(): Promise<{ fcp: number[]; heading: number[] }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pixlab-bench-'));
  const relay = await startRelay({ port: PORT, dataDir });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const fcp: number[] = [];
  const heading: number[] = [];
  try {
    const context = await browser.newContext({ serviceWorkers: 'allow' });
    await context.addInitScript(() => {
      new MutationObserver((_records, observer) => {
        if (document.querySelector('h1')) {
          (window as unknown as { __h1At: number }).__h1At = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    const page = await context.newPage();
    await page.goto(`${relay.url}/`);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
      }
    });
    await context.setOffline(true);
    await relay.stop();
    for (let i = 0; i < OFFLINE_RELOADS; i++) {
      await page.reload();
      await page.waitForSelector('h1');
      const figures = await page.evaluate(() => ({
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
        h1: (window as unknown as { __h1At: number }).__h1At,
      }));
      fcp.push(figures.fcp);
      heading.push(figures.h1);
    }
  } finally {
    await browser.close();
    await relay.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return { fcp, heading };
}

export async function run(): Promise<{ title: string; markdown: string }> {
  ensureBuilt();
  const starts = await coldStarts();
  const js = initialJavaScript();
  const offline = await offlineFirstRender();
  const sortedFcp = [...offline.fcp].sort((a, b) => a - b);
  const sortedH1 = [...offline.heading].sort((a, b) => a - b);
  const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;
  return {
    title: 'Foundation: relay start, initial JavaScript, offline first render',
    markdown: `
| figure | value |
| --- | --- |
| relay cold start on an empty SQLite database (migrations + demo school), median of ${STARTS} | ${ms(median(starts.fresh), 0)} |
| relay start on an existing database, median of ${STARTS} | ${ms(median(starts.existing), 0)} |
| initial JavaScript (${js.files} file(s) linked from index.html) | ${kib(js.raw)} raw, ${kib(js.gzip)} gzip |
| first contentful paint, offline reload under the service worker (p50 / p95 of ${OFFLINE_RELOADS}) | ${ms(percentile(sortedFcp, 50))} / ${ms(percentile(sortedFcp, 95))} |
| home heading rendered, offline reload (p50 / p95 of ${OFFLINE_RELOADS}) | ${ms(percentile(sortedH1, 50))} / ${ms(percentile(sortedH1, 95))} |

Start times are from process spawn to the first \`200\` of \`/api/health\`, through \`tsx\` (TypeScript compiled on load).
Offline reloads run with the relay process stopped and the context offline: everything comes from the precache.`,
  };
}
