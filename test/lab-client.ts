/**
 * A simulated lab machine for Node tests: the real lab database and replication modules on RxDB's memory
 * storage, talking to a real relay over HTTP (optionally through a faulty fetch).
 */
import { randomUUID } from 'node:crypto';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import type { AnswerDocument } from '../src/core/sync/documents.ts';
import { openLabDatabase } from '../workers/db/lab-database.ts';
import type { LabDatabase } from '../workers/db/lab-database.ts';
import { RelayConnection } from '../workers/sync/relay-connection.ts';
import { replicateLabDatabase } from '../workers/sync/replicate.ts';
import type { LabReplication } from '../workers/sync/replicate.ts';

export interface LabClient {
  name: string;
  db: LabDatabase;
  connection: RelayConnection;
  replication: LabReplication | null;
  start(): void;
  stop(): Promise<void>;
  close(): Promise<void>;
}

export async function createLabClient(options: { baseUrl: string; token: string; fetchImpl?: typeof fetch; live?: boolean; stream?: boolean }): Promise<LabClient> {
  const name = `lab${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const db = await openLabDatabase({ name, storage: getRxStorageMemory(), multiInstance: false });
  const connection = new RelayConnection(options.baseUrl, options.token, options.fetchImpl);
  const client: LabClient = {
    name,
    db,
    connection,
    replication: null,
    start() {
      client.replication ??= replicateLabDatabase(db, connection, { live: options.live ?? true, stream: options.stream ?? false, identifier: name });
    },
    async stop() {
      await client.replication?.stop();
      client.replication = null;
    },
    async close() {
      await client.stop();
      await db.remove();
    },
  };
  return client;
}

export function makeAnswer(overrides: Partial<AnswerDocument> & { id: string }): AnswerDocument {
  return {
    assessmentId: 'as-1',
    learnerId: 'demo-learner-01',
    challengeId: 'ch-1',
    value: { kind: 'choice', selected: [1] },
    result: 'ok',
    timeSpentMs: 1000,
    answeredAt: 1_767_225_600_000,
    deviceId: 'dev',
    index: 0,
    updatedAt: 0,
    _deleted: false,
    ...overrides,
  };
}
