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
 * everything else is the stored side's: identity fields never change once written ([SYNC-MERGE-3] — the relay
 * answers a push that changes them as a conflict), and the lab machine, merging onto the relay's copy, takes its.
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

/**
 * What says which test an assessment is: written when the test starts and never changed after. The relay answers
 * a push that changes one of them with its stored copy as a conflict ([SYNC-OWN-3]); answers and results hang on
 * these fields, so a silent change would move a test to another learner, campaign or pack. `startedAt` is not
 * among them (the first start wins, [SYNC-MERGE-1]) nor `deviceId` (informative: the stored one is kept).
 */
// The replay inputs frozen at start ([REPLAY-2], [REPLAY-5]) are identity too: changing them would change the test.
export const ASSESSMENT_IDENTITY_FIELDS = ['kind', 'learnerId', 'campaignId', 'competenceId', 'sessionId', 'contentVersion', 'priorChallengeIds', 'carriedOver'] as const satisfies readonly (keyof AssessmentDocument)[];

/** [SYNC-MERGE-3] True when both documents name the same test (every identity field equal). */
export function sameAssessmentIdentity(a: AssessmentDocument, b: AssessmentDocument): boolean {
  // Compared as JSON: an identity field that holds a list would never be `===` another copy of itself.
  return ASSESSMENT_IDENTITY_FIELDS.every((field) => stableStringify(a[field]) === stableStringify(b[field]));
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
