/** The sync indicator's state, polled from the engine worker (which owns replication). */
import { create } from 'zustand';
import { getEngine } from '../data/engine-client.ts';
import type { SyncStatus } from '../../workers/handlers/sync.ts';

/** How often the indicator refreshes while the page is open. */
export const SYNC_STATUS_POLL_MS = 3_000;

interface SyncStatusState {
  status: SyncStatus | null;
  syncing: boolean;
  refresh: () => Promise<void>;
  syncNow: () => Promise<void>;
}

export const useSyncStatus = create<SyncStatusState>()((set) => ({
  status: null,
  syncing: false,
  async refresh() {
    set({ status: await getEngine().syncStatus() });
  },
  async syncNow() {
    set({ syncing: true });
    try {
      set({ status: await getEngine().syncNow() });
    } finally {
      set({ syncing: false });
    }
  },
}));
