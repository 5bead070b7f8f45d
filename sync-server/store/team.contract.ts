/**
 * Contract cases of store.team for every implementation ([STORE-TEAM-1] … [STORE-TEAM-5]): members and invitations
 * of one organisation, single-use codes, and a school never left without an administrator.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoreHarness } from './store.contract.ts';
import type { Organization, Store, User } from './store.ts';
import type { NewInvitation } from './team-store.ts';

const T0 = 1_700_000_000_000;
const DAY = 24 * 60 * 60 * 1000;
const org: Organization = { id: 'org-1', name: 'Lycée Test', uai: '0123456X', createdAt: 1 };
const other: Organization = { id: 'org-2', name: 'Collège Voisin', uai: '0987654Y', createdAt: 1 };

function user(id: string, overrides: Partial<User> = {}): User {
  return { id, organizationId: org.id, email: `${id}@example.org`, firstName: 'Anne', lastName: id.toUpperCase(), passwordHash: 'scrypt$x', roles: ['member'], createdAt: T0, ...overrides };
}

function invitation(id: string, overrides: Partial<NewInvitation> = {}): NewInvitation {
  return { id, organizationId: org.id, email: `${id}@example.org`, role: 'member', codeHash: `hash-${id}`, invitedBy: 'admin-1', createdAt: T0, expiresAt: T0 + 7 * DAY, ...overrides };
}

const account = (id: string) => ({ id, firstName: 'Nina', lastName: 'Nouvelle', passwordHash: 'scrypt$y' });

export function teamContract(name: string, open: () => Promise<StoreHarness>): void {
  describe(`Store contract, team: ${name}`, () => {
    let harness: StoreHarness;
    let store: Store;

    beforeEach(async () => {
      harness = await open();
      store = harness.store;
      await store.migrate();
      await store.createOrganization(org);
      await store.createOrganization(other);
      await store.createUser(user('admin-1', { roles: ['admin'], lastName: 'ALPHA' }));
      await store.createUser(user('member-1', { lastName: 'BRAVO' }));
      await store.createUser(user('guard-1', { roles: ['invigilator'], lastName: 'CHARLIE' }));
      await store.createUser(user('admin-2', { organizationId: other.id, roles: ['admin'] }));
    });

    afterEach(async () => {
      await harness.dispose();
    });

    it("[STORE-TEAM-1] members are the organisation's accounts, in name order, never another school's", async () => {
      expect((await store.team.listMembers(org.id)).map((u) => [u.id, u.roles])).toEqual([
        ['admin-1', ['admin']],
        ['member-1', ['member']],
        ['guard-1', ['invigilator']],
      ]);
      expect((await store.team.listMembers(other.id)).map((u) => u.id)).toEqual(['admin-2']);
    });

    it('[STORE-TEAM-2] an invitation is pending until it expires; a new one to the same address replaces it; cancelling is scoped', async () => {
      await store.team.createInvitation(invitation('inv-1', { email: ' Nina@Example.ORG ' }));
      expect(await store.team.listPendingInvitations(org.id, T0 + 1)).toEqual([
        { id: 'inv-1', organizationId: org.id, email: 'nina@example.org', role: 'member', invitedBy: 'admin-1', createdAt: T0, expiresAt: T0 + 7 * DAY, acceptedAt: null, acceptedBy: null, cancelledAt: null },
      ]);
      expect(await store.team.listPendingInvitations(org.id, T0 + 7 * DAY)).toEqual([]);

      await store.team.createInvitation(invitation('inv-2', { email: 'nina@example.org', role: 'admin', createdAt: T0 + 10 }));
      expect((await store.team.listPendingInvitations(org.id, T0 + 20)).map((i) => [i.id, i.role])).toEqual([['inv-2', 'admin']]);
      expect(await store.team.findPendingInvitation('hash-inv-1', T0 + 20)).toBeNull();
      expect(await store.team.findPendingInvitation('hash-inv-2', T0 + 20)).toMatchObject({ id: 'inv-2', organizationName: 'Lycée Test' });
      expect(await store.team.listPendingInvitations(other.id, T0 + 20)).toEqual([]);

      expect(await store.team.cancelInvitation(other.id, 'inv-2', T0 + 30)).toBe(false);
      expect(await store.team.cancelInvitation(org.id, 'inv-2', T0 + 30)).toBe(true);
      expect(await store.team.cancelInvitation(org.id, 'inv-2', T0 + 31)).toBe(false);
      expect(await store.team.findPendingInvitation('hash-inv-2', T0 + 40)).toBeNull();
    });

    it('[STORE-TEAM-3] accepting creates the account once; a second acceptance, even at the same instant, finds nothing', async () => {
      await store.team.createInvitation(invitation('inv-1', { role: 'admin' }));
      const [first, second] = await Promise.all([
        store.team.acceptInvitation({ codeHash: 'hash-inv-1', now: T0 + 100, account: account('new-1') }),
        store.team.acceptInvitation({ codeHash: 'hash-inv-1', now: T0 + 100, account: account('new-2') }),
      ]);
      const outcomes = [first, second].map((o) => o.ok);
      expect(outcomes.sort()).toEqual([false, true]);
      const accepted = first.ok ? first : second;
      if (!accepted.ok) throw new Error('one acceptance must succeed');
      expect(accepted.user).toEqual({ id: accepted.user.id, organizationId: org.id, email: 'inv-1@example.org', firstName: 'Nina', lastName: 'Nouvelle', passwordHash: 'scrypt$y', roles: ['admin'], createdAt: T0 + 100 });
      expect(accepted.invitation).toMatchObject({ id: 'inv-1', organizationName: 'Lycée Test', acceptedAt: T0 + 100, acceptedBy: accepted.user.id });
      expect(await store.findUserByEmail('inv-1@example.org')).toEqual(accepted.user);
      expect(await store.team.listPendingInvitations(org.id, T0 + 200)).toEqual([]);
      expect(await store.team.acceptInvitation({ codeHash: 'hash-inv-1', now: T0 + 300, account: account('new-3') })).toEqual({ ok: false, reason: 'not-found' });
    });

    it('[STORE-TEAM-3] an expired, cancelled or unknown code creates nothing; a taken address leaves the invitation pending', async () => {
      await store.team.createInvitation(invitation('inv-old'));
      expect(await store.team.acceptInvitation({ codeHash: 'hash-inv-old', now: T0 + 7 * DAY, account: account('late') })).toEqual({ ok: false, reason: 'not-found' });
      expect(await store.team.acceptInvitation({ codeHash: 'nope', now: T0, account: account('ghost') })).toEqual({ ok: false, reason: 'not-found' });

      await store.team.createInvitation(invitation('inv-taken', { email: 'admin-2@example.org' }));
      expect(await store.team.acceptInvitation({ codeHash: 'hash-inv-taken', now: T0 + 1, account: account('dup') })).toEqual({ ok: false, reason: 'email-taken' });
      expect(await store.getUser('dup')).toBeNull();
      expect(await store.team.findPendingInvitation('hash-inv-taken', T0 + 2)).toMatchObject({ id: 'inv-taken', acceptedAt: null });
    });

    it('[STORE-TEAM-4] roles change within the organisation only, and never leave it without an administrator', async () => {
      expect(await store.team.setMemberRole(other.id, 'member-1', 'admin')).toBe('not-found');
      expect(await store.team.setMemberRole(org.id, 'admin-1', 'member')).toBe('last-admin');
      expect((await store.getUser('admin-1'))?.roles).toEqual(['admin']);

      expect(await store.team.setMemberRole(org.id, 'member-1', 'admin')).toBe('done');
      expect((await store.getUser('member-1'))?.roles).toEqual(['admin']);
      // Two admins demoting each other at once: one change wins, the other is refused.
      const both = await Promise.all([store.team.setMemberRole(org.id, 'admin-1', 'member'), store.team.setMemberRole(org.id, 'member-1', 'invigilator')]);
      expect(both.sort()).toEqual(['done', 'last-admin']);
      expect((await store.team.listMembers(org.id)).filter((u) => u.roles.includes('admin'))).toHaveLength(1);
    });

    it('[STORE-TEAM-5] removing a member ends their sign-in and tokens, frees their address and cancels their invitations; never the last admin', async () => {
      await store.createAuthToken({ tokenHash: 'tok-member', subjectType: 'user', subjectId: 'member-1', organizationId: org.id, createdAt: T0, expiresAt: T0 + DAY });
      await store.createAuthToken({ tokenHash: 'tok-admin', subjectType: 'user', subjectId: 'admin-1', organizationId: org.id, createdAt: T0, expiresAt: T0 + DAY });
      await store.team.setMemberRole(org.id, 'member-1', 'admin');
      await store.team.createInvitation(invitation('inv-by-member', { invitedBy: 'member-1' }));
      await store.team.createInvitation(invitation('inv-by-admin'));

      expect(await store.team.removeMember(other.id, 'member-1', T0 + 5)).toBe('not-found');
      expect(await store.team.removeMember(org.id, 'member-1', T0 + 5)).toBe('done');
      expect(await store.team.removeMember(org.id, 'member-1', T0 + 6)).toBe('not-found');
      expect((await store.team.listMembers(org.id)).map((u) => u.id)).toEqual(['admin-1', 'guard-1']);
      expect(await store.findUserByEmail('member-1@example.org')).toBeNull();
      expect(await store.findAuthToken('tok-member', T0 + 10)).toBeNull();
      expect(await store.findAuthToken('tok-admin', T0 + 10)).not.toBeNull();
      expect((await store.team.listPendingInvitations(org.id, T0 + 10)).map((i) => i.id)).toEqual(['inv-by-admin']);
      // Their record stays (devices and imports name who made them); their address may be invited again.
      expect((await store.getUser('member-1'))?.lastName).toBe('BRAVO');
      await store.createUser(user('member-1bis', { email: 'member-1@example.org' }));

      expect(await store.team.removeMember(org.id, 'admin-1', T0 + 20)).toBe('last-admin');
      expect(await store.findAuthToken('tok-admin', T0 + 20)).not.toBeNull();
    });
  });
}
