/** A relay on a real SQLite file in a temporary folder, seeded with the demo school, for inject() tests. */
import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../sync-server/app.ts';
import type { AppOptions } from '../sync-server/app.ts';
import { seedDemoSchool } from '../sync-server/demo/demo-school.ts';
import { SqliteStore } from '../sync-server/store/sqlite/sqlite-store.ts';
import type { Store } from '../sync-server/store/store.ts';
import type { ContentPack } from '../src/core/content/types.ts';

export interface TestRelay {
  app: FastifyInstance;
  store: Store;
  dir: string;
  close(): Promise<void>;
}

/** A tiny stand-in for the built app, so static serving can be tested without a Vite build. */
function writeFakeDist(distDir: string, pack: ContentPack | undefined): void {
  mkdirSync(join(distDir, 'assets'), { recursive: true });
  mkdirSync(join(distDir, 'content'), { recursive: true });
  writeFileSync(join(distDir, 'index.html'), '<!doctype html><title>Pix Lab</title><div id="root"></div>');
  writeFileSync(join(distDir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  writeFileSync(join(distDir, 'manifest.webmanifest'), '{"name":"Pix Lab"}');
  writeFileSync(join(distDir, 'assets', 'index-abc123.js'), 'console.log(1);');
  const version = pack?.version ?? '0123456789abcdef';
  writeFileSync(join(distDir, 'content', 'manifest.json'), JSON.stringify({ version, url: `/content/pack-${version}.json` }));
  if (pack) writeFileSync(join(distDir, 'content', `pack-${version}.json`), JSON.stringify(pack));
}

export interface StoreFactory {
  (dir: string): Promise<{ store: Store; dispose: () => Promise<void> }>;
}

export const sqliteFactory: StoreFactory = (dir) => {
  const store = new SqliteStore(join(dir, 'relay.sqlite'));
  return Promise.resolve({ store, dispose: () => store.close() });
};

export async function startTestRelay(
  options: { demo?: boolean; now?: () => number; storeFactory?: StoreFactory; pack?: ContentPack; app?: Partial<Omit<AppOptions, 'store' | 'distDir'>> } = {},
): Promise<TestRelay> {
  const dir = mkdtempSync(join(tmpdir(), 'pixlab-relay-'));
  const distDir = join(dir, 'dist');
  writeFakeDist(distDir, options.pack);
  const { store, dispose } = await (options.storeFactory ?? sqliteFactory)(dir);
  await store.migrate();
  if (options.demo ?? true) await seedDemoSchool(store, 1_767_225_600_000);
  const app = await buildApp({ ...options.app, store, distDir, ...(options.now ? { now: options.now } : {}) });
  return {
    app,
    store,
    dir,
    async close() {
      await app.close();
      await dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function loginAs(app: FastifyInstance, email: string, password = 'demo-pass-2026'): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`login ${email} failed: ${response.statusCode} ${response.body}`);
  return (response.json<{ token: string }>()).token;
}

/** Makes the relay listen on a free loopback port (for clients that speak real HTTP); answers its base URL. */
export async function listenOnLoopback(relay: TestRelay): Promise<string> {
  await relay.app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(relay.app.server.address() as AddressInfo).port}`;
}

/** Enrols a lab machine as the demo teacher; answers its device token. */
export async function enrolDevice(app: FastifyInstance, name = 'Poste'): Promise<string> {
  const teacher = await loginAs(app, 'enseignant@demo.local');
  const enrolled = await app.inject({ method: 'POST', url: '/api/devices', headers: { authorization: `Bearer ${teacher}` }, payload: { name } });
  if (enrolled.statusCode !== 201) throw new Error(`enrolment failed: ${enrolled.statusCode} ${enrolled.body}`);
  return enrolled.json<{ token: string }>().token;
}
