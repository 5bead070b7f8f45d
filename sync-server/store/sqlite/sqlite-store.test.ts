import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storeContract } from '../store.contract.ts';
import { SqliteStore } from './sqlite-store.ts';

// A real SQLite file in a temporary folder (WAL needs a file, not :memory:).
storeContract('SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pixlab-store-'));
  const store = new SqliteStore(join(dir, 'relay.sqlite'));
  return Promise.resolve({
    store,
    async dispose() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  });
});
