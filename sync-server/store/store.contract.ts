/**
 * One contract suite for every Store implementation (STYLE.md point 3). Cases are numbered; a failing case
 * names the same rule on SQLite and PostgreSQL.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreConflictError } from './store.ts';
import type { Learner, Organization, Store, User } from './store.ts';

export interface StoreHarness {
  store: Store;
  dispose(): Promise<void>;
}

const org: Organization = { id: 'org-1', name: 'Lycée Test', uai: '0123456X', createdAt: 1_700_000_000_000 };

function user(overrides: Partial<User> = {}): User {
  return {
    id: 'user-1',
    organizationId: org.id,
    email: 'Prof@Example.org',
    firstName: 'Anne',
    lastName: 'Durand',
    passwordHash: 'scrypt$x$y',
    roles: ['member'],
    createdAt: 1_700_000_000_001,
    ...overrides,
  };
}

function learner(id: string, overrides: Partial<Learner> = {}): Learner {
  return {
    id,
    organizationId: org.id,
    lastName: 'MARTIN',
    firstName: 'Camille',
    className: '2NDE A',
    birthDate: '2010-03-14',
    nationalId: null,
    active: true,
    updatedAt: 1_700_000_000_002,
    ...overrides,
  };
}

export function storeContract(name: string, open: () => Promise<StoreHarness>): void {
  describe(`Store contract: ${name}`, () => {
    let harness: StoreHarness;
    let store: Store;

    beforeEach(async () => {
      harness = await open();
      store = harness.store;
      await store.migrate();
    });

    afterEach(async () => {
      await harness.dispose();
    });

    it('[STORE-1] migrations are idempotent and a fresh database is empty', async () => {
      await store.migrate();
      expect(await store.isEmpty()).toBe(true);
      await store.createOrganization(org);
      expect(await store.isEmpty()).toBe(false);
      expect(await store.getOrganization(org.id)).toEqual(org);
      expect(await store.getOrganization('missing')).toBeNull();
    });

    it('[STORE-2] users are found by email case-insensitively, and emails are unique', async () => {
      await store.createOrganization(org);
      await store.createUser(user());
      const found = await store.findUserByEmail('  prof@example.ORG ');
      expect(found).toEqual({ ...user(), email: 'prof@example.org' });
      expect(await store.getUser('user-1')).toEqual(found);
      await expect(store.createUser(user({ id: 'user-2', email: 'PROF@example.org' }))).rejects.toBeInstanceOf(StoreConflictError);
      expect(await store.findUserByEmail('nobody@example.org')).toBeNull();
    });

    it('[STORE-3] tokens are found until they expire and can be revoked', async () => {
      await store.createOrganization(org);
      const token = { tokenHash: 'h1', subjectType: 'user' as const, subjectId: 'user-1', organizationId: org.id, createdAt: 10, expiresAt: 1_000 };
      await store.createAuthToken(token);
      expect(await store.findAuthToken('h1', 999)).toEqual(token);
      expect(await store.findAuthToken('h1', 1_000)).toBeNull();
      await store.deleteAuthToken('h1');
      expect(await store.findAuthToken('h1', 10)).toBeNull();
    });

    it('[STORE-4] devices belong to an organisation', async () => {
      await store.createOrganization(org);
      await store.createUser(user());
      const device = { id: 'dev-1', organizationId: org.id, name: 'Salle B12 poste 3', enrolledBy: 'user-1', createdAt: 42 };
      await store.createDevice(device);
      expect(await store.getDevice('dev-1')).toEqual(device);
      expect(await store.getDevice('dev-2')).toBeNull();
    });

    it('[STORE-5] learners upsert all together and list in roster order', async () => {
      await store.createOrganization(org);
      await store.upsertLearners([learner('l-2', { lastName: 'ZOLA' }), learner('l-1'), learner('l-3', { className: '1ERE B', nationalId: '071234567AA' })]);
      await store.upsertLearners([learner('l-1', { active: false, updatedAt: 99 })]);
      const roster = await store.listLearners(org.id);
      expect(roster.map((l) => l.id)).toEqual(['l-3', 'l-1', 'l-2']);
      expect(roster[1]).toEqual(learner('l-1', { active: false, updatedAt: 99 }));
      expect(roster[0]?.nationalId).toBe('071234567AA');
      expect(await store.listLearners('other-org')).toEqual([]);
    });

    it('[STORE-6] a failing learner batch writes nothing', async () => {
      await store.createOrganization(org);
      await expect(store.upsertLearners([learner('l-1'), learner('l-2', { organizationId: 'no-such-org' })])).rejects.toThrow();
      expect(await store.listLearners(org.id)).toEqual([]);
    });
  });
}
