/**
 * Certification sessions of an organisation ([CERT-1], [CERT-2], [CERT-14]): created and edited by invigilators and
 * admins, replicated to lab machines as `certification-sessions` documents; the invigilator password stays on the
 * relay. The staff view adds what lab machines never get: the password, birth dates and certifiability.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { drawAccessCode, drawInvigilatorPassword } from '../../src/core/certification/session-codes.ts';
import type { CertificationSessionDocument } from '../../src/core/sync/documents.ts';
import { isoToCanonicalBirthDate } from '../../src/core/sync/birth-date.ts';
import type { ContentLibrary } from '../content/content-library.ts';
import { HttpError } from '../http-error.ts';
import { StoreConflictError } from '../store/store.ts';
import type { Store } from '../store/store.ts';
import { certifiabilityOf } from './candidate-certifiability.ts';
import type { CandidateCertifiability } from './candidate-certifiability.ts';
import { changeSession, insertSession, listSessionDocuments, readSession } from './session-documents.ts';
import type { OnSessionWritten } from './session-documents.ts';
import { checkSessionInput } from './session-input.ts';
import type { SessionInput } from './session-input.ts';

export interface CertificationDeps {
  store: Store;
  library: ContentLibrary;
  now: () => number;
  onWritten: OnSessionWritten;
}

export type CandidateView = CertificationSessionDocument['candidates'][number] & { birthDate: string; certifiability: CandidateCertifiability };

export type SessionView = Omit<CertificationSessionDocument, 'candidates' | '_deleted' | 'updatedAt'> & { invigilatorPassword: string; candidates: CandidateView[] };

export type SessionSummary = Pick<CertificationSessionDocument, 'id' | 'room' | 'address' | 'date' | 'time' | 'examiner' | 'accessCode' | 'status'> & { candidateCount: number };

/** Attempts at drawing an unused access code: with 31^6 codes, a second draw is already rare. */
const ACCESS_CODE_ATTEMPTS = 10;

const draw = (n: number): number => randomInt(n);

export async function createSession(deps: CertificationDeps, organizationId: string, userId: string, input: SessionInput): Promise<SessionView> {
  const fields = checkSessionInput(input);
  const id = randomUUID();
  const now = deps.now();
  const invigilatorPassword = drawInvigilatorPassword(draw);
  for (let attempt = 0; attempt < ACCESS_CODE_ATTEMPTS; attempt++) {
    const accessCode = drawAccessCode(draw);
    try {
      // [CERT-2] the secret first: its unique index is what makes the access code unique across the relay.
      await deps.store.certification.saveSessionSecret({ organizationId, sessionId: id, accessCode, invigilatorPassword, createdAt: now });
    } catch (error) {
      if (error instanceof StoreConflictError) continue;
      throw error;
    }
    const doc = await insertSession(
      deps.store,
      { id, _deleted: false, organizationId, ...fields, accessCode, status: 'created', createdAt: now, createdBy: userId, candidates: [], finalisedAt: null, finalisation: null, processedAt: null },
      now,
      deps.onWritten,
    );
    return sessionView(deps, doc);
  }
  throw new HttpError(503, 'access_code_unavailable', "Impossible de tirer un code d'accès libre : réessayez.");
}

export async function editSession(deps: CertificationDeps, organizationId: string, sessionId: string, input: SessionInput): Promise<SessionView> {
  const fields = checkSessionInput(input);
  const doc = await changeSession(deps.store, organizationId, sessionId, deps.now(), deps.onWritten, (stored) => {
    if (stored.status !== 'created') throw new HttpError(409, 'session_finalised', 'La session est finalisée : elle ne peut plus être modifiée.');
    return { ...stored, ...fields };
  });
  return sessionView(deps, doc);
}

/** The organisation's sessions, the most recent date first. */
export async function listSessions(store: Store, organizationId: string): Promise<SessionSummary[]> {
  const docs = await listSessionDocuments(store, organizationId);
  docs.sort((a, b) => b.date.localeCompare(a.date) || b.time.localeCompare(a.time) || a.room.localeCompare(b.room, 'fr'));
  return docs.map(({ id, room, address, date, time, examiner, accessCode, status, candidates }) => ({ id, room, address, date, time, examiner, accessCode, status, candidateCount: candidates.length }));
}

export async function getSession(deps: CertificationDeps, organizationId: string, sessionId: string): Promise<SessionView> {
  return sessionView(deps, await readSession(deps.store, organizationId, sessionId));
}

export async function sessionView(deps: Pick<CertificationDeps, 'store' | 'library'>, doc: CertificationSessionDocument): Promise<SessionView> {
  const { _deleted: _d, updatedAt: _u, candidates, ...rest } = doc;
  const secret = await deps.store.certification.getSessionSecret(doc.organizationId, doc.id);
  const learners = new Map((await deps.store.getLearners(candidates.map((c) => c.learnerId))).filter((l) => l.organizationId === doc.organizationId).map((l) => [l.id, l]));
  const views: CandidateView[] = [];
  for (const candidate of candidates) {
    const learner = learners.get(candidate.learnerId);
    views.push({
      ...candidate,
      birthDate: learner ? isoToCanonicalBirthDate(learner.birthDate) : '',
      certifiability: await certifiabilityOf(deps.store, deps.library, doc.organizationId, candidate.learnerId),
    });
  }
  return { ...rest, invigilatorPassword: secret?.invigilatorPassword ?? '', candidates: views };
}
