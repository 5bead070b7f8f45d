/**
 * Students signing in on the relay (sync-server/SPEC.md [AUTH-4], [AUTH-8]): a few wrong birth dates lock that
 * learner's relay sign-in (kept in the store), a teacher of the school can lift it, an address that fails too
 * often waits, and a school can require personal codes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loginAs, startTestRelay } from '../../test/relay.ts';
import type { TestRelay } from '../../test/relay.ts';
import { buildApp } from '../app.ts';
import { issueToken } from '../auth/tokens.ts';
import { join } from 'node:path';

const START = 1_767_225_600_000;
const MINUTE = 60_000;
const OTHER_ORG = { id: 'org-2', name: 'Collège voisin', uai: '0999999Z', createdAt: START };
const CAMILLE = { uai: '0000000A', lastName: 'MARTIN', firstName: 'Camille', birthDate: '14/03/2010' };

let relay: TestRelay;
let clock: number;
let teacher: string;
beforeEach(async () => {
  clock = START;
  relay = await startTestRelay({ now: () => clock });
  teacher = await loginAs(relay.app, 'enseignant@demo.local');
});
afterEach(async () => relay.close());

const bearer = (token: string): { authorization: string } => ({ authorization: `Bearer ${token}` });

function signIn(payload: object, address = '127.0.0.1') {
  return relay.app.inject({ method: 'POST', url: '/api/auth/learner', payload, remoteAddress: address });
}

async function failTimes(n: number, payload: object = { ...CAMILLE, birthDate: '01/01/2010' }): Promise<void> {
  for (let i = 0; i < n; i++) expect((await signIn(payload)).statusCode).toBe(401);
}

function unlock(token: string | null, learnerId = 'demo-learner-01') {
  return relay.app.inject({ method: 'POST', url: `/api/learners/${learnerId}/unlock-sign-in`, ...(token ? { headers: bearer(token) } : {}) });
}

describe('[AUTH-4] a learner whose relay sign-in fails too often is locked', () => {
  it('after 5 wrong birth dates the right one is refused for 15 minutes, with the same answer as an unknown name', async () => {
    await failTimes(5);
    const locked = await signIn(CAMILLE);
    const unknown = await signIn({ ...CAMILLE, lastName: 'PERSONNE' });
    expect(locked.statusCode).toBe(401);
    expect(locked.json()).toEqual(unknown.json());
    expect(locked.headers['retry-after']).toBeUndefined();
    // Another learner of the class is not concerned.
    expect((await signIn({ uai: '0000000A', lastName: 'BERNARD', firstName: 'Lucas', birthDate: '22/01/2010' })).statusCode).toBe(200);

    clock += 15 * MINUTE - 1;
    expect((await signIn(CAMILLE)).statusCode).toBe(401);
    clock += 1;
    expect((await signIn(CAMILLE)).statusCode).toBe(200);
  });

  it('attempts during a lock are not checked; after it, each new failure locks again for twice as long', async () => {
    await failTimes(5);
    await failTimes(3); // during the lock: refused without counting
    clock += 15 * MINUTE;
    await failTimes(1); // the 6th real failure
    clock += 30 * MINUTE - 1;
    expect((await signIn(CAMILLE)).statusCode).toBe(401);
    clock += 1;
    expect((await signIn(CAMILLE)).statusCode).toBe(200);
  });

  it('a success clears the count, and failures a week old are forgotten', async () => {
    await failTimes(4);
    expect((await signIn(CAMILLE)).statusCode).toBe(200);
    await failTimes(4);
    clock += 7 * 24 * 60 * MINUTE;
    await failTimes(4);
    expect((await signIn(CAMILLE)).statusCode).toBe(200);
  });

  it('a burst of guesses sent together gets no more tries than guesses in a row', async () => {
    const wrong = Array.from({ length: 19 }, (_, i) => ({ ...CAMILLE, birthDate: `${String(i + 1).padStart(2, '0')}/01/2010` }));
    const responses = await Promise.all([...wrong, CAMILLE].map((payload) => signIn(payload)));
    expect(responses.map((r) => r.statusCode)).toEqual(Array<number>(20).fill(401));
    expect((await relay.store.getLearnerSignInFailures(['demo-learner-01'])).get('demo-learner-01')?.failures).toBeGreaterThanOrEqual(5);
    expect((await signIn(CAMILLE)).statusCode).toBe(401);
  });

  it('the lock is kept in the store: a restarted relay still refuses', async () => {
    await failTimes(5);
    const restarted = await buildApp({ store: relay.store, distDir: join(relay.dir, 'dist'), now: () => clock });
    try {
      const response = await restarted.inject({ method: 'POST', url: '/api/auth/learner', payload: CAMILLE });
      expect(response.statusCode).toBe(401);
    } finally {
      await restarted.close();
    }
  });

  it('a personal code does not get around the lock', async () => {
    const { code } = (await relay.app.inject({ method: 'POST', url: '/api/learners/demo-learner-01/personal-code', headers: bearer(teacher) })).json<{ code: string }>();
    await failTimes(5);
    expect((await signIn({ uai: '0000000A', personalCode: code })).statusCode).toBe(401);
    expect((await unlock(teacher)).statusCode).toBe(204);
    expect((await signIn({ uai: '0000000A', personalCode: code })).statusCode).toBe(200);
  });
});

describe('[AUTH-4] unlocking a learner', () => {
  it('a teacher or admin of the school unlocks at once', async () => {
    await failTimes(5);
    expect((await unlock(teacher)).statusCode).toBe(204);
    expect((await signIn(CAMILLE)).statusCode).toBe(200);
    await failTimes(5);
    expect((await unlock(await loginAs(relay.app, 'admin@demo.local'))).statusCode).toBe(204);
    expect((await signIn(CAMILLE)).statusCode).toBe(200);
  });

  it("another school's teacher gets 404 as for a learner that does not exist; invigilators, lab machines and students get 403; nobody 401", async () => {
    await relay.store.createOrganization(OTHER_ORG);
    await relay.store.createUser({ id: 'org2-teacher', organizationId: OTHER_ORG.id, email: 'prof@voisin.example', firstName: 'Odile', lastName: 'Autre', passwordHash: 'unused', roles: ['admin'], createdAt: START });
    const stranger = await issueToken(relay.store, { type: 'user', id: 'org2-teacher', organizationId: OTHER_ORG.id }, clock);
    await failTimes(5);

    const foreign = await unlock(stranger);
    const missing = await unlock(teacher, 'no-such-learner');
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toEqual(missing.json());
    expect((await unlock(await loginAs(relay.app, 'surveillant@demo.local'))).statusCode).toBe(403);
    const device = (await relay.app.inject({ method: 'POST', url: '/api/devices', headers: bearer(teacher), payload: { name: 'Poste 1' } })).json<{ token: string }>().token;
    expect((await unlock(device)).statusCode).toBe(403);
    expect((await unlock(null)).statusCode).toBe(401);

    // Still locked: nobody above lifted it.
    expect((await signIn(CAMILLE)).statusCode).toBe(401);
  });
});

describe('[AUTH-4] failures per address', () => {
  it('an address that fails too often gets 429 with Retry-After; another address signs in', async () => {
    await relay.close();
    relay = await startTestRelay({ now: () => clock, app: { signInLimits: { learnerFailuresPerAddress: 3 } } });
    for (let i = 0; i < 3; i++) expect((await signIn({ ...CAMILLE, lastName: `INCONNU${i}` }, '192.0.2.1')).statusCode).toBe(401);
    const blocked = await signIn(CAMILLE, '192.0.2.1');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json()).toMatchObject({ error: 'too_many_attempts' });
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect((await signIn(CAMILLE, '192.0.2.2')).statusCode).toBe(200);
  });

  it('a class signing in from one lab address is not blocked by the default allowance', async () => {
    const roster = await relay.store.listLearners('demo-org');
    for (const learner of roster) {
      const [y, m, d] = learner.birthDate.split('-');
      const response = await signIn({ uai: '0000000A', lastName: learner.lastName, firstName: learner.firstName, birthDate: `${d}/${m}/${y}` });
      expect(response.statusCode, learner.lastName).toBe(200);
    }
  });
});

describe('[AUTH-8] a school may require personal codes on the relay', () => {
  it('an admin switches the school to personal codes only: a name and a right birth date no longer sign in, a code does', async () => {
    const admin = await loginAs(relay.app, 'admin@demo.local');
    expect((await relay.app.inject({ method: 'GET', url: '/api/organization/learner-sign-in', headers: bearer(teacher) })).json()).toEqual({ mode: 'birth-date-or-code' });
    expect((await relay.app.inject({ method: 'PUT', url: '/api/organization/learner-sign-in', headers: bearer(teacher), payload: { mode: 'personal-code-only' } })).statusCode).toBe(403);
    const bad = await relay.app.inject({ method: 'PUT', url: '/api/organization/learner-sign-in', headers: bearer(admin), payload: { mode: 'anything' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: 'bad_request' });

    const set = await relay.app.inject({ method: 'PUT', url: '/api/organization/learner-sign-in', headers: bearer(admin), payload: { mode: 'personal-code-only' } });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toEqual({ mode: 'personal-code-only' });

    const byDate = await signIn(CAMILLE);
    expect(byDate.statusCode).toBe(401);
    const { code } = (await relay.app.inject({ method: 'POST', url: '/api/learners/demo-learner-01/personal-code', headers: bearer(teacher) })).json<{ code: string }>();
    expect((await signIn({ uai: '0000000A', personalCode: code })).statusCode).toBe(200);
  });
});
