/**
 * The challenge bank on the machine: the content pack is fetched once per version (the service worker precaches it,
 * so this works offline after the first load), stored in IndexedDB, and indexed in memory. Older versions stay while
 * a test may still be running on them: a test keeps the pack it started with.
 *
 * A campaign may run on a pack its school imported ([CAMPAIGNS-3]): asked for a version it does not hold, an enrolled
 * machine fetches it from the relay with its device token (the relay serves a school's packs to that school's
 * machines only) and keeps it, apart from the built-in versions it prunes. Offline, the version is simply missing:
 * it is asked for again later (campaign-packs.ts fetches campaigns' packs as soon as the machine is online).
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

/** Built-in versions kept on the machine (the current one and the ones tests may still be running on). */
export const KEPT_PACK_VERSIONS = 3;
/** What the relay names an imported pack by (a content hash). */
const PACK_VERSION_PATTERN = /^[0-9a-f]{16}$/;

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

  /** A given version: the machine's copy, else the relay's for an enrolled machine online; null when neither. */
  async version(version: string): Promise<LoadedContent | null> {
    const latest = await this.latest();
    if (latest.version === version) return latest;
    let entry = this.loaded.get(version);
    if (!entry) {
      entry = this.storedOrFetched(version);
      this.loaded.set(version, entry);
      // A miss is not remembered: the machine may be online, or enrolled, next time.
      void entry.then((found) => {
        if (!found) this.loaded.delete(version);
      });
    }
    return entry;
  }

  private async storedOrFetched(version: string): Promise<LoadedContent | null> {
    const stored = await this.deviceDb.packs.get(version);
    if (stored) return index(stored.version, stored.json);
    const json = await this.fetchImported(version);
    if (json === null) return null;
    await this.deviceDb.packs.put({ version, json, loadedAt: this.now(), imported: true });
    return index(version, json);
  }

  /** An imported pack from the relay, or null (not enrolled, offline, refused, or not the version asked for). */
  private async fetchImported(version: string): Promise<string | null> {
    if (!PACK_VERSION_PATTERN.test(version)) return null;
    const enrolment = await this.deviceDb.enrolment.get('device');
    if (!enrolment) return null;
    try {
      const response = await this.fetchImpl(`${this.baseUrl}/api/content/packs/${version}`, { headers: { authorization: `Bearer ${enrolment.token}` } });
      if (!response.ok) return null;
      const json = await response.text();
      return (JSON.parse(json) as Partial<ContentPack>).version === version ? json : null;
    } catch {
      return null;
    }
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
    // Imported packs stay for their campaigns: only built-in versions make way for newer ones.
    const versions = (await this.deviceDb.packs.orderBy('loadedAt').toArray()).filter((p) => !p.imported).map((p) => p.version);
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
