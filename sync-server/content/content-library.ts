/**
 * The content packs the relay scores with, by version. The shipped pack is stored in the database at start, so a
 * test taken on an older pack is still scored with that pack after the relay is upgraded.
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

function load(pack: ContentPack): RelayContent {
  let bank: FlashBank | undefined;
  return { version: pack.version, pack, index: buildPackIndex(pack), flashBank: () => (bank ??= createFlashBank(flashItemsFromPack(pack))) };
}

export class ContentLibrary {
  private readonly cache = new Map<string, Promise<RelayContent | null>>();

  constructor(
    private readonly store: Store,
    private readonly shipped: ContentPack | null,
  ) {
    if (shipped) this.cache.set(shipped.version, Promise.resolve(load(shipped)));
  }

  /** Stores the shipped pack (once per version). */
  async init(now: number): Promise<void> {
    if (this.shipped) await this.store.saveContentPack(this.shipped.version, JSON.stringify(this.shipped), now);
  }

  get current(): ContentPack | null {
    return this.shipped;
  }

  /** The pack of a version, or the shipped one when the relay never had that version. */
  async forVersion(version: string): Promise<RelayContent | null> {
    let entry = this.cache.get(version);
    if (!entry) {
      entry = this.store.getContentPack(version).then((json) => (json ? load(JSON.parse(json) as ContentPack) : null));
      this.cache.set(version, entry);
    }
    return (await entry) ?? (this.shipped ? (this.cache.get(this.shipped.version) ?? null) : null);
  }
}
