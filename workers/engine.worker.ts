// Wiring only: the engine's behaviour lives in engine-api.ts and its handlers.
import { expose } from 'comlink';
import { addRxPlugin } from 'rxdb/plugins/core';
import { RxDBLeaderElectionPlugin } from 'rxdb/plugins/leader-election';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { ContentCache } from './content/content-cache.ts';
import { DeviceDb } from './db/device-db.ts';
import { openLabDatabase } from './db/lab-database.ts';
import { createEngineApi } from './engine-api.ts';
import { LabRuntime } from './runtime/lab-runtime.ts';

addRxPlugin(RxDBLeaderElectionPlugin);

const deviceDb = new DeviceDb();
const content = new ContentCache(deviceDb, '');
const runtime = new LabRuntime({
  // Answers are committed with strict durability before the worker answers the UI.
  openLabDb: () => openLabDatabase({ name: 'pixlab', storage: getRxStorageDexie({ chromeTransactionDurability: 'strict' }), multiInstance: true }),
  deviceDb,
  baseUrl: '',
  loadContent: (version) => (version ? content.version(version) : content.latest()),
});

expose(createEngineApi(runtime));
