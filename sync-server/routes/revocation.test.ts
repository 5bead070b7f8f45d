/**
 * Revocation (sync-server/SPEC.md [AUTH-7]): sign-out, "Retirer ce poste", a device record that is gone, and
 * expiry all stop a token at once, including the event streams it already has open.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listenOnLoopback, loginAs, startTestRelay } from '../../test/relay.ts';
import type { TestRelay } from '../../test/relay.ts';
import { issueToken } from '../auth/tokens.ts';

const START = 1_767_225_600_000;
const OTHER_ORG = { id: 'org-2', name: 'Collège voisin', uai: '0999999Z', createdAt: START };

let relay: TestRelay;
let clock: number;
let teacher: string;
beforeEach(async () => {
  clock = START;
  // Streams are re-checked every 50 ms here (30 s in service) so that expiry and out-of-band deletions show quickly.
  relay = await startTestRelay({ now: () => clock, app: { streamCheckIntervalMs: 50 } });
  teacher = await loginAs(relay.app, 'enseignant@demo.local');
});
afterEach(async () => relay.close());

const bearer = (token: string): { authorization: string } => ({ authorization: `Bearer ${token}` });

async function enrol(name: string): Promise<{ deviceId: string; token: string }> {
  const response = await relay.app.inject({ method: 'POST', url: '/api/devices', headers: bearer(teacher), payload: { name } });
  expect(response.statusCode).toBe(201);
  return response.json<{ deviceId: string; token: string }>();
}

function pull(token: string) {
  return relay.app.inject({ method: 'GET', url: '/api/replication/answers/pull?seq=0', headers: bearer(token) });
}

/** Opens the combined stream over real HTTP; `ended` settles when the relay closes it. */
async function openStream(baseUrl: string, token: string, collections = 'answers'): Promise<{ ended: Promise<'ended'>; abort: () => void }> {
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}/api/replication/stream?collections=${collections}`, { headers: bearer(token), signal: controller.signal });
  expect(response.status).toBe(200);
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const ended = (async (): Promise<'ended'> => {
    for (;;) {
      const { done } = await reader.read().catch(() => ({ done: true }));
      if (done) return 'ended';
    }
  })();
  return { ended, abort: () => controller.abort() };
}

const within = <T>(promise: Promise<T>, ms: number): Promise<T | 'still open'> =>
  Promise.race([promise, new Promise<'still open'>((resolve) => setTimeout(() => resolve('still open'), ms))]);

describe('[AUTH-7] POST /api/auth/logout', () => {
  it("revokes the caller's own token (204) and no other; without a token 401", async () => {
    const other = await loginAs(relay.app, 'enseignant@demo.local');
    const out = await relay.app.inject({ method: 'POST', url: '/api/auth/logout', headers: bearer(teacher) });
    expect(out.statusCode).toBe(204);
    const after = await relay.app.inject({ method: 'GET', url: '/api/campaigns', headers: bearer(teacher) });
    expect(after.statusCode).toBe(401);
    expect(after.json()).toMatchObject({ error: 'unauthorized' });
    expect((await relay.app.inject({ method: 'GET', url: '/api/campaigns', headers: bearer(other) })).statusCode).toBe(200);
    expect((await relay.app.inject({ method: 'POST', url: '/api/auth/logout', headers: bearer(teacher) })).statusCode).toBe(401);
    expect((await relay.app.inject({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(401);
  });

  it("revokes a student's token too", async () => {
    const signedIn = await relay.app.inject({ method: 'POST', url: '/api/auth/learner', payload: { uai: '0000000A', lastName: 'MARTIN', firstName: 'Camille', birthDate: '14/03/2010' } });
    const { token } = signedIn.json<{ token: string }>();
    expect((await pull(token)).statusCode).toBe(200);
    expect((await relay.app.inject({ method: 'POST', url: '/api/auth/logout', headers: bearer(token) })).statusCode).toBe(204);
    expect((await pull(token)).statusCode).toBe(401);
  });

  it('ends the streams that token had open, and only those', async () => {
    const baseUrl = await listenOnLoopback(relay);
    const other = await loginAs(relay.app, 'admin@demo.local');
    const mine = await openStream(baseUrl, teacher);
    const theirs = await openStream(baseUrl, other);
    expect((await relay.app.inject({ method: 'POST', url: '/api/auth/logout', headers: bearer(teacher) })).statusCode).toBe(204);
    expect(await within(mine.ended, 2_000)).toBe('ended');
    expect(await within(theirs.ended, 200)).toBe('still open');
    theirs.abort();
  });
});

describe('[AUTH-7] the lab machines of a school: GET /api/devices, DELETE /api/devices/:id ("Retirer ce poste")', () => {
  it('lists the school machines with their enrolment and last contact, for teachers and admins only', async () => {
    const first = await enrol('Salle B12 – poste 1');
    clock += 1_000;
    const second = await enrol('Salle B12 – poste 2');
    clock += 60_000;
    expect((await pull(second.token)).statusCode).toBe(200);

    const listed = await relay.app.inject({ method: 'GET', url: '/api/devices', headers: bearer(teacher) });
    expect(listed.statusCode).toBe(200);
    expect(listed.json()).toEqual([
      { id: first.deviceId, name: 'Salle B12 – poste 1', enrolledAt: START, lastSeenAt: null },
      { id: second.deviceId, name: 'Salle B12 – poste 2', enrolledAt: START + 1_000, lastSeenAt: START + 61_000 },
    ]);
    expect((await relay.app.inject({ method: 'GET', url: '/api/devices', headers: bearer(await loginAs(relay.app, 'surveillant@demo.local')) })).statusCode).toBe(403);
    expect((await relay.app.inject({ method: 'GET', url: '/api/devices', headers: bearer(first.token) })).statusCode).toBe(403);
  });

  it('withdrawing a machine stops its token at once and removes it from the list; twice or from another school is 404', async () => {
    const machine = await enrol('Poste 7');
    expect((await pull(machine.token)).statusCode).toBe(200);

    await relay.store.createOrganization(OTHER_ORG);
    await relay.store.createUser({ id: 'org2-admin', organizationId: OTHER_ORG.id, email: 'admin@voisin.example', firstName: 'Odile', lastName: 'Autre', passwordHash: 'unused', roles: ['admin'], createdAt: START });
    const stranger = await issueToken(relay.store, { type: 'user', id: 'org2-admin', organizationId: OTHER_ORG.id }, clock);
    const foreign = await relay.app.inject({ method: 'DELETE', url: `/api/devices/${machine.deviceId}`, headers: bearer(stranger) });
    const missing = await relay.app.inject({ method: 'DELETE', url: '/api/devices/no-such-device', headers: bearer(teacher) });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toEqual(missing.json());
    expect((await pull(machine.token)).statusCode).toBe(200);

    expect((await relay.app.inject({ method: 'DELETE', url: `/api/devices/${machine.deviceId}`, headers: bearer(machine.token) })).statusCode).toBe(403);
    const withdrawn = await relay.app.inject({ method: 'DELETE', url: `/api/devices/${machine.deviceId}`, headers: bearer(teacher) });
    expect(withdrawn.statusCode).toBe(204);
    const refused = await pull(machine.token);
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toMatchObject({ error: 'unauthorized' });
    expect((await relay.app.inject({ method: 'DELETE', url: `/api/devices/${machine.deviceId}`, headers: bearer(teacher) })).statusCode).toBe(404);
    expect((await relay.app.inject({ method: 'GET', url: '/api/devices', headers: bearer(teacher) })).json()).toEqual([]);
  });

  it("ends the withdrawn machine's open streams at once", async () => {
    const baseUrl = await listenOnLoopback(relay);
    const machine = await enrol('Poste 8');
    const kept = await enrol('Poste 9');
    const stream = await openStream(baseUrl, machine.token, 'answers,learners');
    const other = await openStream(baseUrl, kept.token);
    expect((await relay.app.inject({ method: 'DELETE', url: `/api/devices/${machine.deviceId}`, headers: bearer(teacher) })).statusCode).toBe(204);
    expect(await within(stream.ended, 2_000)).toBe('ended');
    expect(await within(other.ended, 200)).toBe('still open');
    other.abort();
  });

  it('a device token whose device record is gone gets 401, and its streams end', async () => {
    const baseUrl = await listenOnLoopback(relay);
    const machine = await enrol('Poste 10');
    const stream = await openStream(baseUrl, machine.token);
    // Someone removed the record out of band (a restore, a manual clean-up): the token must not outlive it.
    const db = new Database(join(relay.dir, 'relay.sqlite'));
    db.prepare('DELETE FROM devices WHERE id = ?').run(machine.deviceId);
    db.close();
    expect((await pull(machine.token)).statusCode).toBe(401);
    expect(await within(stream.ended, 2_000)).toBe('ended');
  });
});

describe('[AUTH-7] expiry', () => {
  it("an expired token's open stream is closed by the periodic check", async () => {
    const baseUrl = await listenOnLoopback(relay);
    const signedIn = await relay.app.inject({ method: 'POST', url: '/api/auth/learner', payload: { uai: '0000000A', lastName: 'MARTIN', firstName: 'Camille', birthDate: '14/03/2010' } });
    const { token } = signedIn.json<{ token: string }>();
    const stream = await openStream(baseUrl, token);
    expect(await within(stream.ended, 200)).toBe('still open');
    clock += 2 * 60 * 60 * 1000; // a learner token lasts 2 hours
    expect(await within(stream.ended, 2_000)).toBe('ended');
    expect((await pull(token)).statusCode).toBe(401);
  });
});
