/**
 * Enrolling candidates ([CERT-3], [CERT-4]): by the form ("Ajouter un candidat") or a CSV, all or nothing. Each
 * candidate is matched to one active learner of the school's roster (names as the sign-in compares them, T1+T2;
 * the birth date exactly); the 20-candidate limit is checked inside the write transaction.
 */
import { randomUUID } from 'node:crypto';
import { normalizeFreeText } from '../../src/core/answers/normalize.ts';
import type { CandidateInput } from '../../src/core/certification/candidate-csv.ts';
import { MAX_SESSION_CANDIDATES } from '../../src/core/sync/document-specs.ts';
import type { CertificationCandidate } from '../../src/core/sync/documents.ts';
import { isoToCanonicalBirthDate } from '../../src/core/sync/birth-date.ts';
import type { ImportIssue } from '../../src/core/imports/learner-import.ts';
import { HttpError } from '../http-error.ts';
import type { Learner } from '../store/store.ts';
import { changeSession } from './session-documents.ts';
import { sessionView } from './sessions.ts';
import type { CertificationDeps, SessionView } from './sessions.ts';

const NAME_TOLERANCES = ['T1', 'T2'] as const;

function sameName(a: string, b: string): boolean {
  return normalizeFreeText(a, NAME_TOLERANCES) === normalizeFreeText(b, NAME_TOLERANCES);
}

export type EnrolOutcome = { ok: true; session: SessionView } | { ok: false; errors: ImportIssue[] };

/** The roster learner a candidate names, or the reason there is none. */
function matchLearner(roster: readonly Learner[], input: CandidateInput): { learner: Learner } | { message: string } {
  const matches = roster.filter((l) => l.active && sameName(l.lastName, input.lastName) && sameName(l.firstName, input.firstName) && isoToCanonicalBirthDate(l.birthDate) === input.birthDate);
  if (matches.length === 1 && matches[0]) return { learner: matches[0] };
  const who = `${input.lastName.toUpperCase()} ${input.firstName} (${input.birthDate})`;
  if (matches.length === 0) return { message: `${who} n'est pas un élève de l'établissement : vérifiez le nom, le prénom et la date de naissance.` };
  return { message: `${who} désigne plusieurs élèves de l'établissement : impossible de choisir.` };
}

export function sessionFull(): HttpError {
  return new HttpError(409, 'session_full', `La session compte déjà ${MAX_SESSION_CANDIDATES} candidats : c'est le maximum, aucun candidat n'a été ajouté.`);
}

/** `line` is the CSV line of each input (null for the form). */
export async function enrolCandidates(deps: CertificationDeps, organizationId: string, sessionId: string, inputs: readonly { line: number | null; candidate: CandidateInput }[]): Promise<EnrolOutcome> {
  const roster = await deps.store.listLearners(organizationId);
  const errors: ImportIssue[] = [];
  const matched: { line: number | null; input: CandidateInput; learner: Learner }[] = [];
  for (const { line, candidate } of inputs) {
    const match = matchLearner(roster, candidate);
    if ('message' in match) errors.push({ line, message: match.message });
    else if (matched.some((m) => m.learner.id === match.learner.id)) errors.push({ line, message: `${candidate.lastName.toUpperCase()} ${candidate.firstName} figure deux fois.` });
    else matched.push({ line, input: candidate, learner: match.learner });
  }
  if (errors.length > 0) return { ok: false, errors };
  const now = deps.now();
  const doc = await changeSession(deps.store, organizationId, sessionId, now, deps.onWritten, (stored) => {
    if (stored.status !== 'created') throw new HttpError(409, 'session_finalised', 'La session est finalisée : on ne peut plus y ajouter de candidat.');
    const enrolled = new Set(stored.candidates.map((c) => c.learnerId));
    const already = matched.filter((m) => enrolled.has(m.learner.id));
    if (already.length > 0) {
      const names = already.map((m) => `${m.learner.lastName} ${m.learner.firstName}`).join(', ');
      throw new HttpError(409, 'already_enrolled', `Déjà inscrit dans cette session : ${names}. Aucun candidat n'a été ajouté.`);
    }
    // [CERT-4] decided on the stored version, inside the transaction: two additions at once cannot pass 20 together.
    if (stored.candidates.length + matched.length > MAX_SESSION_CANDIDATES) throw sessionFull();
    const added: CertificationCandidate[] = matched.map(({ input, learner }) => ({
      id: randomUUID(),
      learnerId: learner.id,
      lastName: learner.lastName,
      firstName: learner.firstName,
      birthplace: input.birthplace,
      extraTimePercent: input.extraTimePercent,
      externalId: input.externalId,
      accessibilityNeeds: input.accessibilityNeeds,
      addedAt: now,
    }));
    return { ...stored, candidates: [...stored.candidates, ...added] };
  });
  return { ok: true, session: await sessionView(deps, doc) };
}
