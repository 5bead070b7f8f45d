// Wiring only: the engine's behaviour lives in engine-api.ts and its handlers.
// One dedicated worker per tab. Each replicates its own writes (the relay's push is idempotent), so nothing depends
// on change events crossing between workers; the deterministic answer id and a Web Lock per assessment keep two
// tabs from recording two answers for one position.
import { expose } from 'comlink';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { keepCampaignPacks } from './content/campaign-packs.ts';
import { ContentCache } from './content/content-cache.ts';
import { DeviceDb } from './db/device-db.ts';
import { openLabDatabase } from './db/lab-database.ts';
import { createEngineApi } from './engine-api.ts';
import { LabRuntime } from './runtime/lab-runtime.ts';

const deviceDb = new DeviceDb();
const content = new ContentCache(deviceDb, '');
const runtime = new LabRuntime({
  // Answers are committed with strict durability before the worker answers the UI.
  openLabDb: () => openLabDatabase({ name: 'pixlab', storage: getRxStorageDexie({ chromeTransactionDurability: 'strict' }), multiInstance: true }),
  deviceDb,
  baseUrl: '',
  loadContent: (version) => (version ? content.version(version) : content.latest()),
});
// An enrolled machine starts sending what it holds as soon as the worker starts, before anyone asks.
void runtime.startSync();
// [CAMPAIGNS-3] The packs the school's campaigns run on, fetched while online and kept for offline tests.
void runtime.db().then((db) =>
  keepCampaignPacks(db, content, (listener) => {
    self.addEventListener('online', listener);
    return () => self.removeEventListener('online', listener);
  }),
);

expose(createEngineApi(runtime));
