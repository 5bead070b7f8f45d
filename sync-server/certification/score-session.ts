/**
 * [CERT-8] … [CERT-10] Scores every candidate of a finalised session from the answer log alone, with the pack the
 * test ran on (src/core/certification/candidate-result.ts), and stores the results; a scored candidate gets a
 * verification code for their attestation.
 */
import { randomInt } from 'node:crypto';
import { candidateResult } from '../../src/core/certification/candidate-result.ts';
import type { CandidateOutcome } from '../../src/core/certification/candidate-result.ts';
import { drawVerificationCode } from '../../src/core/certification/session-codes.ts';
import type { AnswerDocument, AssessmentDocument, CertificationSessionDocument } from '../../src/core/sync/documents.ts';
import type { CertificationResultRecord } from '../store/certification-store.ts';
import { StoreConflictError } from '../store/store.ts';
import type { Store } from '../store/store.ts';
import type { CertificationDeps } from './sessions.ts';

/** What a stored result holds: the outcome and what the attestation prints. */
export interface CandidateResultBody {
  outcome: CandidateOutcome;
  lastName: string;
  firstName: string;
  /** yyyy-mm-dd. */
  birthDate: string;
  /** yyyy-mm-dd of the session. */
  sessionDate: string;
  centre: string;
}

/** Draws again when a verification code is taken (about 40 bits: a collision is rare, never impossible). */
const SAVE_ATTEMPTS = 3;

/** Learner id → their certification test of this session (the first started, should a machine have made two). */
export async function candidateTests(store: Store, session: CertificationSessionDocument): Promise<Map<string, AssessmentDocument>> {
  const learners = new Set(session.candidates.map((c) => c.learnerId));
  const tests = new Map<string, AssessmentDocument>();
  for (let afterSeq = 0; ; ) {
    const page = await store.pullDocuments({ collection: 'assessments', organizationId: session.organizationId, afterSeq, limit: 1000 });
    for (const doc of page) {
      const test = doc.body as unknown as AssessmentDocument;
      if (doc.deleted || test.kind !== 'certification' || test.sessionId !== session.id || !learners.has(test.learnerId)) continue;
      const held = tests.get(test.learnerId);
      if (!held || test.startedAt < held.startedAt) tests.set(test.learnerId, test);
    }
    if (page.length < 1000) return tests;
    afterSeq = page[page.length - 1]?.seq ?? afterSeq;
  }
}

export async function scoreSession(deps: CertificationDeps, session: CertificationSessionDocument): Promise<void> {
  const { store, library } = deps;
  const organizationId = session.organizationId;
  const organization = await store.getOrganization(organizationId);
  const tests = await candidateTests(store, session);
  const answers = (await store.getChildDocuments(organizationId, 'answers', [...tests.values()].map((t) => t.id))).map((d) => d.body as unknown as AnswerDocument);
  const learners = new Map((await store.getLearners(session.candidates.map((c) => c.learnerId))).map((l) => [l.id, l]));
  const computedAt = deps.now();
  const results: Omit<CertificationResultRecord, 'verificationCode'>[] = [];
  for (const candidate of session.candidates) {
    const test = tests.get(candidate.learnerId) ?? null;
    const content = test ? await library.forOrganization(organizationId, test.contentVersion) : null;
    const log = test ? answers.filter((a) => a.assessmentId === test.id && a.learnerId === candidate.learnerId) : [];
    const outcome = candidateResult({ content, assessment: test, answers: log, abortReason: candidate.abortReason ?? null });
    const body: CandidateResultBody = {
      outcome,
      lastName: candidate.lastName,
      firstName: candidate.firstName,
      birthDate: learners.get(candidate.learnerId)?.birthDate ?? '',
      sessionDate: session.date,
      centre: organization?.name ?? '',
    };
    results.push({ organizationId, sessionId: session.id, candidateId: candidate.id, learnerId: candidate.learnerId, body: body as unknown as Record<string, unknown>, computedAt });
  }
  for (let attempt = 1; ; attempt++) {
    const records = results.map((r) => ({ ...r, verificationCode: (r.body as unknown as CandidateResultBody).outcome.status === 'scored' ? drawVerificationCode((n) => randomInt(n)) : null }));
    try {
      await store.certification.saveResults(organizationId, session.id, records);
      return;
    } catch (error) {
      if (!(error instanceof StoreConflictError) || attempt >= SAVE_ATTEMPTS) throw error;
    }
  }
}
