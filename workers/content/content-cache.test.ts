import 'fake-indexeddb/auto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBank } from '../../scripts/content/check-bank.ts';
import { REPO_ROOT } from '../../scripts/content/repo-paths.ts';
import type { ContentPack } from '../../src/core/content/types.ts';
import { withVersion } from '../../sync-server/content/pack-version.ts';
import { issueToken } from '../../sync-server/auth/tokens.ts';
import { bankPack } from '../../test/bank.ts';
import { otherSchool } from '../../test/campaign-relay.ts';
import { enrolDevice, listenOnLoopback, loginAs, startTestRelay } from '../../test/relay.ts';
import type { TestRelay } from '../../test/relay.ts';
import { DeviceDb } from '../db/device-db.ts';
import { campaignPackVersions } from './campaign-packs.ts';
import { ContentCache } from './content-cache.ts';

// A lab machine's content cache against a real relay over HTTP ([CAMPAIGNS-3]).
const shipped = bankPack();
let relay: TestRelay;
let origin: string;
let imported: ContentPack;

function fixturePack(): ContentPack {
  const { compiled, errors } = checkBank({ contentDir: join(REPO_ROOT, 'scripts/content/fixtures/valid'), root: REPO_ROOT });
  if (errors.length > 0) throw new Error('the valid fixture is broken');
  return withVersion(compiled.pack);
}

beforeAll(async () => {
  relay = await startTestRelay({ pack: shipped });
  origin = await listenOnLoopback(relay);
  imported = fixturePack();
  const admin = await loginAs(relay.app, 'admin@demo.local');
  const upload = await relay.app.inject({ method: 'POST', url: '/api/content/packs', headers: { authorization: `Bearer ${admin}` }, payload: { format: 'json', name: 'Banque du lycée', text: JSON.stringify(imported) } });
  expect(upload.statusCode).toBe(201);
});
afterAll(async () => relay.close());

async function machine(name: string, token: string | null): Promise<DeviceDb> {
  const db = new DeviceDb(`content-cache-${name}`);
  if (token) await db.enrolment.put({ key: 'device', deviceId: name, token, name, organizationId: 'demo-org', enrolledAt: 1 });
  return db;
}

const offline: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));

describe('the packs of the school campaigns on a lab machine', () => {
  it('[CAMPAIGNS-3] an enrolled machine fetches an imported pack it lacks, keeps it, and has it offline afterwards', async () => {
    const db = await machine('a', await enrolDevice(relay.app));
    const online = new ContentCache(db, origin);
    expect((await online.latest()).version).toBe(shipped.version);
    const loaded = await online.version(imported.version);
    expect(loaded?.version).toBe(imported.version);
    expect(loaded?.index.challengeById.size).toBe(imported.challenges.length);
    expect((await db.packs.get(imported.version))?.imported).toBe(true);
    // Another worker, the network gone: the machine's copy serves.
    const cut = new ContentCache(db, origin, offline);
    expect((await cut.version(imported.version))?.version).toBe(imported.version);
  });

  it('[CAMPAIGNS-3] offline or not enrolled: missing, and asked for again later rather than remembered as missing', async () => {
    const token = await enrolDevice(relay.app);
    const db = await machine('b', token);
    let network = false;
    const flaky: typeof fetch = (input, init) => (network ? fetch(input, init) : Promise.reject(new TypeError('Failed to fetch')));
    await db.packs.put({ version: shipped.version, json: JSON.stringify(shipped), loadedAt: 1 });
    const cache = new ContentCache(db, origin, flaky);
    expect(await cache.version(imported.version)).toBeNull();
    network = true;
    expect((await cache.version(imported.version))?.version).toBe(imported.version);
    const unenrolled = new ContentCache(await machine('c', null), origin);
    expect(await unenrolled.version(imported.version)).toBeNull();
  });

  it("[CAMPAIGNS-3] [STORE-CAMPAIGN-2] another school's machine gets nothing of it", async () => {
    const other = await otherSchool(relay.store, Date.now());
    const db = await machine('d', other.device);
    expect(await new ContentCache(db, origin).version(imported.version)).toBeNull();
    expect(await db.packs.get(imported.version)).toBeUndefined();
    // A forged token gets nothing either.
    const forged = await machine('e', await issueToken(relay.store, { type: 'device', id: 'no-such-device', organizationId: 'demo-org' }, Date.now()));
    expect(await new ContentCache(forged, origin).version(imported.version)).toBeNull();
  });

  it('[CAMPAIGNS-3] the versions to fetch: those of the active campaigns, each once', () => {
    expect(
      campaignPackVersions([
        { contentVersion: 'a1a1a1a1a1a1a1a1', archivedAt: null },
        { contentVersion: 'a1a1a1a1a1a1a1a1', archivedAt: null },
        { contentVersion: 'b2b2b2b2b2b2b2b2', archivedAt: 5 },
        { archivedAt: null },
      ]),
    ).toEqual(['a1a1a1a1a1a1a1a1']);
  });
});
