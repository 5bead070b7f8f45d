import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { campaignStoreContract } from '../campaign-store.contract.ts';
import { readMigrations } from '../migrations.ts';
import { SqliteStore } from './sqlite-store.ts';

function openSqlite() {
  const dir = mkdtempSync(join(tmpdir(), 'pixlab-store-'));
  const store = new SqliteStore(join(dir, 'relay.sqlite'));
  return Promise.resolve({
    store,
    async dispose() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  });
}

campaignStoreContract('SQLite', openSqlite);

describe('migration 011 on SQLite', () => {
  it('[STORE-CAMPAIGN-1] [STORE-CAMPAIGN-2] files stored before it: participations hang on their campaign, unimported packs are built in', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pixlab-store-'));
    const file = join(dir, 'relay.sqlite');
    try {
      // A database as migration 010 left it.
      const db = new Database(file);
      db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL)');
      for (const migration of readMigrations(join(import.meta.dirname, 'migrations')).filter((m) => m.version <= 10)) {
        db.exec(migration.sql);
        db.prepare('INSERT INTO schema_migrations (version, name) VALUES (?, ?)').run(migration.version, migration.name);
      }
      db.prepare("INSERT INTO organizations (id, name, uai, created_at) VALUES ('org-a', 'A', '0000001A', 1)").run();
      db.prepare("INSERT INTO users (id, organization_id, email, first_name, last_name, password_hash, roles, created_at) VALUES ('u', 'org-a', 'u@a', 'U', 'U', 'x', '[\"admin\"]', 1)").run();
      const insert = db.prepare("INSERT INTO documents (organization_id, collection, id, learner_id, parent_id, seq, updated_at, deleted, body) VALUES ('org-a', 'assessments', ?, 'l', NULL, ?, 1, 0, ?)");
      insert.run('as-1', 1, JSON.stringify({ id: 'as-1', kind: 'campaign', campaignId: 'camp-1' }));
      insert.run('as-2', 2, JSON.stringify({ id: 'as-2', kind: 'competence', campaignId: null }));
      db.prepare("INSERT INTO content_packs (version, body, stored_at) VALUES ('b1b1b1b1b1b1b1b1', '{}', 1), ('a1a1a1a1a1a1a1a1', '{}', 1)").run();
      db.prepare("INSERT INTO organization_content_packs VALUES ('org-a', 'a1a1a1a1a1a1a1a1', 'Banque', 'json', 1, 'u', 1)").run();
      db.close();

      const store = new SqliteStore(file);
      await store.migrate();
      expect((await store.getChildDocuments('org-a', 'assessments', ['camp-1'])).map((d) => d.id)).toEqual(['as-1']);
      expect(await store.getContentPackFor('org-b', 'b1b1b1b1b1b1b1b1')).toBe('{}');
      expect(await store.getContentPackFor('org-b', 'a1a1a1a1a1a1a1a1')).toBeNull();
      expect(await store.getContentPackFor('org-a', 'a1a1a1a1a1a1a1a1')).toBe('{}');
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
