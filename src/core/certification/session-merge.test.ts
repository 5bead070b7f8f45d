import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CertificationCandidate, CertificationSessionDocument } from '../sync/documents.ts';
import { mergeCandidate, mergeSession } from './session-merge.ts';

const candidate = (overrides: Partial<CertificationCandidate> = {}): CertificationCandidate => ({
  id: 'c-1', learnerId: 'l-1', lastName: 'MARTIN', firstName: 'Camille', birthplace: '', extraTimePercent: 0, externalId: '', accessibilityNeeds: '', addedAt: 1, ...overrides,
});

const session = (overrides: Partial<CertificationSessionDocument> = {}): CertificationSessionDocument => ({
  id: 's-1', updatedAt: 0, _deleted: false, organizationId: 'org', room: 'B12', address: 'ici', date: '2026-12-08', time: '09:00', examiner: 'S', description: '',
  accessCode: 'CERT42', status: 'created', createdAt: 1, createdBy: 'u', candidates: [candidate()], finalisedAt: null, finalisation: null, processedAt: null, ...overrides,
});

describe('certification session merge', () => {
  it('[CERT-MERGE-2] presence and ending times: the first wins; resumes only grow; the first abort reason stays', () => {
    const stored = candidate({ presenceConfirmedAt: 10, resumeAuthorizations: 2, abortReason: 'technical' });
    const incoming = candidate({ presenceConfirmedAt: 20, endedByInvigilatorAt: 30, resumeAuthorizations: 1, abortReason: 'candidate' });
    expect(mergeCandidate(stored, incoming)).toEqual(candidate({ presenceConfirmedAt: 10, endedByInvigilatorAt: 30, resumeAuthorizations: 2, abortReason: 'technical' }));
    // A write that had not seen the confirmation does not undo it.
    expect(mergeCandidate(stored, candidate())).toMatchObject({ presenceConfirmedAt: 10, resumeAuthorizations: 2 });
  });

  it('[CERT-MERGE-1] the status never moves back, the first finalisation wins, identity never changes', () => {
    const finalised = session({ status: 'finalised', finalisedAt: 5, finalisation: { comment: 'a', hasIncident: true, hasJoiningIssue: false } });
    const late = session({ room: 'B14', accessCode: 'OTHER2', finalisation: { comment: 'b', hasIncident: false, hasJoiningIssue: false } });
    expect(mergeSession(finalised, late)).toMatchObject({ status: 'finalised', finalisedAt: 5, finalisation: { comment: 'a' }, accessCode: 'CERT42', room: 'B14' });
  });

  it('[CERT-MERGE-3] once finalised, no candidate leaves', () => {
    expect(mergeSession(session({ status: 'finalised' }), session({ status: 'finalised', candidates: [] })).candidates).toHaveLength(1);
    expect(mergeSession(session(), session({ candidates: [] })).candidates).toHaveLength(0);
  });

  it('[CERT-MERGE-2] candidates converge whatever order the changes arrive in', () => {
    const change = fc.record({ presenceConfirmedAt: fc.option(fc.nat(100), { nil: undefined }), endedByInvigilatorAt: fc.option(fc.nat(100), { nil: undefined }), resumeAuthorizations: fc.option(fc.nat(5), { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(change, { minLength: 1, maxLength: 6 }), (changes) => {
        const apply = (order: typeof changes) => order.reduce<CertificationCandidate>((acc, c) => mergeCandidate(acc, { ...candidate(), ...Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined)) }), candidate());
        expect(apply(changes)).toEqual(apply([...changes].reverse()));
      }),
    );
  });
});
