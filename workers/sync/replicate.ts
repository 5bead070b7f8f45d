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
  /** The last replication error (message), cleared by the next success; null when none. */
  lastError(): string | null;
  /** Resolves once every collection has caught up with the relay (or rejects if it cannot be reached). */
  awaitInSync(): Promise<void>;
  /** Re-runs pulls and pushes now ("Synchroniser maintenant"). */
  resync(): void;
  stop(): Promise<void>;
}

export function replicateLabDatabase(db: LabDatabase, connection: RelayConnection, options: { live: boolean; stream: boolean; identifier: string }): LabReplication {
  const states: RxReplicationState<unknown, Checkpoint>[] = [];
  const stops: (() => void)[] = [];
  let lastError: string | null = null;
  connection.onChange((r) => {
    if (r.unreachableSince === null) lastError = null;
  });

  const pullStreams = new Map(PULLED.map((name) => [name, new Subject<RxReplicationPullStreamItem<unknown, Checkpoint>>()]));
  if (options.stream) {
    // One connection for every collection (a browser allows six per origin, and each open tab has its own worker).
    stops.push(
      followEventStream(connection, `/api/replication/stream?collections=${PULLED.join(',')}`, (event) => {
        const parsed = JSON.parse(event.data) as 'RESYNC' | RxReplicationPullStreamItem<unknown, Checkpoint>;
        if (parsed === 'RESYNC') for (const stream of pullStreams.values()) stream.next('RESYNC');
        else pullStreams.get(event.name as CollectionName)?.next(parsed);
      }),
    );
  }

  for (const name of PULLED) {
    const collection = db[name] as unknown as RxCollection;
    const pullStream = pullStreams.get(name) as Subject<RxReplicationPullStreamItem<unknown, Checkpoint>>;
    const state = replicateRxCollection<unknown, Checkpoint>({
      collection,
      replicationIdentifier: `${options.identifier}:${name}`,
      live: options.live,
      retryTime: RETRY_MS,
      // Every worker (one per tab) sends its own writes: no leader to wait for (see engine.worker.ts).
      waitForLeadership: false,
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
    const errors = state.error$.subscribe((error) => {
      const causes = (error.parameters as { errors?: unknown[] } | undefined)?.errors ?? [];
      const detail = causes.map((c) => (c instanceof Error ? c.message : JSON.stringify(c))).join('; ');
      lastError = `${name}: ${error.code}${detail ? ` (${detail})` : ''}`;
      console.warn(`replication ${lastError}`);
    });
    stops.push(() => errors.unsubscribe());
    states.push(state);
  }

  return {
    states,
    lastError: () => lastError,
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
