import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestRelay } from '../test/relay.ts';
import type { TestRelay } from '../test/relay.ts';
import { DEMO_ACCOUNTS } from './demo/demo-school.ts';

let relay: TestRelay;
beforeAll(async () => {
  relay = await startTestRelay();
});
afterAll(async () => {
  await relay.close();
});

describe('relay foundation', () => {
  it('GET /api/health answers ok with the version and the storage', async () => {
    const response = await relay.app.inject('/api/health');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', version: expect.stringMatching(/^\d+\.\d+\.\d+/) as unknown, storage: 'sqlite' });
  });

  it.each(DEMO_ACCOUNTS.map((a) => [a.email, a.role] as const))('logs in the demo account %s (%s)', async (email, role) => {
    const response = await relay.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: 'demo-pass-2026' } });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ token: string; user: { email: string; roles: string[]; organizationId: string; id: string } }>();
    expect(body.token).toMatch(/^[\w-]{40,}$/);
    expect(body.user).toMatchObject({ email, roles: [role], organizationId: 'demo-org' });
  });

  it('answers 401 JSON with the same message for a wrong password and an unknown email', async () => {
    const wrong = await relay.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'enseignant@demo.local', password: 'nope' } });
    const unknown = await relay.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'nobody@demo.local', password: 'nope' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.headers['content-type']).toMatch(/application\/json/);
    expect(wrong.json()).toEqual({ error: 'invalid_credentials', message: expect.any(String) as unknown });
    expect(unknown.json()).toEqual(wrong.json());
  });

  it('rejects a malformed login body with 400 JSON, not 500', async () => {
    for (const payload of [{ email: 'a@b.c' }, { email: 42, password: 'x' }, { email: 'a@b.c', password: 'x', extra: true }]) {
      const response = await relay.app.inject({ method: 'POST', url: '/api/auth/login', payload });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: 'bad_request' });
    }
    const notJson = await relay.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"email":' });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json()).toHaveProperty('message');
  });

  it('enrols a device with a teacher token (201) and refuses without a token (401) or with an invigilator token (403)', async () => {
    const teacher = await loginAs(relay.app, 'enseignant@demo.local');
    const enrolled = await relay.app.inject({ method: 'POST', url: '/api/devices', headers: { authorization: `Bearer ${teacher}` }, payload: { name: 'Salle B12 – poste 4' } });
    expect(enrolled.statusCode).toBe(201);
    const device = enrolled.json<{ deviceId: string; token: string }>();
    expect(device.deviceId).toMatch(/^[0-9a-f-]{36}$/);
    expect(device.token).not.toBe(teacher);
    expect(await relay.store.getDevice(device.deviceId)).toMatchObject({ organizationId: 'demo-org', name: 'Salle B12 – poste 4' });

    const anonymous = await relay.app.inject({ method: 'POST', url: '/api/devices', payload: { name: 'x' } });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ error: 'unauthorized' });

    const badToken = await relay.app.inject({ method: 'POST', url: '/api/devices', headers: { authorization: 'Bearer forged' }, payload: { name: 'x' } });
    expect(badToken.statusCode).toBe(401);

    const invigilator = await loginAs(relay.app, 'surveillant@demo.local');
    const refused = await relay.app.inject({ method: 'POST', url: '/api/devices', headers: { authorization: `Bearer ${invigilator}` }, payload: { name: 'x' } });
    expect(refused.statusCode).toBe(403);

    // A device token cannot enrol other devices.
    const byDevice = await relay.app.inject({ method: 'POST', url: '/api/devices', headers: { authorization: `Bearer ${device.token}` }, payload: { name: 'x' } });
    expect(byDevice.statusCode).toBe(403);
  });

  it('serves the app shell with the right caching and an SPA fallback', async () => {
    const index = await relay.app.inject('/');
    expect(index.statusCode).toBe(200);
    expect(index.headers['cache-control']).toBe('no-cache');
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    const deepLink = await relay.app.inject('/campagnes/QWERTY234');
    expect(deepLink.statusCode).toBe(200);
    expect(deepLink.body).toContain('<div id="root">');
    for (const path of ['/sw.js', '/manifest.webmanifest', '/content/manifest.json']) {
      expect((await relay.app.inject(path)).headers['cache-control'], path).toBe('no-cache');
    }
    const asset = await relay.app.inject('/assets/index-abc123.js');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('answers unknown API routes and missing files with JSON 404, never HTML', async () => {
    for (const path of ['/api/nope', '/missing.js']) {
      const response = await relay.app.inject(path);
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ error: 'not_found' });
    }
  });

  it('publishes the content manifest and the OpenAPI document', async () => {
    const manifest = await relay.app.inject('/api/content/manifest');
    expect(manifest.json()).toEqual({ version: '0123456789abcdef', url: '/content/pack-0123456789abcdef.json' });
    const openapi = await relay.app.inject('/api/docs/json');
    const doc = openapi.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/auth/login', '/api/devices']));
  });
});
