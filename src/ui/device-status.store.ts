/** What the page knows about this machine: durable storage and the engine worker. */
import { create } from 'zustand';
import { getEngine } from '../data/engine-client.ts';
import { checkStorageHealth, QUOTA_WARNING_RATIO } from '../data/storage-health.ts';

export type StorageNotice = { kind: 'none' } | { kind: 'not-persistent' } | { kind: 'quota-low'; percent: number } | { kind: 'error'; message: string };
export type EngineStatus = { kind: 'loading' } | { kind: 'ready' } | { kind: 'failed'; message: string };

interface DeviceStatusState {
  storage: StorageNotice;
  engine: EngineStatus;
  check: () => Promise<void>;
}

export const useDeviceStatus = create<DeviceStatusState>()((set) => ({
  storage: { kind: 'none' },
  engine: { kind: 'loading' },
  async check() {
    const [health, engine] = await Promise.all([
      checkStorageHealth(),
      getEngine()
        .ready()
        .then((): EngineStatus => ({ kind: 'ready' }))
        .catch((error: unknown): EngineStatus => ({ kind: 'failed', message: error instanceof Error ? error.message : String(error) })),
    ]);
    let storage: StorageNotice = { kind: 'none' };
    if (health.kind === 'unavailable') storage = { kind: 'error', message: health.message };
    else if (health.usageRatio !== null && health.usageRatio >= QUOTA_WARNING_RATIO) storage = { kind: 'quota-low', percent: Math.round(health.usageRatio * 100) };
    else if (!health.persisted) storage = { kind: 'not-persistent' };
    set({ storage, engine });
  },
}));
