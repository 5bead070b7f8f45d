import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { learnerImportContract } from '../learner-import.contract.ts';
import { SqliteStore } from './sqlite-store.ts';

learnerImportContract('SQLite', () => {
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
