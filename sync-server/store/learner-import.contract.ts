/**
 * Contract cases of Store.importLearners for every implementation ([STORE-IMPORT-1] … [STORE-IMPORT-3]): a student
 * list import is one transaction over the learners, their `learners` documents and the import's record.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoreHarness } from './store.contract.ts';
import { StoreConflictError } from './store.ts';
import type { DocumentWrite, Learner, LearnerImportRecord, LearnerImportWrite, Store } from './store.ts';

const org = { id: 'org-1', name: 'Lycée Test', uai: '0123456X', createdAt: 1 };
const teacher = { id: 'user-1', organizationId: org.id, email: 'prof@example.org', firstName: 'Anne', lastName: 'Durand', passwordHash: 'x', roles: ['member' as const], createdAt: 1 };

function learner(id: string, overrides: Partial<Learner> = {}): Learner {
  return { id, organizationId: org.id, lastName: 'MARTIN', firstName: 'Camille', className: '2NDE A', birthDate: '2010-03-14', nationalId: null, active: true, updatedAt: 5, ...overrides };
}

function doc(l: Learner): DocumentWrite {
  return { id: l.id, learnerId: l.id, deleted: false, body: { id: l.id, lastName: l.lastName, active: l.active } };
}

function record(overrides: Partial<LearnerImportRecord> = {}): LearnerImportRecord {
  return { id: 'imp-1', organizationId: org.id, importedBy: teacher.id, importedAt: 1_000, format: 'siecle', fileName: 'eleves.xml', created: 2, updated: 0, disabled: 0, skipped: 1, ...overrides };
}

function write(learners: Learner[], overrides: Partial<LearnerImportWrite> = {}): LearnerImportWrite {
  return { organizationId: org.id, now: 1_000, learners, documents: learners.map(doc), record: record(), check: () => undefined, ...overrides };
}

export function learnerImportContract(name: string, open: () => Promise<StoreHarness>): void {
  describe(`Store contract, learner imports: ${name}`, () => {
    let harness: StoreHarness;
    let store: Store;

    beforeEach(async () => {
      harness = await open();
      store = harness.store;
      await store.migrate();
      await store.createOrganization(org);
      await store.createUser(teacher);
    });

    afterEach(async () => {
      await harness.dispose();
    });

    it('[STORE-IMPORT-1] writes the learners, their documents (new sequences) and the record together; imports list newest first', async () => {
      const first = await store.importLearners(write([learner('a', { nationalId: '1A' }), learner('b', { lastName: 'BERNARD' })]));
      expect(first.written.map((d) => [d.id, d.collection, d.updatedAt])).toEqual([['a', 'learners', 1_000], ['b', 'learners', 1_000]]);
      expect((await store.listLearners(org.id)).map((l) => [l.id, l.nationalId])).toEqual([['b', null], ['a', '1A']]);
      const pulled = await store.pullDocuments({ collection: 'learners', organizationId: org.id, afterSeq: 0, limit: 10 });
      expect(pulled.map((d) => d.id)).toEqual(['a', 'b']);

      // A re-import: b disabled, a renamed; the check is handed the roster as stored.
      let seen: string[] = [];
      const second = await store.importLearners(
        write([learner('a', { lastName: 'MARTIN-DURAND', nationalId: '1A', updatedAt: 9 }), learner('b', { lastName: 'BERNARD', active: false, updatedAt: 9 })], {
          now: 2_000,
          record: record({ id: 'imp-2', importedAt: 2_000, created: 0, updated: 1, disabled: 1, skipped: 0 }),
          check: (current) => {
            seen = current.map((l) => `${l.id}:${l.lastName}`).sort();
          },
        }),
      );
      expect(seen).toEqual(['a:MARTIN', 'b:BERNARD']);
      expect(Math.min(...second.written.map((d) => d.seq))).toBeGreaterThan(Math.max(...first.written.map((d) => d.seq)));
      expect((await store.getLearners(['a', 'b'])).map((l) => [l.id, l.lastName, l.active]).sort()).toEqual([['a', 'MARTIN-DURAND', true], ['b', 'BERNARD', false]]);
      expect((await store.listLearnerImports(org.id, 5)).map((r) => r.id)).toEqual(['imp-2', 'imp-1']);
      expect(await store.listLearnerImports(org.id, 1)).toEqual([record({ id: 'imp-2', importedAt: 2_000, created: 0, updated: 1, disabled: 1, skipped: 0 })]);
      expect(await store.listLearnerImports('org-2', 5)).toEqual([]);
    });

    it('[STORE-IMPORT-2] a check that throws writes nothing: no learner, no document, no record, no sequence', async () => {
      const before = await store.lastSequence();
      const refused = store.importLearners(
        write([learner('a')], {
          check: () => {
            throw new StoreConflictError('the roster moved');
          },
        }),
      );
      await expect(refused).rejects.toBeInstanceOf(StoreConflictError);
      expect(await store.listLearners(org.id)).toEqual([]);
      expect(await store.pullDocuments({ collection: 'learners', organizationId: org.id, afterSeq: 0, limit: 10 })).toEqual([]);
      expect(await store.listLearnerImports(org.id, 5)).toEqual([]);
      expect(await store.lastSequence()).toBe(before);
    });

    it('[STORE-IMPORT-3] a write that fails half way (a record id already used) leaves the learners and documents as they were', async () => {
      await store.importLearners(write([learner('a')]));
      const sequence = await store.lastSequence();
      await expect(store.importLearners(write([learner('a', { lastName: 'AUTRE', updatedAt: 9 }), learner('b')]))).rejects.toThrow();
      expect((await store.listLearners(org.id)).map((l) => [l.id, l.lastName])).toEqual([['a', 'MARTIN']]);
      expect(await store.lastSequence()).toBe(sequence);
      expect((await store.pullDocuments({ collection: 'learners', organizationId: org.id, afterSeq: 0, limit: 10 })).map((d) => d.id)).toEqual(['a']);
    });

    it('[STORE-IMPORT-1] a whole school in one import (2,500 learners): every row and document written', async () => {
      const many = Array.from({ length: 2_500 }, (_, i) => learner(`l-${String(i).padStart(4, '0')}`, { nationalId: `N${i}` }));
      const { written } = await store.importLearners(write(many));
      expect(written).toHaveLength(2_500);
      expect(await store.listLearners(org.id)).toHaveLength(2_500);
      const pulled = await store.pullDocuments({ collection: 'learners', organizationId: org.id, afterSeq: 0, limit: 3_000 });
      expect(new Set(pulled.map((d) => d.id)).size).toBe(2_500);
    });
  });
}
