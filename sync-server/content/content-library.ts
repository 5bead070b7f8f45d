/**
 * The content packs the relay scores with, by version. The shipped pack is stored in the database at start, so a
 * test taken on an older pack is still scored with that pack after the relay is upgraded. A version the relay does
 * not hold gives null, never another pack ([RESULTS-5]).
 *
 * A pack a school imported scores that school's tests only ([STORE-CAMPAIGN-2]): another school's test naming its
 * version is kept unscored, as for a version the relay does not hold ([RESULTS-5]), and learns nothing of it.
 *
 * Memory: the shipped pack stays loaded; other versions are kept in a small least-recently-used cache, and only
 * versions that exist are cached, so version strings sent by clients cannot grow it. Lookups of one version in
 * flight are shared. Which organisation may use which version is remembered once found (imports are never undone).
 */
import { buildPackIndex } from '../../src/core/content/pack-index.ts';
import type { PackIndex } from '../../src/core/content/pack-index.ts';
import type { ContentPack } from '../../src/core/content/types.ts';
import { createFlashBank } from '../../src/core/flash/flash-bank.ts';
import type { FlashBank } from '../../src/core/flash/flash-bank.ts';
import { flashItemsFromPack } from '../../src/core/flash/content-pack-items.ts';
import type { Store } from '../store/store.ts';

export interface RelayContent {
  version: string;
  pack: ContentPack;
  index: PackIndex;
  flashBank(): FlashBank;
}

/** Loaded packs kept besides the shipped one (an index of the whole bank is a few megabytes). */
export const CACHED_PACK_VERSIONS = 8;

function load(pack: ContentPack): RelayContent {
  let bank: FlashBank | undefined;
  return { version: pack.version, pack, index: buildPackIndex(pack), flashBank: () => (bank ??= createFlashBank(flashItemsFromPack(pack))) };
}

/** No organisation has this id: asked for it, the store answers built-in packs only. */
const BUILT_IN_ONLY = '';

export class ContentLibrary {
  private readonly shippedContent: RelayContent | null;
  /** Insertion order is recency: the first key is the least recently used. */
  private readonly cache = new Map<string, RelayContent>();
  private readonly loading = new Map<string, Promise<RelayContent | null>>();
  /** `organisation \0 version` pairs found usable: only pairs that exist, so clients cannot grow it. */
  private readonly allowed = new Set<string>();

  constructor(
    private readonly store: Store,
    private readonly shipped: ContentPack | null,
  ) {
    this.shippedContent = shipped ? load(shipped) : null;
  }

  /** Stores the shipped pack (once per version). */
  async init(now: number): Promise<void> {
    if (this.shipped) await this.store.saveContentPack(this.shipped.version, JSON.stringify(this.shipped), now);
  }

  get current(): ContentPack | null {
    return this.shipped;
  }

  /** How many versions are loaded besides the shipped one (tests check the bound). */
  get cachedVersions(): number {
    return this.cache.size;
  }

  /** A built-in pack of exactly this version (the shipped one or an older one), or null. */
  async forVersion(version: string): Promise<RelayContent | null> {
    return this.forOrganization(BUILT_IN_ONLY, version);
  }

  /**
   * The pack of exactly this version when the organisation may use it (built in, or imported by it), else null:
   * what scores that organisation's tests ([STORE-CAMPAIGN-2], [RESULTS-5]).
   */
  async forOrganization(organizationId: string, version: string): Promise<RelayContent | null> {
    if (this.shippedContent?.version === version) return this.shippedContent;
    const key = `${organizationId}\0${version}`;
    const cached = this.cache.get(version);
    if (cached && this.allowed.has(key)) {
      this.cache.delete(version);
      this.cache.set(version, cached);
      return cached;
    }
    let pending = this.loading.get(key);
    if (!pending) {
      pending = this.fetch(organizationId, version).finally(() => this.loading.delete(key));
      this.loading.set(key, pending);
    }
    const content = await pending;
    if (content) this.allowed.add(key);
    return content;
  }

  private async fetch(organizationId: string, version: string): Promise<RelayContent | null> {
    const json = await this.store.getContentPackFor(organizationId, version);
    if (json === null) return null;
    const held = this.cache.get(version);
    if (held) return held;
    const content = load(JSON.parse(json) as ContentPack);
    this.cache.set(version, content);
    for (const oldest of this.cache.keys()) {
      if (this.cache.size <= CACHED_PACK_VERSIONS) break;
      this.cache.delete(oldest);
    }
    return content;
  }
}
