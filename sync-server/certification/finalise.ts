/**
 * "Finaliser la session" ([CERT-7], [CERT-8]): every unfinished test needs an abort reason; then the relay scores
 * every candidate from the answers alone (score-session.ts) and the session becomes `processed`. A relay stopped
 * between the two finishes the scoring when finalisation is asked again.
 */
import type { CertificationAbortReason, CertificationFinalisation, CertificationSessionDocument } from '../../src/core/sync/documents.ts';
import { HttpError } from '../http-error.ts';
import { changeSession, readSession } from './session-documents.ts';
import { candidateTests, scoreSession } from './score-session.ts';
import { sessionView } from './sessions.ts';
import type { CertificationDeps, SessionView } from './sessions.ts';

export interface FinaliseInput extends CertificationFinalisation {
  /** Candidate id → who ended their unfinished test. */
  abortReasons: Record<string, CertificationAbortReason>;
}

/** The candidates whose test of this session is not completed (started, aborted or ended by the invigilator). */
async function unfinishedCandidates(deps: CertificationDeps, session: CertificationSessionDocument): Promise<string[]> {
  const tests = await candidateTests(deps.store, session);
  return session.candidates.filter((c) => {
    const test = tests.get(c.learnerId);
    return test !== undefined && test.state !== 'completed';
  }).map((c) => c.id);
}

export async function finaliseSession(deps: CertificationDeps, organizationId: string, sessionId: string, input: FinaliseInput): Promise<SessionView> {
  let session = await readSession(deps.store, organizationId, sessionId);
  if (session.status === 'processed') throw new HttpError(409, 'session_already_finalised', 'La session est déjà finalisée.');
  if (session.status === 'created') {
    const unfinished = await unfinishedCandidates(deps, session);
    const missing = session.candidates.filter((c) => unfinished.includes(c.id) && input.abortReasons[c.id] === undefined);
    if (missing.length > 0) {
      const names = missing.map((c) => `${c.lastName.toUpperCase()} ${c.firstName}`).join(', ');
      throw new HttpError(422, 'abort_reason_missing', `Indiquez la raison de l'abandon pour chaque test non terminé : ${names}. La session n'a pas été finalisée.`);
    }
    const now = deps.now();
    session = await changeSession(deps.store, organizationId, sessionId, now, deps.onWritten, (stored) => {
      if (stored.status !== 'created') throw new HttpError(409, 'session_already_finalised', 'La session est déjà finalisée.');
      return {
        ...stored,
        status: 'finalised',
        finalisedAt: now,
        finalisation: { comment: input.comment.trim(), hasIncident: input.hasIncident, hasJoiningIssue: input.hasJoiningIssue },
        candidates: stored.candidates.map((c) => {
          const reason = unfinished.includes(c.id) ? input.abortReasons[c.id] : undefined;
          return reason ? { ...c, abortReason: reason } : c;
        }),
      };
    });
  }
  await scoreSession(deps, session);
  const processed = await changeSession(deps.store, organizationId, sessionId, deps.now(), deps.onWritten, (stored) => ({ ...stored, status: 'processed', processedAt: deps.now() }));
  return sessionView(deps, processed);
}
