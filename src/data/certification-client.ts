/**
 * Certification calls to the relay (src/core/certification/SPEC.md [CERT-1] … [CERT-14]): the invigilator's
 * sessions, candidates, finalisation, results and downloads with the staff token, and the public verification of an
 * attestation. A refusal comes back as a value with the relay's error code and French message.
 */
import type { CandidateInput } from '../core/certification/candidate-csv.ts';
import { authorization, call } from './teacher-client.ts';
import type { CallFailure } from './teacher-client.ts';

export interface SessionFields {
  room: string;
  address: string;
  /** yyyy-mm-dd. */
  date: string;
  /** hh:mm. */
  time: string;
  examiner: string;
  description: string;
}

export type SessionStatus = 'created' | 'finalised' | 'processed';
export type AbortReason = 'candidate' | 'technical';

export interface SessionSummary extends SessionFields {
  id: string;
  accessCode: string;
  status: SessionStatus;
  candidateCount: number;
}

/** A candidate as enrolled (the same fields the form and the CSV import give), with what the relay adds. */
export interface SessionCandidate extends CandidateInput {
  id: string;
  certifiability: { certifiable: boolean; competenceCount: number };
  abortReason?: AbortReason;
}

export interface SessionDetail extends SessionFields {
  id: string;
  accessCode: string;
  invigilatorPassword: string;
  status: SessionStatus;
  candidates: SessionCandidate[];
  finalisation: { comment: string; hasIncident: boolean; hasJoiningIssue: boolean } | null;
}

export interface CandidateFields {
  lastName: string;
  firstName: string;
  /** jj/mm/aaaa as typed. */
  birthDate: string;
  birthplace: string;
  extraTimePercent: number;
  externalId: string;
  accessibilityNeeds: string;
}

export type CandidateOutcomeStatus = 'scored' | 'cancelled' | 'flagged' | 'unknown-content' | 'not-taken';

export interface CandidateResult {
  candidateId: string;
  lastName: string;
  firstName: string;
  outcome: { status: CandidateOutcomeStatus; score?: number; competences?: { competenceId: string; level: number }[] };
  verificationCode: string | null;
}

export interface Verification {
  lastName: string;
  firstName: string;
  date: string;
  score: number;
  competences: { competenceId: string; level: number }[];
}

export interface LineIssue {
  line: number | null;
  message: string;
}

export type Outcome<T> = { ok: true; value: T } | CallFailure;
/** Candidates refused line by line (422): nothing was added. */
export type EnrolOutcome = Outcome<SessionDetail> | { ok: false; reason: 'invalid-candidates'; message: string; errors: LineIssue[] };

const json = (token: string): Record<string, string> => ({ ...authorization(token), 'content-type': 'application/json' });
const base = '/api/certification/sessions';
const path = (id: string): string => `${base}/${encodeURIComponent(id)}`;

async function read<T>(url: string, init: RequestInit): Promise<Outcome<T>> {
  const result = await call(url, init);
  if (!result.ok) return result;
  return { ok: true, value: (await result.response.json()) as T };
}

export function fetchSessions(token: string): Promise<Outcome<SessionSummary[]>> {
  return read(base, { headers: authorization(token) });
}

export function createSession(token: string, fields: SessionFields): Promise<Outcome<SessionDetail>> {
  return read(base, { method: 'POST', headers: json(token), body: JSON.stringify(fields) });
}

export function fetchSession(token: string, id: string): Promise<Outcome<SessionDetail>> {
  return read(path(id), { headers: authorization(token) });
}

export function editSession(token: string, id: string, fields: SessionFields): Promise<Outcome<SessionDetail>> {
  return read(path(id), { method: 'PUT', headers: json(token), body: JSON.stringify(fields) });
}

/** A 422 carries every line's error: read before the generic failure. */
async function enrol(url: string, token: string, body: unknown): Promise<EnrolOutcome> {
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers: json(token), body: JSON.stringify(body) });
  } catch {
    return { ok: false, reason: 'unreachable', message: null };
  }
  if (response.status === 422) {
    const refused = (await response.json()) as { message: string; errors: LineIssue[] };
    return { ok: false, reason: 'invalid-candidates', message: refused.message, errors: refused.errors };
  }
  if (response.ok) return { ok: true, value: (await response.json()) as SessionDetail };
  const failed = (await response.json().catch(() => ({}))) as { error?: string; message?: string };
  const reason = response.status === 401 ? 'unauthorized' : response.status === 403 ? 'forbidden' : 'error';
  return { ok: false, reason, message: failed.message ?? null, ...(failed.error ? { code: failed.error } : {}) };
}

export function addCandidate(token: string, sessionId: string, candidate: CandidateFields): Promise<EnrolOutcome> {
  return enrol(`${path(sessionId)}/candidates`, token, candidate);
}

export function importCandidates(token: string, sessionId: string, content: string): Promise<EnrolOutcome> {
  return enrol(`${path(sessionId)}/candidates/import`, token, { content });
}

export function finaliseSession(
  token: string,
  sessionId: string,
  input: { comment: string; hasIncident: boolean; hasJoiningIssue: boolean; abortReasons: Record<string, AbortReason> },
): Promise<Outcome<SessionDetail>> {
  return read(`${path(sessionId)}/finalise`, { method: 'POST', headers: json(token), body: JSON.stringify(input) });
}

export function fetchResults(token: string, sessionId: string): Promise<Outcome<CandidateResult[]>> {
  return read(`${path(sessionId)}/results`, { headers: authorization(token) });
}

/** The results CSV or an attestation PDF, as a file to save (the staff token cannot ride on a plain link). */
export async function downloadFile(token: string, url: string): Promise<Outcome<Blob>> {
  const result = await call(url, { headers: authorization(token) });
  if (!result.ok) return result;
  return { ok: true, value: await result.response.blob() };
}

export const resultsCsvUrl = (sessionId: string): string => `${path(sessionId)}/results.csv`;
export const attestationUrl = (sessionId: string, candidateId: string): string => `${path(sessionId)}/candidates/${encodeURIComponent(candidateId)}/attestation.pdf`;

/** Public: no token. */
export function verifyAttestation(code: string): Promise<Outcome<Verification>> {
  return read(`/api/certification/verification/${encodeURIComponent(code)}`, {});
}
