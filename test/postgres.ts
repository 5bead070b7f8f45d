/**
 * A disposable PostgreSQL schema per test on the server at TEST_DATABASE_URL, so suites can run in parallel
 * and leave nothing behind.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { PostgresStore } from '../sync-server/store/postgres/postgres-store.ts';

export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  return url;
}

export async function openTestPostgres(): Promise<{ store: PostgresStore; dispose(): Promise<void> }> {
  const url = testDatabaseUrl();
  const schema = `t_${randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const store = new PostgresStore(url, { schema, max: 4 });
  return {
    store,
    async dispose() {
      await store.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`DROP SCHEMA ${schema} CASCADE`);
      await cleanup.end();
    },
  };
}
