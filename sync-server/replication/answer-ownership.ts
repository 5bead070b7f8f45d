/**
 * Whose test an answer joins ([SYNC-OWN-1], [SYNC-OWN-2]): an answer is accepted only into an assessment the
 * caller's organisation holds, of the same learner. The learner scope (push.ts) has already made sure the answer's
 * learner is the organisation's; this checks the assessment it names.
 *
 * Checked before the write transaction, from the organisation's stored assessments: safe because what is checked
 * never changes once written (an assessment's learner is part of its identity, [SYNC-OWN-3], and nothing is ever
 * hard-deleted). A test pushed meanwhile only turns a "not yet received" into an acceptance at the next retry.
 */
import { HttpError } from '../http-error.ts';
import type { Store } from '../store/store.ts';
import type { IncomingDocument } from './collections.ts';

/**
 * The code of the retryable refusal: 409, never 400/403, so a lab machine keeps the answers and sends them again
 * (its assessment replication runs beside the answers' and brings the test within a retry or two).
 */
export const ASSESSMENT_NOT_YET_RECEIVED = 'assessment_not_yet_received';

/** How many ids a refusal names: enough to find them in a log, short enough for a sync indicator. */
const IDS_IN_MESSAGE = 3;

const listed = (ids: string[]): string => ids.slice(0, IDS_IN_MESSAGE).join(', ') + (ids.length > IDS_IN_MESSAGE ? '…' : '');

export async function checkAnswersBelong(store: Store, organizationId: string, answers: IncomingDocument[]): Promise<void> {
  const assessmentIds = [...new Set(answers.map((a) => String(a.assessmentId)))];
  // Only the caller's organisation's tests: another organisation's test of the same id is not there at all, so the
  // answer meets "not yet received", exactly as for an id that exists nowhere ([SYNC-OWN-4]).
  const held = new Map((await store.getDocuments(organizationId, 'assessments', assessmentIds)).map((d) => [d.id, d]));

  // A permanent refusal first: a batch holding an answer into another learner's test is refused as such, even if
  // another of its tests is still on its way.
  const intoOthers = answers.filter((a) => {
    const test = held.get(String(a.assessmentId));
    return test !== undefined && test.body.learnerId !== a.learnerId;
  });
  if (intoOthers.length > 0) {
    throw new HttpError(403, 'forbidden', `Réponse refusée : le test ne correspond pas à l'élève de la réponse (${listed(intoOthers.map((a) => a.id))}).`);
  }

  const missing = assessmentIds.filter((id) => !held.has(id));
  if (missing.length > 0) {
    throw new HttpError(
      409,
      ASSESSMENT_NOT_YET_RECEIVED,
      `Test pas encore reçu par le relais : ${listed(missing)}. Les réponses seront renvoyées automatiquement après lui.`,
    );
  }
}
