/**
 * [CERT-6] A candidate joins from a lab machine: access code + identity → the candidate and their session, or a
 * clear refusal. Certifiability is enforced here ([CERT-5]), computed by the relay from the learner's answers.
 */
import { normalizeFreeText } from '../../src/core/answers/normalize.ts';
import { canonicalAccessCode } from '../../src/core/certification/session-codes.ts';
import { canonicalBirthDate, isoToCanonicalBirthDate } from '../../src/core/sync/birth-date.ts';
import { HttpError } from '../http-error.ts';
import { certifiabilityOf } from './candidate-certifiability.ts';
import { readSession } from './session-documents.ts';
import type { CertificationDeps } from './sessions.ts';

export interface JoinInput {
  accessCode: string;
  lastName: string;
  firstName: string;
  /** jj/mm/aaaa as typed. */
  birthDate: string;
}

export interface JoinAnswer {
  sessionId: string;
  room: string;
  date: string;
  time: string;
  candidate: { id: string; learnerId: string; lastName: string; firstName: string; extraTimePercent: number };
}

const NAME_TOLERANCES = ['T1', 'T2'] as const;
const same = (a: string, b: string): boolean => normalizeFreeText(a, NAME_TOLERANCES) === normalizeFreeText(b, NAME_TOLERANCES);

/** One answer whatever the reason (unknown code, another school's, session closed): no oracle across schools. */
function wrongCode(): HttpError {
  return new HttpError(404, 'session_not_found', "Code d'accès inconnu, ou session fermée : vérifiez le code donné par le surveillant.");
}

export async function joinSession(deps: Pick<CertificationDeps, 'store' | 'library'>, organizationId: string, input: JoinInput): Promise<JoinAnswer> {
  const code = canonicalAccessCode(input.accessCode);
  const secret = code ? await deps.store.certification.findSessionByAccessCode(code) : null;
  if (!secret || secret.organizationId !== organizationId) throw wrongCode();
  const session = await readSession(deps.store, organizationId, secret.sessionId);
  if (session.status !== 'created') throw wrongCode();
  const birthDate = canonicalBirthDate(input.birthDate);
  const learners = new Map((await deps.store.getLearners(session.candidates.map((c) => c.learnerId))).map((l) => [l.id, l]));
  const candidate = session.candidates.find((c) => {
    const learner = learners.get(c.learnerId);
    return learner !== undefined && same(c.lastName, input.lastName) && same(c.firstName, input.firstName) && birthDate !== null && isoToCanonicalBirthDate(learner.birthDate) === birthDate;
  });
  if (!candidate) {
    throw new HttpError(404, 'candidate_not_enrolled', "Vous n'êtes pas inscrit à cette session : vérifiez votre nom, votre prénom et votre date de naissance, ou adressez-vous au surveillant.");
  }
  const { certifiable } = await certifiabilityOf(deps.store, deps.library, organizationId, candidate.learnerId);
  if (!certifiable) {
    throw new HttpError(403, 'not_certifiable', "Vous n'êtes pas certifiable : il faut au moins 5 compétences au niveau 1 ou plus dans votre profil. Adressez-vous au surveillant.");
  }
  return {
    sessionId: session.id,
    room: session.room,
    date: session.date,
    time: session.time,
    candidate: { id: candidate.id, learnerId: candidate.learnerId, lastName: candidate.lastName, firstName: candidate.firstName, extraTimePercent: candidate.extraTimePercent },
  };
}
