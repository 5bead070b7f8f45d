/**
 * Replication of the lab machine's collections with the relay (SYNC.md): custom pull/push handlers, a live
 * stream, retries while the relay is unreachable. Answers reach the relay without anyone pressing anything.
 */
import { Subject } from 'rxjs';
import type { RxCollection, RxReplicationPullStreamItem } from 'rxdb/plugins/core';
import { replicateRxCollection } from 'rxdb/plugins/replication';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import type { CollectionName } from '../../src/core/sync/documents.ts';
import type { LabDatabase } from '../db/lab-database.ts';
import { followEventStream } from './event-stream.ts';
import type { RelayConnection } from './relay-connection.ts';

export interface Checkpoint {
  seq: number;
}

/** Documents per pull and per push. */
export const PULL_BATCH = 200;
export const PUSH_BATCH = 100;
/** How long RxDB waits before retrying a failed pull or push. */
export const RETRY_MS = 3_000;

const PUSHED: readonly CollectionName[] = ['answers', 'assessments'];
const PULLED: readonly CollectionName[] = ['answers', 'assessments', 'learners', 'campaigns'];

/** RxDB may hand internal fields to the push handler; the relay accepts only the document's own. */
function forRelay(doc: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(doc).filter(([key]) => key === '_deleted' || !key.startsWith('_')));
}

export interface LabReplication {
  states: RxReplicationState<unknown, Checkpoint>[];
  /** Resolves once every collection has caught up with the relay (or rejects if it cannot be reached). */
  awaitInSync(): Promise<void>;
  /** Re-runs pulls and pushes now ("Synchroniser maintenant"). */
  resync(): void;
  stop(): Promise<void>;
}

export function replicateLabDatabase(db: LabDatabase, connection: RelayConnection, options: { live: boolean; stream: boolean; identifier: string }): LabReplication {
  const states: RxReplicationState<unknown, Checkpoint>[] = [];
  const stops: (() => void)[] = [];

  for (const name of PULLED) {
    const collection = db[name] as unknown as RxCollection;
    const pullStream = new Subject<RxReplicationPullStreamItem<unknown, Checkpoint>>();
    if (options.stream) {
      stops.push(
        followEventStream(connection, `/api/replication/${name}/stream`, (data) => {
          const parsed = JSON.parse(data) as 'RESYNC' | { documents: unknown[]; checkpoint: Checkpoint };
          pullStream.next(parsed === 'RESYNC' ? 'RESYNC' : (parsed as RxReplicationPullStreamItem<unknown, Checkpoint>));
        }),
      );
    }
    const state = replicateRxCollection<unknown, Checkpoint>({
      collection,
      replicationIdentifier: `${options.identifier}:${name}`,
      live: options.live,
      retryTime: RETRY_MS,
      waitForLeadership: true,
      autoStart: true,
      pull: {
        batchSize: PULL_BATCH,
        handler: async (checkpoint, batchSize) =>
          connection.request<{ documents: never[]; checkpoint: Checkpoint }>('GET', `/api/replication/${name}/pull?seq=${checkpoint?.seq ?? 0}&limit=${batchSize}`),
        stream$: pullStream.asObservable(),
      },
      ...(PUSHED.includes(name)
        ? {
            push: {
              batchSize: PUSH_BATCH,
              handler: async (rows) =>
                connection.request<never[]>(
                  'POST',
                  `/api/replication/${name}/push`,
                  rows.map((row) => ({
                    newDocumentState: forRelay(row.newDocumentState as Record<string, unknown>),
                    assumedMasterState: row.assumedMasterState ? forRelay(row.assumedMasterState as Record<string, unknown>) : null,
                  })),
                ),
            },
          }
        : {}),
    });
    states.push(state);
  }

  return {
    states,
    async awaitInSync() {
      await Promise.all(states.map((s) => s.awaitInSync()));
    },
    resync() {
      states.forEach((s) => s.reSync());
    },
    async stop() {
      stops.forEach((stop) => stop());
      await Promise.all(states.map((s) => s.cancel()));
    },
  };
}
