/** What the sync indicator shows, and "Synchroniser maintenant". */
import { countPendingAnswers } from '../db/pending-answers.ts';
import type { LabRuntime } from '../runtime/lab-runtime.ts';

export interface SyncStatus {
  enrolled: boolean;
  /** Answers written on this machine that the relay has not confirmed yet. */
  pendingAnswers: number;
  lastSuccessAt: number | null;
  unreachableSince: number | null;
  /** The relay refused something (not a network failure): shown so it is not silently retried forever. */
  lastError: string | null;
}

export interface SyncHandlers {
  syncStatus(): Promise<SyncStatus>;
  syncNow(): Promise<SyncStatus>;
}

/** How long "Synchroniser maintenant" waits for the relay before reporting. */
const SYNC_NOW_WAIT_MS = 20_000;

export function createSyncHandlers(runtime: LabRuntime): SyncHandlers {
  const status = async (): Promise<SyncStatus> => {
    const enrolled = await runtime.startSync();
    const db = await runtime.db();
    const pendingAnswers = await countPendingAnswers(db);
    const reachability = runtime.relay?.state ?? { lastSuccessAt: null, unreachableSince: null };
    return { enrolled, pendingAnswers, ...reachability, lastError: runtime.replicating?.lastError() ?? null };
  };
  return {
    syncStatus: status,
    async syncNow() {
      await runtime.startSync();
      const replication = runtime.replicating;
      if (replication) {
        replication.resync();
        await Promise.race([replication.awaitInSync(), new Promise((resolve) => setTimeout(resolve, SYNC_NOW_WAIT_MS))]).catch(() => undefined);
      }
      return status();
    },
  };
}
