/**
 * A lab machine's worker runtime for Node tests: the real bank compiled in memory, RxDB on memory storage, Dexie on
 * fake-indexeddb (import 'fake-indexeddb/auto' first), a clock the test moves. No relay: nothing replicates.
 */
import { randomUUID } from 'node:crypto';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { buildPackIndex } from '../src/core/content/pack-index.ts';
import type { Challenge } from '../src/core/content/types.ts';
import { flashItemsFromPack } from '../src/core/flash/content-pack-items.ts';
import { createFlashBank } from '../src/core/flash/flash-bank.ts';
import type { CampaignDocument } from '../src/core/sync/documents.ts';
import type { LoadedContent } from '../workers/content/content-cache.ts';
import { DeviceDb } from '../workers/db/device-db.ts';
import { openLabDatabase } from '../workers/db/lab-database.ts';
import { LabRuntime } from '../workers/runtime/lab-runtime.ts';
import { bankPack } from './bank.ts';

export interface BankRuntime {
  runtime: LabRuntime;
  content: LoadedContent;
  /** ms since epoch; tests move it. */
  clock: { now: number };
  challenge(id: string): Challenge;
  addCampaign(fields: Partial<CampaignDocument> & Pick<CampaignDocument, 'id' | 'code'>): Promise<void>;
  addLearner(id: string, active?: boolean): Promise<void>;
  dispose(): Promise<void>;
}

let loaded: LoadedContent | undefined;

export function bankContent(): LoadedContent {
  if (loaded) return loaded;
  const pack = bankPack();
  const index = buildPackIndex(pack);
  const bank = createFlashBank(flashItemsFromPack(pack));
  loaded = { version: pack.version, pack, index, flashBank: () => bank };
  return loaded;
}

/** `withContent: false` is a machine that never loaded a pack: loading it throws, as ContentCache.latest() does. */
export function createBankRuntime(options: { withContent?: boolean } = {}): BankRuntime {
  const content = bankContent();
  const clock = { now: 1_800_000_000_000 };
  const name = `lab${randomUUID().slice(0, 8)}`;
  const runtime = new LabRuntime({
    openLabDb: () => openLabDatabase({ name, storage: getRxStorageMemory(), multiInstance: false }),
    deviceDb: new DeviceDb(`device-${name}`),
    baseUrl: 'http://127.0.0.1:9',
    now: () => clock.now,
    loadContent: (version) => {
      if (options.withContent === false) return Promise.reject(new Error('no content pack on this machine yet'));
      return Promise.resolve(version === undefined || version === content.version ? content : null);
    },
  });
  return {
    runtime,
    content,
    clock,
    challenge(id) {
      const found = content.index.challengeById.get(id);
      if (!found) throw new Error(`unknown challenge ${id}`);
      return found;
    },
    async addCampaign(fields) {
      const db = await runtime.db();
      await db.campaigns.insert({
        organizationId: 'demo-org', name: 'Campagne', type: 'ASSESSMENT', title: 'Parcours de test', landingText: 'Bienvenue **à tous**.',
        targetSkillIds: content.pack.skills.filter((s) => s.tubeId === '@rechercheRequeteWeb').map((s) => s.id),
        multipleSendings: false, archivedAt: null, updatedAt: 1, _deleted: false, ...fields,
      });
    },
    async addLearner(id, active = true) {
      const db = await runtime.db();
      await db.learners.insert({
        id, organizationId: 'demo-org', lastName: 'MARTIN', firstName: 'Camille', className: '2NDE A', birthDateHash: 'h', birthDateSalt: 's', active, updatedAt: 1, _deleted: false,
      });
    },
    async dispose() {
      await (await runtime.db()).remove();
      runtime.deviceDb.close();
    },
  };
}
