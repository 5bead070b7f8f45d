import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { certificationContract } from '../certification.contract.ts';
import { SqliteStore } from './sqlite-store.ts';

certificationContract('SQLite', () => {
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
