/**
 * Contract cases of store.certification for every implementation ([STORE-CERT-1] … [STORE-CERT-4]): session secrets
 * with relay-wide unique access codes, results replaced all or nothing, scoped by organisation, and the one
 * cross-school read by verification code.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CertificationResultRecord } from './certification-store.ts';
import type { StoreHarness } from './store.contract.ts';
import { StoreConflictError } from './store.ts';
import type { Store } from './store.ts';

const T0 = 1_700_000_000_000;
const secret = (organizationId: string, sessionId: string, accessCode: string) => ({ organizationId, sessionId, accessCode, invigilatorPassword: 'PW2345', createdAt: T0 });

function result(candidateId: string, verificationCode: string | null, overrides: Partial<CertificationResultRecord> = {}): CertificationResultRecord {
  return { organizationId: 'org-1', sessionId: 's-1', candidateId, learnerId: `l-${candidateId}`, verificationCode, body: { status: 'scored', score: 321 }, computedAt: T0, ...overrides };
}

export function certificationContract(name: string, open: () => Promise<StoreHarness>): void {
  describe(`Store contract, certification: ${name}`, () => {
    let harness: StoreHarness;
    let store: Store;

    beforeEach(async () => {
      harness = await open();
      store = harness.store;
      await store.migrate();
      await store.createOrganization({ id: 'org-1', name: 'Lycée Test', uai: '0123456X', createdAt: 1 });
      await store.createOrganization({ id: 'org-2', name: 'Collège Voisin', uai: '0987654Y', createdAt: 1 });
    });

    afterEach(async () => {
      await harness.dispose();
    });

    it('[STORE-CERT-1] a session secret is kept per organisation and found by its access code', async () => {
      await store.certification.saveSessionSecret(secret('org-1', 's-1', 'ABC234'));
      expect(await store.certification.getSessionSecret('org-1', 's-1')).toEqual(secret('org-1', 's-1', 'ABC234'));
      expect(await store.certification.getSessionSecret('org-2', 's-1')).toBeNull();
      expect(await store.certification.findSessionByAccessCode('ABC234')).toMatchObject({ organizationId: 'org-1', sessionId: 's-1' });
      expect(await store.certification.findSessionByAccessCode('ZZZ999')).toBeNull();
    });

    it('[STORE-CERT-1] an access code is unique across the relay, whatever the school', async () => {
      await store.certification.saveSessionSecret(secret('org-1', 's-1', 'ABC234'));
      await expect(store.certification.saveSessionSecret(secret('org-2', 's-9', 'ABC234'))).rejects.toBeInstanceOf(StoreConflictError);
      expect(await store.certification.getSessionSecret('org-2', 's-9')).toBeNull();
    });

    it('[STORE-CERT-2] results replace the session\'s previous ones, all or none', async () => {
      await store.certification.saveResults('org-1', 's-1', [result('c-1', 'P-AAAAAAAA'), result('c-2', null)]);
      await store.certification.saveResults('org-1', 's-1', [result('c-1', 'P-BBBBBBBB')]);
      expect((await store.certification.listResults('org-1', 's-1')).map((r) => [r.candidateId, r.verificationCode])).toEqual([['c-1', 'P-BBBBBBBB']]);
      // A verification code another session holds: the whole batch fails and the stored results stay.
      await store.certification.saveResults('org-1', 's-2', [result('c-7', 'P-CCCCCCCC', { sessionId: 's-2' })]);
      await expect(store.certification.saveResults('org-1', 's-1', [result('c-1', 'P-DDDDDDDD'), result('c-2', 'P-CCCCCCCC')])).rejects.toBeInstanceOf(StoreConflictError);
      expect((await store.certification.listResults('org-1', 's-1')).map((r) => r.verificationCode)).toEqual(['P-BBBBBBBB']);
    });

    it('[STORE-CERT-3] results are read within their organisation only', async () => {
      await store.certification.saveResults('org-1', 's-1', [result('c-1', 'P-AAAAAAAA')]);
      expect(await store.certification.listResults('org-2', 's-1')).toEqual([]);
      const [stored] = await store.certification.listResults('org-1', 's-1');
      expect(stored).toEqual(result('c-1', 'P-AAAAAAAA'));
    });

    it('[STORE-CERT-4] an attestation is found by its verification code, and no other', async () => {
      await store.certification.saveResults('org-2', 's-5', [result('c-1', 'P-EEEEEEEE', { organizationId: 'org-2', sessionId: 's-5' })]);
      expect(await store.certification.findResultByVerificationCode('P-EEEEEEEE')).toMatchObject({ organizationId: 'org-2', sessionId: 's-5', candidateId: 'c-1', body: { score: 321 } });
      expect(await store.certification.findResultByVerificationCode('P-FFFFFFFF')).toBeNull();
    });
  });
}
