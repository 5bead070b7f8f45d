/** Chooses the store: PostgreSQL when DATABASE_URL is set, else SQLite in the data directory. */
import { join } from 'node:path';
import { PostgresStore } from './postgres/postgres-store.ts';
import { SqliteStore } from './sqlite/sqlite-store.ts';
import type { Store } from './store.ts';

export function openStore(options: { databaseUrl?: string | undefined; dataDir: string }): Store {
  if (options.databaseUrl) return new PostgresStore(options.databaseUrl);
  return new SqliteStore(join(options.dataDir, 'relay.sqlite'));
}
