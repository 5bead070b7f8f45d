/**
 * Contract cases of what the campaign follow-up asks of every Store ([STORE-CAMPAIGN-1], [STORE-CAMPAIGN-2],
 * migration 011): a campaign's participations found under their campaign within one organisation, and content packs
 * usable by an organisation only when built in or imported by it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoreHarness } from './store.contract.ts';
import type { OrganizationContentPack, Store } from './store.ts';

const orgA = { id: 'org-a', name: 'Lycée A', uai: '0000001A', createdAt: 1 };
const orgB = { id: 'org-b', name: 'Collège B', uai: '0000002B', createdAt: 1 };
const admin = { id: 'admin-a', organizationId: orgA.id, email: 'admin@a.example', firstName: 'Ada', lastName: 'A', passwordHash: 'x', roles: ['admin' as const], createdAt: 1 };

function imported(organizationId: string, version: string): OrganizationContentPack {
  return { organizationId, version, name: 'Banque', format: 'json', challengeCount: 3, importedBy: admin.id, importedAt: 10 };
}

export function campaignStoreContract(name: string, open: () => Promise<StoreHarness>): void {
  describe(`Store contract, campaign follow-up: ${name}`, () => {
    let harness: StoreHarness;
    let store: Store;

    beforeEach(async () => {
      harness = await open();
      store = harness.store;
      await store.migrate();
      await store.createOrganization(orgA);
      await store.createOrganization(orgB);
      await store.createUser(admin);
    });

    afterEach(async () => {
      await harness.dispose();
    });

    it('[STORE-CAMPAIGN-2] a built-in pack serves every organisation; an imported one only the organisation that imported it', async () => {
      await store.saveContentPack('b1b1b1b1b1b1b1b1', '{"version":"b1"}', 5);
      await store.addOrganizationContentPack(imported(orgA.id, 'a1a1a1a1a1a1a1a1'), '{"version":"a1"}');
      expect(await store.getContentPackFor(orgA.id, 'b1b1b1b1b1b1b1b1')).toBe('{"version":"b1"}');
      expect(await store.getContentPackFor(orgB.id, 'b1b1b1b1b1b1b1b1')).toBe('{"version":"b1"}');
      expect(await store.getContentPackFor(orgA.id, 'a1a1a1a1a1a1a1a1')).toBe('{"version":"a1"}');
      expect(await store.getContentPackFor(orgB.id, 'a1a1a1a1a1a1a1a1')).toBeNull();
      expect(await store.getContentPackFor(orgA.id, 'ffffffffffffffff')).toBeNull();
      // The unscoped read still holds every stored body (the organisation's own pack route checks its imports).
      expect(await store.getContentPack('a1a1a1a1a1a1a1a1')).toBe('{"version":"a1"}');
    });

    it('[STORE-CAMPAIGN-2] a version some school imported that the relay then ships becomes built in; saving it twice changes nothing else', async () => {
      await store.addOrganizationContentPack(imported(orgA.id, 'c1c1c1c1c1c1c1c1'), '{"version":"c1"}');
      expect(await store.getContentPackFor(orgB.id, 'c1c1c1c1c1c1c1c1')).toBeNull();
      await store.saveContentPack('c1c1c1c1c1c1c1c1', '{"version":"c1"}', 20);
      await store.saveContentPack('c1c1c1c1c1c1c1c1', '{"version":"c1"}', 30);
      expect(await store.getContentPackFor(orgB.id, 'c1c1c1c1c1c1c1c1')).toBe('{"version":"c1"}');
      expect((await store.listOrganizationContentPacks(orgA.id)).map((p) => p.version)).toEqual(['c1c1c1c1c1c1c1c1']);
      // Importing a built-in version keeps it built in.
      await store.addOrganizationContentPack(imported(orgA.id, 'c1c1c1c1c1c1c1c1'), '{"version":"c1"}');
      expect(await store.getContentPackFor(orgB.id, 'c1c1c1c1c1c1c1c1')).toBe('{"version":"c1"}');
    });

    it("[STORE-CAMPAIGN-1] a campaign's participations are found under it, within their organisation only", async () => {
      const write = (organizationId: string, id: string, parentId: string | null) =>
        store.writeDocuments({
          collection: 'assessments',
          organizationId,
          ids: [id],
          now: 100,
          decide: () => ({ writes: [{ id, learnerId: 'l-1', parentId, deleted: false, body: { id, kind: 'campaign', campaignId: parentId } }], conflicts: [] }),
        });
      await write(orgA.id, 'as-1', 'camp-1');
      await write(orgA.id, 'as-2', 'camp-1');
      await write(orgA.id, 'as-3', 'camp-2');
      await write(orgA.id, 'as-4', null);
      // The same campaign id in another school names another campaign ([STORE-SCOPE-1]).
      await write(orgB.id, 'as-5', 'camp-1');
      expect((await store.getChildDocuments(orgA.id, 'assessments', ['camp-1'])).map((d) => d.id)).toEqual(['as-1', 'as-2']);
      expect((await store.getChildDocuments(orgA.id, 'assessments', ['camp-1', 'camp-2'])).map((d) => d.id)).toEqual(['as-1', 'as-2', 'as-3']);
      expect((await store.getChildDocuments(orgB.id, 'assessments', ['camp-1'])).map((d) => d.id)).toEqual(['as-5']);
    });
  });
}
