/**
 * The one typed door into the engine worker (STYLE.md point 2): the API type is built from small per-feature
 * handler maps; the worker exposes an object that satisfies it and the UI wraps it with Comlink. Methods take one
 * plain object and return plain data; expected failures come back as values, not thrown errors.
 */
import { createSystemHandlers } from './handlers/system.ts';
import type { SystemHandlers } from './handlers/system.ts';

export type EngineApi = SystemHandlers;

export function createEngineApi(): EngineApi {
  return {
    ...createSystemHandlers(),
  } satisfies EngineApi;
}
