/** The UI's handle on the engine worker: one dedicated worker per page, wrapped once with Comlink. */
import { wrap } from 'comlink';
import type { Remote } from 'comlink';
import type { EngineApi } from '../../workers/engine-api.ts';

let engine: Remote<EngineApi> | undefined;

export function getEngine(): Remote<EngineApi> {
  engine ??= wrap<EngineApi>(new Worker(new URL('../../workers/engine.worker.ts', import.meta.url), { type: 'module', name: 'pixlab-engine' }));
  return engine;
}
