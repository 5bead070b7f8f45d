/**
 * How two versions of a certification session meet ([CERT-MERGE-1] … [CERT-MERGE-3]). The relay is the only writer,
 * but two relay instances (or an invigilator's two tabs) may change one session at once: every change is applied to
 * the stored version inside the write transaction and then merged with it, so nothing an invigilator did is ever
 * undone by a later write that had not seen it (ARCHITECTURE.md: monotonic fields, never last-writer-wins).
 */
import type { CertificationCandidate, CertificationSessionDocument, CertificationSessionStatus } from '../sync/documents.ts';
import { CERTIFICATION_SESSION_STATUSES } from '../sync/documents.ts';

function statusRank(status: CertificationSessionStatus): number {
  return CERTIFICATION_SESSION_STATUSES.indexOf(status);
}

/** The earlier of two times, either possibly absent (first wins). */
function first(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.min(a, b);
}

function firstNullable(a: number | null, b: number | null): number | null {
  return first(a ?? undefined, b ?? undefined) ?? null;
}

/** [CERT-MERGE-2] One candidate: times first-wins, counts only grow, the first abort reason stays. */
export function mergeCandidate(stored: CertificationCandidate, incoming: CertificationCandidate): CertificationCandidate {
  const merged: CertificationCandidate = { ...incoming };
  const presence = first(stored.presenceConfirmedAt, incoming.presenceConfirmedAt);
  const ended = first(stored.endedByInvigilatorAt, incoming.endedByInvigilatorAt);
  const resumes = Math.max(stored.resumeAuthorizations ?? 0, incoming.resumeAuthorizations ?? 0);
  const abortReason = stored.abortReason ?? incoming.abortReason;
  delete merged.presenceConfirmedAt;
  delete merged.endedByInvigilatorAt;
  delete merged.resumeAuthorizations;
  delete merged.abortReason;
  return {
    ...merged,
    ...(presence !== undefined ? { presenceConfirmedAt: presence } : {}),
    ...(ended !== undefined ? { endedByInvigilatorAt: ended } : {}),
    ...(resumes > 0 ? { resumeAuthorizations: resumes } : {}),
    ...(abortReason !== undefined ? { abortReason } : {}),
  };
}

/**
 * [CERT-MERGE-1] The status only moves forward (created → finalised → processed) and the first finalisation and
 * processing win. [CERT-MERGE-3] Candidates meet by id: the incoming list's order and details (a corrected name),
 * each merged with its stored self; a candidate may leave only while the session is still `created`.
 */
export function mergeSession(stored: CertificationSessionDocument, incoming: CertificationSessionDocument): CertificationSessionDocument {
  const status = statusRank(incoming.status) >= statusRank(stored.status) ? incoming.status : stored.status;
  const storedById = new Map(stored.candidates.map((c) => [c.id, c]));
  const candidates = incoming.candidates.map((candidate) => {
    const before = storedById.get(candidate.id);
    return before ? mergeCandidate(before, candidate) : candidate;
  });
  if (stored.status !== 'created') {
    const kept = new Set(candidates.map((c) => c.id));
    for (const candidate of stored.candidates) if (!kept.has(candidate.id)) candidates.push(candidate);
  }
  const finalisedAt = firstNullable(stored.finalisedAt, incoming.finalisedAt);
  return {
    ...incoming,
    // Identity of the session: never moved by an edit.
    id: stored.id,
    organizationId: stored.organizationId,
    accessCode: stored.accessCode,
    createdAt: stored.createdAt,
    createdBy: stored.createdBy,
    status,
    candidates,
    finalisedAt,
    finalisation: stored.finalisation ?? incoming.finalisation,
    processedAt: firstNullable(stored.processedAt, incoming.processedAt),
  };
}
