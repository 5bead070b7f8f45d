import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Challenge, ContentManifest, ContentPack } from '../../src/core/content/types.ts';
import { isoToCanonicalBirthDate } from '../../src/core/sync/birth-date.ts';
import { demoLearners } from '../../sync-server/demo/demo-school.ts';
import type { EngineApi } from '../../workers/engine-api.ts';

/** The built engine worker's URL (hashed file name in dist/assets). */
export function engineWorkerUrl(): string {
  const file = readdirSync(join('dist', 'assets')).find((f) => /^engine\.worker-[\w-]+\.js$/.test(f));
  if (!file) throw new Error('engine worker not built: run npm run build');
  return `/assets/${file}`;
}

/** The pack the build shipped, with solutions, to answer right or wrong on purpose. */
export function shippedPack(): ContentPack {
  const manifest = JSON.parse(readFileSync(join('dist', 'content', 'manifest.json'), 'utf8')) as ContentManifest;
  return JSON.parse(readFileSync(join('dist', manifest.url.replace(/^\//, '')), 'utf8')) as ContentPack;
}

export function challengeById(pack: ContentPack): (id: string) => Challenge {
  const byId = new Map(pack.challenges.map((c) => [c.id, c]));
  return (id) => {
    const challenge = byId.get(id);
    if (!challenge) throw new Error(`unknown challenge ${id}`);
    return challenge;
  };
}

type Method = keyof EngineApi;
type Arg<M extends Method> = Parameters<EngineApi[M]>[0];
type Result<M extends Method> = Awaited<ReturnType<EngineApi[M]>>;

/**
 * Calls the real engine worker from the page through Comlink's wire protocol (APPLY with a RAW argument): the same
 * door the UI uses, without the UI. A second worker on the page, as a second tab would have: one per page load.
 */
export async function callEngine<M extends Method>(page: Page, url: string, method: M, arg: Arg<M>): Promise<Result<M>> {
  const value: unknown = await page.evaluate(
    async ({ url, method, arg }) => {
      const w = window as unknown as { __engine?: Worker };
      w.__engine ??= new Worker(url, { type: 'module' });
      const worker = w.__engine;
      const id = crypto.randomUUID();
      return new Promise<unknown>((resolve, reject) => {
        const onMessage = (event: MessageEvent<{ id: string; type: string; value: unknown }>) => {
          if (event.data.id !== id) return;
          worker.removeEventListener('message', onMessage);
          if (event.data.type === 'HANDLER') reject(new Error(JSON.stringify(event.data.value)));
          else resolve(event.data.value);
        };
        worker.addEventListener('message', onMessage);
        worker.postMessage({ id, type: 'APPLY', path: [method], argumentList: arg === undefined ? [] : [{ type: 'RAW', value: arg }] });
      });
    },
    { url, method, arg },
  );
  return value as Result<M>;
}

/** The birth date a demo student signs in with, as typed on screen (sync-server/demo/demo-school.ts). */
export function demoBirthDate(learnerId: string): string {
  const learner = demoLearners(0).find((l) => l.id === learnerId);
  if (!learner) throw new Error(`no demo learner ${learnerId}`);
  return isoToCanonicalBirthDate(learner.birthDate);
}

/**
 * Signs a demo student in on the page's engine worker ([SESSION-1]: the worker starts tests only for the student
 * signed in on its tab), waiting for the roster to reach the machine first. Each page load is a new worker.
 */
export async function signInOnWorker(page: Page, url: string, learnerId: string): Promise<void> {
  const birthDate = demoBirthDate(learnerId);
  for (let attempt = 0; attempt < 40; attempt++) {
    const outcome = await callEngine(page, url, 'signInLearner', { learnerId, birthDate });
    if (outcome.ok) return;
    if (outcome.reason !== 'unknown-learner') throw new Error(`sign-in of ${learnerId}: ${outcome.reason}`);
    await page.waitForTimeout(500);
  }
  throw new Error(`${learnerId} never reached this machine's roster`);
}
