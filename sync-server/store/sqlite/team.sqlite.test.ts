import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { teamContract } from '../team.contract.ts';
import { SqliteStore } from './sqlite-store.ts';

teamContract('SQLite', () => {
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
