import { describe, expect, it } from 'vitest';
import { createEngineApi } from './engine-api.ts';
import { ENGINE_API_VERSION } from './handlers/system.ts';

describe('engine worker API', () => {
  it('answers ready() with its API version, as plain data that survives postMessage', async () => {
    const api = createEngineApi();
    const answer = await api.ready();
    expect(answer).toEqual({ ok: true, apiVersion: ENGINE_API_VERSION });
    expect(structuredClone(answer)).toEqual(answer);
  });

  it('exposes only functions, so Comlink can proxy every member', () => {
    const api = createEngineApi();
    const members = Object.entries(api);
    expect(members.length).toBeGreaterThan(0);
    for (const [name, member] of members) expect(typeof member, name).toBe('function');
  });
});
