/** The sync indicator's state, polled from the engine worker (which owns replication). */
import { create } from 'zustand';
import { getEngine } from '../data/engine-client.ts';
import type { SyncStatus } from '../data/engine-client.ts';
import { advanceProgress, startProgress } from './sync-progress.ts';
import type { SyncProgress } from './sync-progress.ts';

/** How often the indicator refreshes while the page is open. */
export const SYNC_STATUS_POLL_MS = 3_000;
/** While "Synchroniser maintenant" runs, the pending count is read this often to move the progress bar. */
export const SYNC_PROGRESS_POLL_MS = 500;

interface SyncStatusState {
  status: SyncStatus | null;
  syncing: boolean;
  /** Answers sent out of those waiting when "Synchroniser maintenant" was pressed; null outside a sync. */
  progress: SyncProgress | null;
  refresh: () => Promise<void>;
  syncNow: () => Promise<void>;
}

export const useSyncStatus = create<SyncStatusState>()((set) => ({
  status: null,
  syncing: false,
  progress: null,
  async refresh() {
    set({ status: await getEngine().syncStatus() });
  },
  async syncNow() {
    set({ syncing: true });
    const follow = (status: SyncStatus): void => set((state) => ({ status, progress: state.progress && advanceProgress(state.progress, status.pendingAnswers) }));
    let timer: ReturnType<typeof setInterval> | undefined;
    try {
      const before = await getEngine().syncStatus();
      set({ status: before, progress: startProgress(before.pendingAnswers) });
      timer = setInterval(() => void getEngine().syncStatus().then(follow), SYNC_PROGRESS_POLL_MS);
      follow(await getEngine().syncNow());
    } finally {
      clearInterval(timer);
      set({ syncing: false, progress: null });
    }
  },
}));
