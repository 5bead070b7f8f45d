/**
 * "Équipe" over HTTP ([TEAM-1] … [TEAM-4]): the demo school's admin manages its team, its teacher only reads the
 * members, and another school's admin can neither list nor act. A real relay on a SQLite file.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listenOnLoopback, loginAs, startTestRelay } from '../../test/relay.ts';
import type { TestRelay } from '../../test/relay.ts';
import { issueToken } from '../auth/tokens.ts';

const START = Date.now();

let relay: TestRelay;
let admin: string;
let teacher: string;
beforeEach(async () => {
  relay = await startTestRelay();
  admin = await loginAs(relay.app, 'admin@demo.local');
  teacher = await loginAs(relay.app, 'enseignant@demo.local');
});
afterEach(async () => relay.close());

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

function call(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, token: string, payload?: object) {
  return relay.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });
}

const invite = (token: string, email = 'nouvelle.prof@demo.local', role = 'member') => call('POST', '/api/team/invitations', token, { email, role });

/** A second school and its admin, made through the store (the relay has no sign-up). */
async function otherSchoolAdmin(): Promise<string> {
  await relay.store.createOrganization({ id: 'org2', name: 'Collège voisin', uai: '0000002B', createdAt: START });
  await relay.store.createUser({ id: 'org2-admin', organizationId: 'org2', email: 'admin@voisin.example', firstName: 'Odile', lastName: 'Autre', passwordHash: 'unused', roles: ['admin'], createdAt: START });
  return issueToken(relay.store, { type: 'user', id: 'org2-admin', organizationId: 'org2' }, Date.now());
}

describe('[TEAM-1] the members', () => {
  it("admins and teachers read the school's accounts with one role each, in name order; others are refused", async () => {
    for (const token of [admin, teacher]) {
      const listed = await call('GET', '/api/team/members', token);
      expect(listed.statusCode).toBe(200);
      expect(listed.json()).toEqual([
        { id: 'demo-user-1', email: 'admin@demo.local', firstName: 'Alice', lastName: 'Admin', role: 'admin', createdAt: expect.any(Number) as unknown },
        { id: 'demo-user-2', email: 'enseignant@demo.local', firstName: 'Émile', lastName: 'Enseignant', role: 'member', createdAt: expect.any(Number) as unknown },
        { id: 'demo-user-3', email: 'surveillant@demo.local', firstName: 'Sarah', lastName: 'Surveillant', role: 'invigilator', createdAt: expect.any(Number) as unknown },
      ]);
    }
    const invigilator = await loginAs(relay.app, 'surveillant@demo.local');
    expect((await call('GET', '/api/team/members', invigilator)).statusCode).toBe(403);
    expect((await relay.app.inject({ method: 'GET', url: '/api/team/members' })).statusCode).toBe(401);
  });
});

describe('[TEAM-2] invitations', () => {
  it('an admin invites: a code shown once as a link, listed as pending until cancelled; a teacher is refused before the body is read', async () => {
    const created = await invite(admin, '  Nouvelle.Prof@Demo.LOCAL ', 'admin');
    expect(created.statusCode).toBe(201);
    expect(created.headers['cache-control']).toBe('no-store');
    const body = created.json<{ invitation: { id: string; email: string; role: string; expiresAt: number; createdAt: number }; code: string; path: string }>();
    expect(body.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(body.path).toBe(`/invitation/${body.code}`);
    expect(body.invitation).toMatchObject({ email: 'nouvelle.prof@demo.local', role: 'admin' });
    expect(body.invitation.expiresAt - body.invitation.createdAt).toBe(7 * 24 * 60 * 60 * 1000);

    const pending = await call('GET', '/api/team/invitations', admin);
    expect(pending.json()).toEqual([body.invitation]);
    // The code is kept hashed only: nothing the relay answers or lists carries it again.
    expect(pending.body).not.toContain(body.code);

    for (const request of [invite(teacher), call('GET', '/api/team/invitations', teacher), call('DELETE', `/api/team/invitations/${body.invitation.id}`, teacher)]) {
      const refused = await request;
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toEqual({ error: 'forbidden', message: "Vous n'avez pas les droits nécessaires pour cette action." });
    }
    // A teacher's malformed body gets the same 403: the role is checked before the body is read.
    const malformed = await relay.app.inject({ method: 'POST', url: '/api/team/invitations', headers: { ...bearer(teacher), 'content-type': 'application/json' }, payload: '{"email":' });
    expect(malformed.statusCode).toBe(403);

    expect((await call('DELETE', `/api/team/invitations/${body.invitation.id}`, admin)).statusCode).toBe(204);
    expect((await call('GET', '/api/team/invitations', admin)).json()).toEqual([]);
    expect((await call('DELETE', `/api/team/invitations/${body.invitation.id}`, admin)).json()).toMatchObject({ error: 'not_found' });
  });

  it('a new invitation to the same address replaces the previous one; a member of the team is not invited again; bad input changes nothing', async () => {
    const first = (await invite(admin)).json<{ code: string }>();
    const second = (await invite(admin)).json<{ invitation: { id: string } }>();
    expect((await call('GET', '/api/team/invitations', admin)).json<{ id: string }[]>().map((i) => i.id)).toEqual([second.invitation.id]);
    const stale = await relay.app.inject({ method: 'POST', url: '/api/invitations/lookup', payload: { code: first.code } });
    expect(stale.statusCode).toBe(404);

    const member = await invite(admin, 'ENSEIGNANT@demo.local');
    expect(member.statusCode).toBe(409);
    expect(member.json()).toEqual({ error: 'already_member', message: "Cette adresse est déjà celle d'un membre de l'équipe." });

    for (const payload of [{ email: 'pas-une-adresse', role: 'member' }, { email: 'x@y.fr', role: 'director' }, { email: 'x@y.fr' }, { email: 'x@y.fr', role: 'member', extra: 1 }]) {
      const bad = await call('POST', '/api/team/invitations', admin, payload);
      expect(bad.statusCode, JSON.stringify(payload)).toBe(400);
      expect(bad.json<{ error: string; message: string }>()).toMatchObject({ error: 'bad_request', message: expect.stringMatching(/^Requête invalide/) as unknown });
    }
    expect((await call('GET', '/api/team/invitations', admin)).json()).toHaveLength(1);
  });
});

describe('[TEAM-3] roles', () => {
  it("an admin changes a member's role, which holds from the member's next request; never their own; a teacher cannot", async () => {
    expect((await call('GET', '/api/team/invitations', teacher)).statusCode).toBe(403);
    const promoted = await call('PUT', '/api/team/members/demo-user-2/role', admin, { role: 'admin' });
    expect(promoted.statusCode).toBe(200);
    expect(promoted.json()).toMatchObject({ id: 'demo-user-2', role: 'admin' });
    // The teacher's token, issued before, now carries the admin role.
    expect((await call('GET', '/api/team/invitations', teacher)).statusCode).toBe(200);

    const own = await call('PUT', '/api/team/members/demo-user-1/role', admin, { role: 'member' });
    expect(own.statusCode).toBe(409);
    expect(own.json()).toMatchObject({ error: 'own_account' });
    expect((await call('PUT', '/api/team/members/demo-user-1/role', admin, { role: 'boss' })).statusCode).toBe(400);
    expect((await call('PUT', '/api/team/members/nobody/role', admin, { role: 'member' })).statusCode).toBe(404);

    // Demoted again by the other admin: the former teacher's token loses the rights at once.
    expect((await call('PUT', '/api/team/members/demo-user-2/role', admin, { role: 'member' })).statusCode).toBe(200);
    expect((await call('PUT', '/api/team/members/demo-user-3/role', teacher, { role: 'member' })).statusCode).toBe(403);
  });

  it('the school keeps an admin: two admins demoting each other at once, one change wins and the other is refused', async () => {
    expect((await call('PUT', '/api/team/members/demo-user-2/role', admin, { role: 'admin' })).statusCode).toBe(200);
    const answers = await Promise.all([
      call('PUT', '/api/team/members/demo-user-2/role', admin, { role: 'member' }),
      call('PUT', '/api/team/members/demo-user-1/role', teacher, { role: 'member' }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.statusCode === 409)?.json()).toEqual({
      error: 'last_admin',
      message: "L'établissement doit garder au moins un administrateur : nommez d'abord un autre administrateur.",
    });
    const members = (await call('GET', '/api/team/members', admin)).json<{ role: string }[]>();
    expect(members.filter((m) => m.role === 'admin')).toHaveLength(1);
  });
});

describe('[TEAM-4] removing a member', () => {
  it("ends the member's tokens, event streams and sign-in at once; their address may be invited again", async () => {
    const baseUrl = await listenOnLoopback(relay);
    const stream = await fetch(`${baseUrl}/api/replication/stream?collections=answers`, { headers: bearer(teacher) });
    expect(stream.status).toBe(200);
    const reader = stream.body?.getReader();
    if (!reader) throw new Error('no stream body');

    const removed = await call('DELETE', '/api/team/members/demo-user-2', admin);
    expect(removed.statusCode).toBe(204);
    for (;;) {
      const { done } = await reader.read();
      if (done) break;
    }
    expect((await call('GET', '/api/team/members', teacher)).statusCode).toBe(401);
    const login = await relay.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'enseignant@demo.local', password: 'demo-pass-2026' } });
    expect(login.statusCode).toBe(401);
    expect((await call('GET', '/api/team/members', admin)).json<{ id: string }[]>().map((m) => m.id)).toEqual(['demo-user-1', 'demo-user-3']);
    expect((await call('DELETE', '/api/team/members/demo-user-2', admin)).statusCode).toBe(404);
    expect((await invite(admin, 'enseignant@demo.local')).statusCode).toBe(201);
  });

  it('never oneself, never the last admin (two admins removing each other at once: one stays); a teacher removes nobody', async () => {
    const self = await call('DELETE', '/api/team/members/demo-user-1', admin);
    expect(self.statusCode).toBe(409);
    expect(self.json()).toEqual({ error: 'own_account', message: "Vous ne pouvez pas retirer de l'équipe vous-même : demandez-le à un autre administrateur de l'établissement." });
    expect((await call('DELETE', '/api/team/members/demo-user-3', teacher)).statusCode).toBe(403);

    expect((await call('PUT', '/api/team/members/demo-user-2/role', admin, { role: 'admin' })).statusCode).toBe(200);
    const answers = await Promise.all([call('DELETE', '/api/team/members/demo-user-2', admin), call('DELETE', '/api/team/members/demo-user-1', teacher)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([204, 409]);
    expect(answers.find((a) => a.statusCode === 409)?.json()).toMatchObject({ error: 'last_admin' });
    const survivor = answers[0]?.statusCode === 204 ? admin : teacher;
    const members = (await call('GET', '/api/team/members', survivor)).json<{ role: string }[]>();
    expect(members.map((m) => m.role)).toEqual(['admin', 'invigilator']);
  });
});

describe("[TEAM-1] … [TEAM-4] another school's admin", () => {
  it('lists only their own team and can act on nothing of this one', async () => {
    const created = (await invite(admin)).json<{ invitation: { id: string } }>();
    const other = await otherSchoolAdmin();
    expect((await call('GET', '/api/team/members', other)).json<{ id: string }[]>().map((m) => m.id)).toEqual(['org2-admin']);
    expect((await call('GET', '/api/team/invitations', other)).json()).toEqual([]);
    const attempts = [
      call('PUT', '/api/team/members/demo-user-2/role', other, { role: 'admin' }),
      call('DELETE', '/api/team/members/demo-user-2', other),
      call('DELETE', `/api/team/invitations/${created.invitation.id}`, other),
    ];
    for (const attempt of attempts) expect((await attempt).statusCode).toBe(404);
    expect((await call('GET', '/api/team/members', admin)).json<{ id: string; role: string }[]>().map((m) => [m.id, m.role])).toEqual([
      ['demo-user-1', 'admin'],
      ['demo-user-2', 'member'],
      ['demo-user-3', 'invigilator'],
    ]);
    expect((await call('GET', '/api/team/invitations', admin)).json()).toHaveLength(1);
  });
});
