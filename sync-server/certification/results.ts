/**
 * A processed session's results for staff ([CERT-8], [CERT-11], [CERT-12]) and the one public read, the
 * verification of an attestation by its code ([CERT-13]).
 */
import type { CandidateOutcome } from '../../src/core/certification/candidate-result.ts';
import { certificationResultsTable } from '../../src/core/certification/results-table.ts';
import { canonicalVerificationCode } from '../../src/core/certification/session-codes.ts';
import { writeCsv } from '../../src/core/exports/write-csv.ts';
import { HttpError } from '../http-error.ts';
import type { CertificationResultRecord } from '../store/certification-store.ts';
import type { Store } from '../store/store.ts';
import { attestationPdf } from './attestation-pdf.ts';
import type { CandidateResultBody } from './score-session.ts';
import { readSession } from './session-documents.ts';

export interface CandidateResultView {
  candidateId: string;
  lastName: string;
  firstName: string;
  outcome: CandidateOutcome;
  verificationCode: string | null;
}

export interface VerificationView {
  lastName: string;
  firstName: string;
  /** yyyy-mm-dd of the session. */
  date: string;
  score: number;
  competences: { competenceId: string; level: number }[];
}

const bodyOf = (record: CertificationResultRecord): CandidateResultBody => record.body as unknown as CandidateResultBody;

function notProcessed(): HttpError {
  return new HttpError(409, 'session_not_processed', "Les résultats ne sont disponibles qu'une fois la session finalisée.");
}

async function processedResults(store: Store, organizationId: string, sessionId: string) {
  const session = await readSession(store, organizationId, sessionId);
  if (session.status !== 'processed') throw notProcessed();
  const records = await store.certification.listResults(organizationId, sessionId);
  const byCandidate = new Map(records.map((r) => [r.candidateId, r]));
  // In the session's order (enrolment), not the store's.
  const ordered = session.candidates.flatMap((c) => {
    const record = byCandidate.get(c.id);
    return record ? [{ candidate: c, record }] : [];
  });
  return { session, ordered };
}

export async function sessionResults(store: Store, organizationId: string, sessionId: string): Promise<CandidateResultView[]> {
  const { ordered } = await processedResults(store, organizationId, sessionId);
  return ordered.map(({ candidate, record }) => ({
    candidateId: candidate.id,
    lastName: candidate.lastName,
    firstName: candidate.firstName,
    outcome: bodyOf(record).outcome,
    verificationCode: record.verificationCode,
  }));
}

/** [CERT-11] The results CSV (UTF-8 BOM, `;`, French dates, formula-safe). */
export async function sessionResultsCsv(store: Store, organizationId: string, sessionId: string): Promise<string> {
  const { session, ordered } = await processedResults(store, organizationId, sessionId);
  const organization = await store.getOrganization(organizationId);
  return writeCsv(
    certificationResultsTable({
      sessionId: session.id,
      centre: organization?.name ?? '',
      sessionDate: session.date,
      comment: session.finalisation?.comment ?? '',
      rows: ordered.map(({ candidate, record }) => ({
        number: candidate.id,
        lastName: candidate.lastName,
        firstName: candidate.firstName,
        birthDate: bodyOf(record).birthDate,
        birthplace: candidate.birthplace,
        externalId: candidate.externalId,
        outcome: bodyOf(record).outcome,
      })),
    }),
  );
}

/** [CERT-12] The attestation of a scored candidate; anyone else is a 404. */
export async function candidateAttestation(store: Store, organizationId: string, sessionId: string, candidateId: string): Promise<{ pdf: Buffer; verificationCode: string }> {
  const { ordered } = await processedResults(store, organizationId, sessionId);
  const found = ordered.find(({ candidate }) => candidate.id === candidateId);
  const body = found ? bodyOf(found.record) : null;
  const code = found?.record.verificationCode ?? null;
  if (!found || !body || body.outcome.status !== 'scored' || code === null) {
    throw new HttpError(404, 'attestation_not_found', "Pas d'attestation pour ce candidat : seuls les candidats dont le test a été noté en ont une.");
  }
  const pdf = await attestationPdf({ ...body, outcome: body.outcome, verificationCode: code });
  return { pdf, verificationCode: code };
}

/** [CERT-13] The public verification: the name, date, score and levels of a real attestation, nothing else. */
export async function verifyAttestation(store: Store, input: string): Promise<VerificationView> {
  const code = canonicalVerificationCode(input);
  const record = code ? await store.certification.findResultByVerificationCode(code) : null;
  const body = record ? bodyOf(record) : null;
  if (!body || body.outcome.status !== 'scored') throw new HttpError(404, 'attestation_not_found', 'Aucune attestation ne correspond à ce code de vérification.');
  return {
    lastName: body.lastName,
    firstName: body.firstName,
    date: body.sessionDate,
    score: body.outcome.score,
    competences: body.outcome.competences.map(({ competenceId, level }) => ({ competenceId, level })),
  };
}
