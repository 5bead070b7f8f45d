/**
 * The challenge bank on the machine: the content pack is fetched once per version (the service worker precaches it,
 * so this works offline after the first load), stored in IndexedDB, and indexed in memory. Older versions stay while
 * a test may still be running on them: a test keeps the pack it started with.
 */
import type { ContentManifest, ContentPack } from '../../src/core/content/types.ts';
import { buildPackIndex } from '../../src/core/content/pack-index.ts';
import type { PackIndex } from '../../src/core/content/pack-index.ts';
import { createFlashBank } from '../../src/core/flash/flash-bank.ts';
import type { FlashBank } from '../../src/core/flash/flash-bank.ts';
import { flashItemsFromPack } from '../../src/core/flash/content-pack-items.ts';
import type { DeviceDb } from '../db/device-db.ts';

export interface LoadedContent {
  version: string;
  pack: ContentPack;
  index: PackIndex;
  /** Built on first use: only certification needs it. */
  flashBank(): FlashBank;
}

/** Versions kept on the machine (the current one and the ones tests may still be running on). */
export const KEPT_PACK_VERSIONS = 3;

export class ContentCache {
  private readonly loaded = new Map<string, Promise<LoadedContent | null>>();
  private current: Promise<LoadedContent> | undefined;

  constructor(
    private readonly deviceDb: DeviceDb,
    private readonly baseUrl: string,
    private readonly fetchImpl: typeof fetch = (input, init) => fetch(input, init),
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** The newest pack: the manifest's if it can be read, else the newest one stored on the machine. */
  latest(): Promise<LoadedContent> {
    this.current ??= this.loadLatest().catch((error: unknown) => {
      this.current = undefined;
      throw error;
    });
    return this.current;
  }

  /** A given version, if the machine has it. */
  async version(version: string): Promise<LoadedContent | null> {
    const latest = await this.latest();
    if (latest.version === version) return latest;
    let entry = this.loaded.get(version);
    if (!entry) {
      entry = this.deviceDb.packs.get(version).then((stored) => (stored ? index(stored.version, stored.json) : null));
      this.loaded.set(version, entry);
    }
    return entry;
  }

  private async loadLatest(): Promise<LoadedContent> {
    const manifest = await this.fetchJson<ContentManifest>('/content/manifest.json').catch(() => null);
    if (manifest) {
      const stored = await this.deviceDb.packs.get(manifest.version);
      if (stored) return index(stored.version, stored.json);
      const response = await this.fetchImpl(`${this.baseUrl}${manifest.url}`);
      if (response.ok) {
        const json = await response.text();
        await this.deviceDb.packs.put({ version: manifest.version, json, loadedAt: this.now() });
        await this.prune();
        return index(manifest.version, json);
      }
    }
    const newest = await this.deviceDb.packs.orderBy('loadedAt').last();
    if (!newest) throw new Error('no content pack on this machine yet: load the app once with the relay reachable');
    return index(newest.version, newest.json);
  }

  private async fetchJson<T>(path: string): Promise<T> {
    const response = await this.fetchImpl(`${this.baseUrl}${path}`, { cache: 'no-cache' });
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return (await response.json()) as T;
  }

  private async prune(): Promise<void> {
    const versions = await this.deviceDb.packs.orderBy('loadedAt').primaryKeys();
    const old = versions.slice(0, Math.max(0, versions.length - KEPT_PACK_VERSIONS));
    if (old.length > 0) await this.deviceDb.packs.bulkDelete(old);
  }
}

function index(version: string, json: string): LoadedContent {
  const pack = JSON.parse(json) as ContentPack;
  const built = buildPackIndex(pack);
  let bank: FlashBank | undefined;
  return {
    version,
    pack,
    index: built,
    flashBank: () => (bank ??= createFlashBank(flashItemsFromPack(pack))),
  };
}
