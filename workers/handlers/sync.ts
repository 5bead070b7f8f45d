/** What the sync indicator shows, and "Synchroniser maintenant". */
import { countPendingAnswers } from '../db/pending-answers.ts';
import type { LabRuntime } from '../runtime/lab-runtime.ts';

/** A document the relay refused, as the machine keeps it aside ([SYNC-POISON-2]). */
export interface RefusedDocumentSummary {
  collection: string;
  id: string;
  /** HTTP status of the refusal; 0 when held back with its refused assessment. */
  status: number;
  code: string;
  /** The relay's message (French), shown as it is. */
  message: string;
  refusedAt: number;
}

export interface SyncStatus {
  enrolled: boolean;
  /** Answers written on this machine that the relay has not confirmed yet (refused ones are counted apart). */
  pendingAnswers: number;
  /** Documents the relay refused, kept on this machine and no longer sent: "1 réponse refusée par le relais". */
  refusedCount: number;
  refused: RefusedDocumentSummary[];
  lastSuccessAt: number | null;
  unreachableSince: number | null;
  /** The last replication failure (not a refusal: those are set aside); null when none. */
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
    const refused = await runtime.refused.list();
    const pendingAnswers = await countPendingAnswers(db, runtime.refused);
    const reachability = runtime.relay?.state ?? { lastSuccessAt: null, unreachableSince: null };
    return {
      enrolled,
      pendingAnswers,
      refusedCount: refused.length,
      refused: refused.map((r) => ({ collection: r.collection, id: r.id, status: r.status, code: r.code, message: r.message, refusedAt: r.refusedAt })),
      ...reachability,
      lastError: runtime.replicating?.lastError() ?? null,
    };
  };
  return {
    syncStatus: status,
    async syncNow() {
      await runtime.startSync();
      const replication = runtime.replicating;
      if (replication) {
        replication.resync();
        const wait = Promise.all([replication.awaitInSync(), replication.offerRefusedAgain()]).then(() => replication.reportStatus());
        await Promise.race([wait, new Promise((resolve) => setTimeout(resolve, SYNC_NOW_WAIT_MS))]).catch(() => undefined);
      }
      return status();
    },
  };
}
