import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContentPack } from '../../src/core/content/types.ts';
import { makePack } from '../../src/core/test/make-pack.ts';
import { SqliteStore } from '../store/sqlite/sqlite-store.ts';
import { CACHED_PACK_VERSIONS, ContentLibrary } from './content-library.ts';
import { withVersion } from './pack-version.ts';

function packWithLevels(levels: number[]): ContentPack {
  const { version: _test, ...unversioned } = makePack({ competences: [{ id: '1.1', tubes: [{ id: '@a', levels }] }] });
  return withVersion(unversioned);
}

let dir: string;
let store: SqliteStore;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pixlab-library-'));
  store = new SqliteStore(join(dir, 'relay.sqlite'));
  await store.migrate();
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the packs the relay scores with', () => {
  const shipped = packWithLevels([1, 2, 3]);

  it('[RESULTS-5] a version it does not hold gives null, never the shipped pack, and is not cached', async () => {
    const library = new ContentLibrary(store, shipped);
    await library.init(1);
    expect((await library.forVersion(shipped.version))?.version).toBe(shipped.version);
    for (let k = 0; k < 200; k++) expect(await library.forVersion(`deadbeef${String(k).padStart(8, '0')}`)).toBeNull();
    expect(library.cachedVersions).toBe(0);
  });

  it('[RESULTS-5] keeps at most a few other versions loaded, the most recently used', async () => {
    const library = new ContentLibrary(store, shipped);
    const others = Array.from({ length: CACHED_PACK_VERSIONS + 3 }, (_, k) => packWithLevels([1, 2, 3, 4 + k]));
    for (const pack of others) await store.saveContentPack(pack.version, JSON.stringify(pack), 1);
    const [first, ...rest] = others as [ContentPack, ...ContentPack[]];
    const loaded = await library.forVersion(first.version);
    for (const pack of rest) {
      expect((await library.forVersion(pack.version))?.version).toBe(pack.version);
      // The first one stays the most recently used: it is never the one dropped.
      expect(await library.forVersion(first.version)).toBe(loaded);
    }
    expect(library.cachedVersions).toBe(CACHED_PACK_VERSIONS);
    // Two lookups of one version in flight share one load.
    const [a, b] = await Promise.all([library.forVersion(rest[0]?.version ?? ''), library.forVersion(rest[0]?.version ?? '')]);
    expect(a).toBe(b);
  });
});
