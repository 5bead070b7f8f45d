/**
 * The caller before anything else (sync-server/SPEC.md [AUTH-1], [AUTH-5], [AUTH-6]): protected routes answer 401
 * before reading a body, rate limits follow the parsed token, and event streams are capped.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { enrolDevice, listenOnLoopback, loginAs, startTestRelay } from '../../test/relay.ts';
import type { TestRelay } from '../../test/relay.ts';
import type { AppOptions } from '../app.ts';

let relay: TestRelay | undefined;
afterEach(async () => {
  await relay?.close();
  relay = undefined;
});

async function start(app: Partial<Omit<AppOptions, 'store' | 'distDir'>> = {}): Promise<TestRelay> {
  relay = await startTestRelay({ app });
  return relay;
}

/** What the relay may say to a caller it does not know: that it wants a token, nothing about the body. */
function expectBare401(response: { statusCode: number; json: <T>() => T }, where: string): void {
  expect(response.statusCode, where).toBe(401);
  const body = response.json<{ error: string; message: string }>();
  expect(body, where).toEqual({ error: 'unauthorized', message: 'Authentification requise : jeton absent, invalide ou expiré.' });
}

/** Routes anyone may call: everything else under /api needs a token. An invitee has no account yet ([TEAM-5]). */
const PUBLIC_ROUTES = ['GET /api/health', 'POST /api/auth/login', 'POST /api/auth/learner', 'GET /api/content/manifest', 'POST /api/invitations/lookup', 'POST /api/invitations/accept', 'GET /api/certification/verification/{code}'];

describe('[AUTH-1] the caller is checked before any body is read', () => {
  it('a push with no token and an invalid body gets 401 without schema detail; so does one with a forged token', async () => {
    const r = await start();
    for (const headers of [{}, { authorization: 'Bearer forged' }, { authorization: 'Basic abc' }]) {
      const invalid = await r.app.inject({ method: 'POST', url: '/api/replication/answers/push', headers, payload: [{ newDocumentState: { id: 42 } }] });
      expectBare401(invalid, 'invalid body');
      const notJson = await r.app.inject({ method: 'POST', url: '/api/replication/answers/push', headers: { ...headers, 'content-type': 'application/json' }, payload: '[{"newDocumentState":' });
      expectBare401(notJson, 'broken JSON');
      const notJsonType = await r.app.inject({ method: 'POST', url: '/api/replication/answers/push', headers: { ...headers, 'content-type': 'text/plain' }, payload: 'hello' });
      expectBare401(notJsonType, 'text body');
      const tooLarge = await r.app.inject({ method: 'POST', url: '/api/replication/answers/push', headers: { ...headers, 'content-type': 'application/json' }, payload: `[${'0,'.repeat(700_000)}0]` });
      expectBare401(tooLarge, 'body over the limit');
    }
  });

  it('campaign creation, device enrolment, pack import, learner codes and unlocks, stream queries: 401 first', async () => {
    const r = await start();
    const requests = [
      { method: 'POST', url: '/api/campaigns', payload: { name: 42 } },
      { method: 'POST', url: '/api/devices', payload: { name: '' } },
      { method: 'POST', url: '/api/content/packs', payload: { format: 'xml' } },
      { method: 'POST', url: '/api/learners/x/personal-code', payload: {} },
      { method: 'POST', url: '/api/learners/x/unlock-sign-in' },
      { method: 'PUT', url: '/api/organization/learner-sign-in', payload: { mode: 'nope' } },
      { method: 'GET', url: '/api/replication/stream?collections=secrets' },
      { method: 'GET', url: '/api/replication/answers/pull?seq=abc' },
    ] as const;
    for (const request of requests) expectBare401(await r.app.inject(request), `${request.method} ${request.url}`);
  });

  it('every /api route in the OpenAPI document needs a token unless it is declared public', async () => {
    const r = await start();
    const doc = (await r.app.inject('/api/docs/json')).json<{ paths: Record<string, Record<string, unknown>> }>();
    const seen: string[] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const method of Object.keys(methods)) {
        const route = `${method.toUpperCase()} ${path}`;
        seen.push(route);
        if (PUBLIC_ROUTES.includes(route)) continue;
        const url = path.replace(/\{[^}]+\}/g, 'x');
        expectBare401(await r.app.inject({ method: method.toUpperCase() as 'GET', url }), route);
      }
    }
    expect(seen).toEqual(expect.arrayContaining([...PUBLIC_ROUTES, 'POST /api/auth/logout', 'GET /api/devices', 'DELETE /api/devices/{id}']));
    for (const route of PUBLIC_ROUTES) {
      const [method, url] = route.split(' ') as ['GET' | 'POST', string];
      expect((await r.app.inject({ method, url })).statusCode, route).not.toBe(401);
    }
  });

  it('the OpenAPI document and unknown API paths stay reachable without a token', async () => {
    const r = await start();
    expect((await r.app.inject('/api/docs/json')).statusCode).toBe(200);
    expect((await r.app.inject('/api/nope')).statusCode).toBe(404);
  });
});

describe('[AUTH-5] the per-token allowance follows the parsed token', () => {
  it('extra spaces around the token share one allowance', async () => {
    const r = await start({ rateLimitPerMinute: 4 });
    const device = await enrolDevice(r.app);
    const variants = [`Bearer ${device}`, `Bearer  ${device}`, `Bearer ${device}  `, `Bearer \t${device}`];
    for (const authorization of variants) {
      expect((await r.app.inject({ method: 'GET', url: '/api/replication/answers/pull', headers: { authorization } })).statusCode, JSON.stringify(authorization)).toBe(200);
    }
    const limited = await r.app.inject({ method: 'GET', url: '/api/replication/answers/pull', headers: { authorization: `Bearer   ${device}` } });
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ error: 'rate_limited' });
  });

  it('each lab machine has its own allowance behind one address; callers without a valid token share their address', async () => {
    const r = await start({ rateLimitPerMinute: 3 });
    const first = await enrolDevice(r.app, 'Poste 1');
    const second = await enrolDevice(r.app, 'Poste 2');
    for (let i = 0; i < 3; i++) expect((await r.app.inject({ method: 'GET', url: '/api/replication/answers/pull', headers: { authorization: `Bearer ${first}` } })).statusCode).toBe(200);
    expect((await r.app.inject({ method: 'GET', url: '/api/replication/answers/pull', headers: { authorization: `Bearer ${first}` } })).statusCode).toBe(429);
    expect((await r.app.inject({ method: 'GET', url: '/api/replication/answers/pull', headers: { authorization: `Bearer ${second}` } })).statusCode).toBe(200);

    const forged = (i: number) => r.app.inject({ method: 'GET', url: '/api/replication/answers/pull', headers: { authorization: `Bearer forged-${i}` }, remoteAddress: '192.0.2.5' });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await forged(i)).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429]);
  });
});

describe('[AUTH-6] open event streams are capped per token and in total', () => {
  it('answers 429 beyond the cap of one token, and beyond the total; a closed stream frees its place', async () => {
    const r = await start({ streamLimits: { perCaller: 2, total: 3 } });
    const baseUrl = await listenOnLoopback(r);
    const teacher = await loginAs(r.app, 'enseignant@demo.local');
    const first = await enrolDevice(r.app, 'Poste 1');
    const second = await enrolDevice(r.app, 'Poste 2');
    const open: AbortController[] = [];
    /** Opens a stream; a refused one answers its status and JSON body, an open one stays open until the end. */
    const stream = async (token: string, spaces = ' '): Promise<{ status: number; body?: unknown }> => {
      const controller = new AbortController();
      const response = await fetch(`${baseUrl}/api/replication/stream?collections=answers`, { headers: { authorization: `Bearer${spaces}${token}` }, signal: controller.signal });
      if (response.status === 200) {
        open.push(controller);
        return { status: 200 };
      }
      return { status: response.status, body: await response.json() };
    };
    try {
      expect((await stream(first)).status).toBe(200);
      expect((await stream(first, '   ')).status).toBe(200);
      const perToken = await stream(first);
      expect(perToken).toEqual({ status: 429, body: { error: 'too_many_streams', message: expect.stringContaining('flux') as unknown } });
      expect((await stream(second)).status).toBe(200);
      const total = await stream(teacher);
      expect(total).toEqual({ status: 429, body: { error: 'too_many_streams', message: expect.stringContaining('relais') as unknown } });

      open.shift()?.abort();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect((await stream(teacher)).status).toBe(200);
    } finally {
      for (const controller of open) controller.abort();
    }
  });
});
