/**
 * Replication of the lab machine's collections with the relay (SYNC.md): custom pull/push handlers, a live
 * stream, retries while the relay is unreachable. Answers reach the relay without anyone pressing anything.
 * Documents the relay refuses are set aside with the reason and never block the others ([SYNC-POISON-1..4]).
 */
import { Subject } from 'rxjs';
import type { RxCollection, RxReplicationPullStreamItem } from 'rxdb/plugins/core';
import { replicateRxCollection } from 'rxdb/plugins/replication';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import type { CollectionName } from '../../src/core/sync/documents.ts';
import type { LabCollections, LabDatabase } from '../db/lab-database.ts';
import type { PushedCollection, RefusedDocuments } from '../db/refused-documents.ts';
import { followEventStream } from './event-stream.ts';
import { offerRefusedAgain } from './offer-again.ts';
import { OwnPushGate } from './own-push-gate.ts';
import { pushDocuments } from './push-documents.ts';
import type { PushDeps, PushRow } from './push-documents.ts';
import type { RelayConnection } from './relay-connection.ts';
import { collectDeviceStatus, startStatusReports } from './status-report.ts';
import type { StatusReporter } from './status-report.ts';

export interface Checkpoint {
  seq: number;
}

/** Documents per pull and per push. */
export const PULL_BATCH = 200;
export const PUSH_BATCH = 100;
/** How long RxDB waits before retrying a failed pull or push. */
export const RETRY_MS = 3_000;

// Learner events (problem reports, tutorials, resets) are the log too ([SYNC-EVENTS-1]): sent and pulled like answers.
const PUSHED: readonly CollectionName[] = ['answers', 'assessments', 'events'];
const PULLED: readonly (keyof LabCollections)[] = ['answers', 'assessments', 'learners', 'campaigns', 'events'];

export interface ReplicationOptions {
  live: boolean;
  stream: boolean;
  identifier: string;
  /** Where refused documents are set aside (the device database). */
  refused: RefusedDocuments;
  /** Reports the machine's status to the relay; `contentVersion` names the newest pack the machine holds. */
  statusReport?: { contentVersion: () => Promise<string | null> };
  /** Tests shorten these; the app uses the defaults. */
  retryMs?: number;
  pushBatch?: number;
  pullBatch?: number;
  now?: () => number;
}

export interface LabReplication {
  states: RxReplicationState<unknown, Checkpoint>[];
  refused: RefusedDocuments;
  /** The last replication error (message), cleared by the next success; null when none. */
  lastError(): string | null;
  /** Resolves once every collection has caught up with the relay (or rejects if it cannot be reached). */
  awaitInSync(): Promise<void>;
  /** Re-runs pulls and pushes now ("Synchroniser maintenant"). */
  resync(): void;
  /** Offers set-aside documents that deserve it to the relay again (offer-again.ts); rejects when unreachable. */
  offerRefusedAgain(): Promise<void>;
  /** Sends the status report now if it changed (null when this replication does not report). */
  reportStatus(): Promise<void>;
  stop(): Promise<void>;
}

function isPushed(name: CollectionName): boolean {
  return PUSHED.includes(name);
}

export function replicateLabDatabase(db: LabDatabase, connection: RelayConnection, options: ReplicationOptions): LabReplication {
  const states: RxReplicationState<unknown, Checkpoint>[] = [];
  const stops: (() => void)[] = [];
  const retryMs = options.retryMs ?? RETRY_MS;
  const pushBatch = options.pushBatch ?? PUSH_BATCH;
  const deps: PushDeps = { connection, refused: options.refused, now: options.now ?? (() => Date.now()) };
  let lastError: string | null = null;
  let stopped = false;
  stops.push(
    connection.onChange((r) => {
      if (r.unreachableSince === null) lastError = null;
    }),
  );

  const reporter: StatusReporter | null = options.statusReport
    ? startStatusReports(connection, () => collectDeviceStatus(db, options.refused, (options.statusReport as { contentVersion: () => Promise<string | null> }).contentVersion))
    : null;
  if (reporter) {
    stops.push(() => reporter.stop());
    stops.push(options.refused.onChange(() => reporter.poke()));
  }
  const activity = (): void => reporter?.poke();

  // One run at a time; a failed run (relay unreachable) is tried again after retryMs, until stopped.
  let offering: Promise<void> | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  const offerAgain = (): Promise<void> => {
    offering ??= offerRefusedAgain(db, deps, PUSHED, pushBatch).finally(() => {
      offering = null;
    });
    return offering;
  };
  const offerAgainInBackground = (): void => {
    if (stopped) return;
    offerAgain().catch(() => {
      clearTimeout(retryTimer);
      retryTimer = setTimeout(offerAgainInBackground, retryMs);
    });
  };
  stops.push(() => clearTimeout(retryTimer));

  const gate = new OwnPushGate();
  const pullStreams = new Map(PULLED.map((name) => [name, new Subject<RxReplicationPullStreamItem<unknown, Checkpoint>>()]));
  if (options.stream) {
    // One connection for every collection (a browser allows six per origin, and each open tab has its own worker).
    stops.push(
      followEventStream(connection, `/api/replication/stream?collections=${PULLED.join(',')}`, (event) => {
        const parsed = JSON.parse(event.data) as 'RESYNC' | RxReplicationPullStreamItem<unknown, Checkpoint>;
        const names = parsed === 'RESYNC' ? PULLED : [event.name as keyof LabCollections];
        // [SYNC-ACK] after the collection's push under way, so that its own documents coming back are not dropped.
        for (const name of names) gate.deliverInOrder(name, () => pullStreams.get(name)?.next(parsed));
      }),
    );
  }

  const pushHandler = (name: PushedCollection) => async (rows: PushRow[]) => {
    const { conflicts, acceptedIds } = await pushDocuments(deps, name, rows);
    activity();
    // Answers held back with an assessment the relay has just taken can follow it now.
    if (name === 'assessments' && acceptedIds.length > 0 && (await options.refused.childrenOf(acceptedIds)).length > 0) offerAgainInBackground();
    return conflicts as never[];
  };

  for (const name of PULLED) {
    // A database opened with some collections only (tests running several machines) replicates those.
    const collection = db.collections[name] as RxCollection | undefined;
    if (!collection) continue;
    const pullStream = pullStreams.get(name) as Subject<RxReplicationPullStreamItem<unknown, Checkpoint>>;
    const state = replicateRxCollection<unknown, Checkpoint>({
      collection,
      replicationIdentifier: `${options.identifier}:${name}`,
      live: options.live,
      retryTime: retryMs,
      // Every worker (one per tab) sends its own writes: no leader to wait for (see engine.worker.ts).
      waitForLeadership: false,
      autoStart: true,
      pull: {
        batchSize: options.pullBatch ?? PULL_BATCH,
        handler: async (checkpoint, batchSize) => {
          const page = await connection.request<{ documents: never[]; checkpoint: Checkpoint }>('GET', `/api/replication/${name}/pull?seq=${checkpoint?.seq ?? 0}&limit=${batchSize}`);
          if (page.documents.length > 0) {
            activity();
            // [SYNC-ACK] the page may hold this machine's own documents whose push is being acknowledged right now.
            await gate.settled(name);
          }
          return page;
        },
        stream$: pullStream.asObservable(),
      },
      ...(isPushed(name) ? { push: { batchSize: pushBatch, handler: pushHandler(name) as (rows: unknown[]) => Promise<never[]> } } : {}),
    });
    const errors = state.error$.subscribe((error) => {
      const causes = (error.parameters as { errors?: unknown[] } | undefined)?.errors ?? [];
      const detail = causes.map((c) => (c instanceof Error ? c.message : JSON.stringify(c))).join('; ');
      lastError = `${name}: ${error.code}${detail ? ` (${detail})` : ''}`;
      console.warn(`replication ${lastError}`);
    });
    stops.push(() => errors.unsubscribe());
    states.push(state);
    if (isPushed(name)) gate.watch(name, state);
  }

  // Documents refused by another version of the app may be taken now.
  offerAgainInBackground();
  reporter?.poke();

  return {
    states,
    refused: options.refused,
    lastError: () => lastError,
    async awaitInSync() {
      await Promise.all(states.map((s) => s.awaitInSync()));
    },
    resync() {
      states.forEach((s) => s.reSync());
      reporter?.poke();
    },
    offerRefusedAgain: offerAgain,
    reportStatus: () => reporter?.flush() ?? Promise.resolve(),
    async stop() {
      stopped = true;
      stops.forEach((stop) => stop());
      await Promise.all(states.map((s) => s.cancel()));
      await offering?.catch(() => undefined);
    },
  };
}
