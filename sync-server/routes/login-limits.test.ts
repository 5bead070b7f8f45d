/**
 * Staff sign-in limits (sync-server/SPEC.md [AUTH-2], [AUTH-3]): which address the relay believes, and failures
 * counted per e-mail and per address once the body has been read. Small allowances keep the tests short; the
 * defaults are in auth/sign-in-limits.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startTestRelay } from '../../test/relay.ts';
import type { TestRelay } from '../../test/relay.ts';
import type { AppOptions } from '../app.ts';

const START = 1_767_225_600_000;
const FIFTEEN_MINUTES = 15 * 60_000;

let relay: TestRelay | undefined;
let clock = START;
afterEach(async () => {
  await relay?.close();
  relay = undefined;
});

async function start(app: Partial<Omit<AppOptions, 'store' | 'distDir'>>): Promise<TestRelay> {
  clock = START;
  relay = await startTestRelay({ now: () => clock, app });
  return relay;
}

function login(r: TestRelay, email: string, password: string, from: { address?: string; forwardedFor?: string } = {}) {
  return r.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
    ...(from.address ? { remoteAddress: from.address } : {}),
    ...(from.forwardedFor ? { headers: { 'x-forwarded-for': from.forwardedFor } } : {}),
  });
}

describe('[AUTH-2] X-Forwarded-For is believed only from configured proxies', () => {
  it('without TRUST_PROXY, a new forged address per request does not buy a new allowance', async () => {
    const r = await start({ signInLimits: { loginFailuresPerAddress: 3, loginFailuresPerEmail: 100 } });
    for (let i = 0; i < 3; i++) {
      expect((await login(r, `nobody${i}@demo.local`, 'wrong', { forwardedFor: `10.0.0.${i}` })).statusCode).toBe(401);
    }
    const blocked = await login(r, 'enseignant@demo.local', 'demo-pass-2026', { forwardedFor: '10.0.0.99' });
    expect(blocked.statusCode).toBe(429);
  });

  it('with TRUST_PROXY naming the proxy, each forwarded address has its own allowance', async () => {
    const r = await start({ trustProxy: ['127.0.0.1'], signInLimits: { loginFailuresPerAddress: 3, loginFailuresPerEmail: 100 } });
    for (let i = 0; i < 4; i++) {
      expect((await login(r, `nobody${i}@demo.local`, 'wrong', { forwardedFor: `10.0.0.${i}` })).statusCode).toBe(401);
    }
    for (let i = 0; i < 3; i++) expect((await login(r, `x${i}@demo.local`, 'wrong', { forwardedFor: '10.0.0.50' })).statusCode).toBe(401);
    expect((await login(r, 'enseignant@demo.local', 'demo-pass-2026', { forwardedFor: '10.0.0.50' })).statusCode).toBe(429);
    // The proxy's own address is not the one limited.
    expect((await login(r, 'enseignant@demo.local', 'demo-pass-2026', { forwardedFor: '10.0.0.51' })).statusCode).toBe(200);
  });

  it('with TRUST_PROXY as a hop count, the last forwarded address is the caller', async () => {
    const r = await start({ trustProxy: 1, signInLimits: { loginFailuresPerAddress: 2, loginFailuresPerEmail: 100 } });
    // The client forged "1.2.3.4"; the one proxy appended the address it saw.
    for (let i = 0; i < 2; i++) expect((await login(r, `n${i}@demo.local`, 'wrong', { forwardedFor: `1.2.3.${i}, 10.0.0.7` })).statusCode).toBe(401);
    expect((await login(r, 'enseignant@demo.local', 'demo-pass-2026', { forwardedFor: '1.2.3.99, 10.0.0.7' })).statusCode).toBe(429);
  });
});

describe('[AUTH-3] login failures are counted per e-mail and per address, after the body is read', () => {
  it('failing for one teacher does not block another behind the same address; the failing e-mail is refused with Retry-After, even with the right password', async () => {
    const r = await start({ signInLimits: { loginFailuresPerEmail: 3, loginFailuresPerAddress: 100 } });
    for (let i = 0; i < 3; i++) expect((await login(r, 'Enseignant@demo.local', 'wrong')).statusCode).toBe(401);

    const locked = await login(r, 'enseignant@demo.local', 'demo-pass-2026');
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toEqual({ error: 'too_many_attempts', message: expect.stringMatching(/Trop de tentatives.*15 minutes/) as unknown });
    expect(Number(locked.headers['retry-after'])).toBe(15 * 60);
    // The e-mail is locked from any address: the guesses were aimed at it.
    expect((await login(r, ' ENSEIGNANT@demo.local ', 'demo-pass-2026', { address: '10.9.9.9' })).statusCode).toBe(429);

    expect((await login(r, 'admin@demo.local', 'demo-pass-2026')).statusCode).toBe(200);

    clock += FIFTEEN_MINUTES;
    expect((await login(r, 'enseignant@demo.local', 'demo-pass-2026')).statusCode).toBe(200);
  });

  it('one address gets a larger allowance across e-mails; other addresses are not affected', async () => {
    const r = await start({ signInLimits: { loginFailuresPerEmail: 100, loginFailuresPerAddress: 4 } });
    for (let i = 0; i < 4; i++) expect((await login(r, `guess${i}@demo.local`, 'wrong', { address: '192.0.2.10' })).statusCode).toBe(401);
    const blocked = await login(r, 'admin@demo.local', 'demo-pass-2026', { address: '192.0.2.10' });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect((await login(r, 'admin@demo.local', 'demo-pass-2026', { address: '192.0.2.11' })).statusCode).toBe(200);
  });

  it('successful sign-ins do not use the allowance: a lab of teachers behind one address all get in', async () => {
    const r = await start({ signInLimits: { loginFailuresPerEmail: 2, loginFailuresPerAddress: 2 } });
    for (let i = 0; i < 5; i++) expect((await login(r, 'enseignant@demo.local', 'demo-pass-2026')).statusCode).toBe(200);
  });

  it('a malformed body is still refused with 400 and counts nothing', async () => {
    const r = await start({ signInLimits: { loginFailuresPerEmail: 1, loginFailuresPerAddress: 1 } });
    for (let i = 0; i < 3; i++) {
      expect((await r.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'enseignant@demo.local' } })).statusCode).toBe(400);
    }
    expect((await login(r, 'enseignant@demo.local', 'demo-pass-2026')).statusCode).toBe(200);
  });
});
