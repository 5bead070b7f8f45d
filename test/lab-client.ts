/**
 * A simulated lab machine for Node tests: the real lab database and replication modules on RxDB's memory
 * storage (and its device database on fake-indexeddb), talking to a real relay over HTTP (optionally through a
 * faulty fetch).
 */
import { randomUUID } from 'node:crypto';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import type { AnswerDocument, AssessmentDocument } from '../src/core/sync/documents.ts';
import { DeviceDb } from '../workers/db/device-db.ts';
import { openLabDatabase } from '../workers/db/lab-database.ts';
import { RefusedDocuments } from '../workers/db/refused-documents.ts';
import type { LabCollections, LabDatabase } from '../workers/db/lab-database.ts';
import { RelayConnection } from '../workers/sync/relay-connection.ts';
import { replicateLabDatabase } from '../workers/sync/replicate.ts';
import type { LabReplication } from '../workers/sync/replicate.ts';

export interface LabClient {
  name: string;
  db: LabDatabase;
  /** Where refused documents are set aside (a device database on fake-indexeddb). */
  refused: RefusedDocuments;
  connection: RelayConnection;
  replication: LabReplication | null;
  start(): void;
  stop(): Promise<void>;
  close(): Promise<void>;
}

export interface LabClientOptions {
  baseUrl: string;
  token: string;
  fetchImpl?: typeof fetch;
  live?: boolean;
  stream?: boolean;
  /** Reports the machine's status to the relay, as the app does. */
  statusReport?: boolean;
  /** Shorter than the app's, so that tests meet many retries quickly. */
  retryMs?: number;
  pushBatch?: number;
  pullBatch?: number;
  /**
   * Open only these collections: RxDB's free version opens at most 13 collections per process, so tests running
   * more than two machines at once give each the ones it needs (the replication replicates what is open).
   */
  only?: readonly (keyof LabCollections)[];
}

export async function createLabClient(options: LabClientOptions): Promise<LabClient> {
  const name = `lab${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const db = await openLabDatabase({ name, storage: getRxStorageMemory(), multiInstance: false, ...(options.only ? { only: options.only } : {}) });
  const deviceDb = new DeviceDb(`device-${name}`, { indexedDB, IDBKeyRange });
  const refused = new RefusedDocuments(deviceDb);
  const connection = new RelayConnection(options.baseUrl, options.token, options.fetchImpl);
  const client: LabClient = {
    name,
    db,
    refused,
    connection,
    replication: null,
    start() {
      client.replication ??= replicateLabDatabase(db, connection, {
        live: options.live ?? true,
        stream: options.stream ?? false,
        identifier: name,
        refused,
        ...(options.statusReport ? { statusReport: { contentVersion: () => Promise.resolve(null) } } : {}),
        ...(options.retryMs !== undefined ? { retryMs: options.retryMs } : {}),
        ...(options.pushBatch !== undefined ? { pushBatch: options.pushBatch } : {}),
        ...(options.pullBatch !== undefined ? { pullBatch: options.pullBatch } : {}),
      });
    },
    async stop() {
      await client.replication?.stop();
      client.replication = null;
    },
    async close() {
      await client.stop();
      await db.remove();
      await deviceDb.delete();
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
    online: true,
    updatedAt: 0,
    _deleted: false,
    ...overrides,
  };
}

/** A started campaign test of a demo learner: the relay takes answers only into a test it holds. */
export function makeAssessment(overrides: Partial<AssessmentDocument> & { id: string }): AssessmentDocument {
  return {
    kind: 'campaign',
    learnerId: 'demo-learner-01',
    campaignId: 'camp-1',
    competenceId: null,
    sessionId: null,
    state: 'started',
    startedAt: 1_767_225_600_000,
    completedAt: null,
    sharedAt: null,
    deviceId: 'dev',
    contentVersion: '0123456789abcdef',
    priorChallengeIds: [],
    updatedAt: 0,
    _deleted: false,
    ...overrides,
  };
}
