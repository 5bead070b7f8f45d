/**
 * The invitee's side ([TEAM-5], [TEAM-6]): public routes that create an account once from a valid code, refuse
 * used, cancelled and expired ones alike, and limit wrong codes per address. A real relay on a SQLite file, with a
 * clock the test moves.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loginAs, startTestRelay } from '../../test/relay.ts';
import type { TestRelay } from '../../test/relay.ts';

const DAY = 24 * 60 * 60 * 1000;

let relay: TestRelay;
let clock: number;
let admin: string;
beforeEach(async () => {
  clock = Date.now();
  relay = await startTestRelay({ now: () => clock, app: { invitationLimits: { failuresPerAddress: 5 } } });
  admin = await loginAs(relay.app, 'admin@demo.local');
});
afterEach(async () => relay.close());

async function invite(email = 'nouvelle.prof@demo.local', role = 'member'): Promise<{ code: string; invitation: { id: string } }> {
  const created = await relay.app.inject({ method: 'POST', url: '/api/team/invitations', headers: { authorization: `Bearer ${admin}` }, payload: { email, role } });
  expect(created.statusCode).toBe(201);
  return created.json();
}

const lookup = (code: string, remoteAddress = '192.0.2.10') => relay.app.inject({ method: 'POST', url: '/api/invitations/lookup', payload: { code }, remoteAddress });

function accept(code: string, overrides: Record<string, unknown> = {}, remoteAddress = '192.0.2.10') {
  return relay.app.inject({ method: 'POST', url: '/api/invitations/accept', payload: { code, firstName: ' Nina ', lastName: 'Nouvelle', password: 'un-mot-de-passe-long', ...overrides }, remoteAddress });
}

const INVALID = {
  error: 'invitation_invalid',
  message: "Cette invitation n'est pas valable : elle a déjà servi, a été annulée ou a expiré (7 jours). Demandez-en une nouvelle à l'administrateur de votre établissement.",
};

describe('[TEAM-6] accepting an invitation', () => {
  it('shows the school and address without a token, creates the account once, and the invitee signs in with it', async () => {
    const { code } = await invite('nouvelle.prof@demo.local', 'member');
    const preview = await lookup(code.toLowerCase().replaceAll('-', ' '));
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toEqual({ organizationName: 'Lycée de démonstration', email: 'nouvelle.prof@demo.local', role: 'member', expiresAt: clock + 7 * DAY });

    const accepted = await accept(code);
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json()).toEqual({ email: 'nouvelle.prof@demo.local', role: 'member', organizationName: 'Lycée de démonstration' });

    const again = await accept(code, { firstName: 'Autre' });
    expect(again.statusCode).toBe(404);
    expect(again.json()).toEqual(INVALID);
    expect((await lookup(code)).json()).toEqual(INVALID);

    const login = await relay.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'Nouvelle.Prof@demo.local', password: 'un-mot-de-passe-long' } });
    expect(login.statusCode).toBe(200);
    expect(login.json()).toMatchObject({ user: { email: 'nouvelle.prof@demo.local', roles: ['member'], organizationId: 'demo-org', firstName: 'Nina', lastName: 'Nouvelle' } });
    const members = await relay.app.inject({ method: 'GET', url: '/api/team/members', headers: { authorization: `Bearer ${login.json<{ token: string }>().token}` } });
    expect(members.json<{ email: string }[]>().map((m) => m.email)).toContain('nouvelle.prof@demo.local');
    expect((await relay.app.inject({ method: 'GET', url: '/api/team/invitations', headers: { authorization: `Bearer ${admin}` } })).json()).toEqual([]);
  });

  it('an expired or cancelled invitation is refused like a used one, and creates nothing', async () => {
    const expiring = await invite('tardif@demo.local');
    const cancelled = await invite('annule@demo.local');
    expect((await relay.app.inject({ method: 'DELETE', url: `/api/team/invitations/${cancelled.invitation.id}`, headers: { authorization: `Bearer ${admin}` } })).statusCode).toBe(204);
    expect((await accept(cancelled.code)).json()).toEqual(INVALID);

    clock += 7 * DAY - 1;
    expect((await lookup(expiring.code)).statusCode).toBe(200);
    clock += 1;
    const late = await accept(expiring.code);
    expect(late.statusCode).toBe(404);
    expect(late.json()).toEqual(INVALID);
    for (const email of ['tardif@demo.local', 'annule@demo.local']) {
      expect((await relay.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: 'un-mot-de-passe-long' } })).statusCode).toBe(401);
    }
  });

  it('a short password or a taken address changes nothing, and the code stays good', async () => {
    const { code } = await invite('surveillant.bis@demo.local', 'invigilator');
    const weak = await accept(code, { password: 'court' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toEqual({ error: 'weak_password', message: "Choisissez un mot de passe d'au moins 10 caractères." });
    for (const payload of [{ firstName: '   ' }, { lastName: '' }, { password: 'x'.repeat(257) }, { extra: true }]) {
      const bad = await accept(code, payload);
      expect(bad.statusCode, JSON.stringify(payload)).toBe(400);
      expect(bad.json<{ message: string }>().message).toMatch(/^Requête invalide/);
    }

    // The address got an account meanwhile (another school's, say): the invitee is told, the code is not used up.
    await relay.store.createOrganization({ id: 'org2', name: 'Collège voisin', uai: '0000002B', createdAt: clock });
    await relay.store.createUser({ id: 'org2-user', organizationId: 'org2', email: 'surveillant.bis@demo.local', firstName: 'S', lastName: 'B', passwordHash: 'unused', roles: ['member'], createdAt: clock });
    const taken = await accept(code);
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ error: 'email_taken' });
    expect((await lookup(code)).statusCode).toBe(200);
  });
});

describe('[TEAM-5] the invitation routes are public and limited per address', () => {
  it('wrong codes count against the address (then 429 with Retry-After, even for a good code); good ones do not', async () => {
    const { code } = await invite();
    // Good codes are refunded: any number of look-ups of a valid invitation.
    for (let i = 0; i < 8; i++) expect((await lookup(code)).statusCode).toBe(200);
    const wrong = ['AAAA-BBBB-CCCC-DDDD', 'not a code', 'ZZZZ-ZZZZ-ZZZZ-ZZZZ', '0000-0000-0000-0000', 'x'];
    for (const guess of wrong) expect((await lookup(guess)).json()).toEqual(INVALID);
    const limited = await accept(code);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json()).toEqual({ error: 'too_many_attempts', message: "Trop de codes d'invitation erronés depuis ce poste : réessayez dans 15 minutes." });
    // Another address is not held back, and the invitation was not used by the refused attempt.
    expect((await accept(code, {}, '198.51.100.7')).statusCode).toBe(201);
  });
});
