/** Liveness of the engine worker: the UI waits for this before showing a test. */

/** Bumped when the worker's API changes shape, so a stale page and a new worker can tell. */
export const ENGINE_API_VERSION = 1;

export interface SystemHandlers {
  ready(): Promise<{ ok: true; apiVersion: number }>;
}

export function createSystemHandlers(): SystemHandlers {
  return {
    ready: () => Promise.resolve({ ok: true, apiVersion: ENGINE_API_VERSION }),
  };
}
