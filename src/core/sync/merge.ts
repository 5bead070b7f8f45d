/**
 * Merge rules for replicated documents (ARCHITECTURE.md: monotonic fields merged, never last-writer-wins on a
 * whole record). Both the relay and the lab machines' conflict handlers use these, so every side converges to
 * the same state whatever the order in which writes arrive. Merges are commutative, associative and idempotent.
 */
import type { AnswerDocument, AssessmentDocument, AssessmentState } from './documents.ts';

const STATE_RANK: Record<AssessmentState, number> = {
  started: 0,
  completed: 1,
  aborted: 2,
  'ended-by-invigilator': 2,
  shared: 3,
};

function laterState(a: AssessmentState, b: AssessmentState): AssessmentState {
  const ra = STATE_RANK[a];
  const rb = STATE_RANK[b];
  if (ra !== rb) return ra > rb ? a : b;
  // Same rank, different states (aborted vs ended by the invigilator): the invigilator's decision stands.
  return a === 'ended-by-invigilator' || b === 'ended-by-invigilator' ? 'ended-by-invigilator' : a;
}

function earliest(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}

/**
 * [SYNC-MERGE-1] An assessment's state only moves forward; first start, first completion and first sharing win;
 * identity fields (kind, learner, campaign…) never change once written (the stored one is kept).
 */
export function mergeAssessment(stored: AssessmentDocument, incoming: AssessmentDocument): AssessmentDocument {
  return {
    ...stored,
    state: laterState(stored.state, incoming.state),
    startedAt: Math.min(stored.startedAt, incoming.startedAt),
    completedAt: earliest(stored.completedAt, incoming.completedAt),
    sharedAt: earliest(stored.sharedAt, incoming.sharedAt),
    _deleted: stored._deleted || incoming._deleted,
  };
}

/** The fields of an answer the client owns: everything but the server's bookkeeping. */
function answerContent(answer: AnswerDocument): string {
  const { updatedAt: _updatedAt, ...content } = answer;
  return stableStringify(content);
}

/** [SYNC-MERGE-2] Answers are append-only: the same id with the same content is a no-op, other content a conflict. */
export function sameAnswer(a: AnswerDocument, b: AnswerDocument): boolean {
  return answerContent(a) === answerContent(b);
}

/** JSON with object keys sorted, so that equal documents compare equal whatever their key order. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
