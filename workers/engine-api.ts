/**
 * The one typed door into the engine worker (STYLE.md point 2): the API type is built from small per-feature
 * handler maps; the worker exposes an object that satisfies it and the UI wraps it with Comlink. Methods take one
 * plain object and return plain data; expected failures come back as values, not thrown errors.
 */
import { createAssessmentHandlers } from './handlers/assessments.ts';
import type { AssessmentHandlers } from './handlers/assessments.ts';
import { createDeviceHandlers } from './handlers/device.ts';
import type { DeviceHandlers } from './handlers/device.ts';
import { createRosterHandlers } from './handlers/roster.ts';
import type { RosterHandlers } from './handlers/roster.ts';
import { createSyncHandlers } from './handlers/sync.ts';
import type { SyncHandlers } from './handlers/sync.ts';
import { createSystemHandlers } from './handlers/system.ts';
import type { SystemHandlers } from './handlers/system.ts';
import type { LabRuntime } from './runtime/lab-runtime.ts';

export type EngineApi = SystemHandlers & DeviceHandlers & RosterHandlers & SyncHandlers & AssessmentHandlers;

export function createEngineApi(runtime: LabRuntime): EngineApi {
  return {
    ...createSystemHandlers(),
    ...createDeviceHandlers(runtime),
    ...createRosterHandlers(runtime),
    ...createSyncHandlers(runtime),
    ...createAssessmentHandlers(runtime, runtime.deps.loadContent),
  } satisfies EngineApi;
}
