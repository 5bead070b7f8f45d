/**
 * The sync indicator's state, read from the engine worker (which owns replication) when the worker says it changed:
 * the 'sync' live topic fires on every change of the answer log, of the relay's reachability and of the documents
 * the relay refused ([LIVE-3]). Nothing polls.
 */
import { create } from 'zustand';
import { getEngine } from '../data/engine-client.ts';
import type { SyncStatus } from '../data/engine-client.ts';
import { subscribeLive } from '../data/live.ts';
import { advanceProgress, startProgress } from './sync-progress.ts';
import type { SyncProgress } from './sync-progress.ts';

/** Quiet time after the last 'sync' announcement before the status is read again. */
export const SYNC_STATUS_SETTLE_MS = 300;

interface SyncStatusState {
  status: SyncStatus | null;
  syncing: boolean;
  /** Answers sent out of those waiting when "Synchroniser maintenant" was pressed; null outside a sync. */
  progress: SyncProgress | null;
  refresh: () => Promise<void>;
  /** Reads the status now and again on each change the worker announces; returns the unsubscribe function. */
  follow: () => () => void;
  syncNow: () => Promise<void>;
}

export const useSyncStatus = create<SyncStatusState>()((set, get) => {
  const apply = (status: SyncStatus): void => set((state) => ({ status, progress: state.progress && advanceProgress(state.progress, status.pendingAnswers) }));
  return {
    status: null,
    syncing: false,
    progress: null,
    async refresh() {
      apply(await getEngine().syncStatus());
    },
    follow() {
      void get().refresh();
      // Read once the burst is over: an answer's commit announces 'sync', and reading the status at that very moment
      // would queue behind (and delay) the next challenge in the worker.
      let timer: ReturnType<typeof setTimeout> | undefined;
      const stop = subscribeLive(getEngine(), ['sync'], () => {
        clearTimeout(timer);
        timer = setTimeout(() => void get().refresh(), SYNC_STATUS_SETTLE_MS);
      });
      return () => {
        clearTimeout(timer);
        stop();
      };
    },
    async syncNow() {
      set({ syncing: true });
      try {
        const before = await getEngine().syncStatus();
        set({ status: before, progress: startProgress(before.pendingAnswers) });
        // The progress bar moves with the 'sync' announcements that follow() listens to while answers are sent.
        apply(await getEngine().syncNow());
      } finally {
        set({ syncing: false, progress: null });
      }
    },
  };
});
