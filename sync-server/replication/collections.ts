/**
 * What each replicated collection allows: who pushes, who pulls what, and how a pushed document meets the stored
 * one. Merge rules come from src/core/sync/merge.ts, shared with the lab machines.
 */
import type { AnswerDocument, AssessmentDocument, CollectionName } from '../../src/core/sync/documents.ts';
import { mergeAssessment, sameAnswer, sameAssessmentIdentity, stableStringify } from '../../src/core/sync/merge.ts';
import type { Caller } from '../auth/caller.ts';
import type { Store } from '../store/store.ts';
import { checkAnswersBelong } from './answer-ownership.ts';
import { answerDocumentSchema, assessmentDocumentSchema, serverDocumentSchema } from './document-schemas.ts';
import { learnerEventDocumentSchema } from './event-document-schema.ts';

export type IncomingDocument = Record<string, unknown> & { id: string; _deleted: boolean };

/** The outcome of meeting a pushed document with the stored one. */
export type Meeting = { kind: 'write'; body: Record<string, unknown> } | { kind: 'unchanged' } | { kind: 'conflict' };

export interface CollectionSpec {
  name: CollectionName;
  schema: object;
  /** Null when nobody pushes this collection (the relay writes it). */
  meet: ((stored: Record<string, unknown> | undefined, incoming: IncomingDocument) => Meeting) | null;
  canPush(caller: Caller): boolean;
  canPull(caller: Caller): boolean;
  /** The document a pushed one belongs to (an answer's assessment), indexed for recomputation. */
  parentOf(body: Record<string, unknown>): string | null;
  /**
   * Checked before the write, after the learner scope: may the pushed documents join what they belong to (an answer
   * its assessment)? Throws an HttpError (403 refused, 409 retry later); absent when there is nothing to join.
   */
  checkBelonging?: (store: Store, organizationId: string, docs: IncomingDocument[]) => Promise<void>;
}

const noParent = (): null => null;

const isDevice = (caller: Caller): boolean => caller.kind === 'device';
const isOrgReader = (caller: Caller): boolean => caller.kind === 'device' || (caller.kind === 'user' && caller.roles.some((r) => r === 'admin' || r === 'member' || r === 'invigilator'));
/** A student reads their own work (the pull is filtered to their documents), never the rest of the school's. */
const isOrgReaderOrOwnWork = (caller: Caller): boolean => caller.kind === 'learner' || isOrgReader(caller);

/** Server bookkeeping a client may echo back: not part of what it owns. */
function withoutServerFields(doc: Record<string, unknown>): Record<string, unknown> {
  const { updatedAt: _updatedAt, ...rest } = doc;
  return rest;
}

export const COLLECTIONS: Record<CollectionName, CollectionSpec> = {
  answers: {
    name: 'answers',
    schema: answerDocumentSchema,
    // [SYNC-APPEND] an answer is inserted once: same content again is a no-op, other content a conflict.
    meet(stored, incoming) {
      if (!stored) return { kind: 'write', body: withoutServerFields(incoming) };
      return sameAnswer(stored as unknown as AnswerDocument, incoming as unknown as AnswerDocument) ? { kind: 'unchanged' } : { kind: 'conflict' };
    },
    canPush: isDevice,
    canPull: isOrgReaderOrOwnWork,
    parentOf: (body) => String(body.assessmentId),
    // [SYNC-OWN-1] [SYNC-OWN-2] only into a test of the organisation and of the same learner.
    checkBelonging: checkAnswersBelong,
  },
  assessments: {
    name: 'assessments',
    schema: assessmentDocumentSchema,
    // [SYNC-MERGE-1] monotonic merge: never last-writer-wins on the whole record.
    meet(stored, incoming) {
      if (!stored) return { kind: 'write', body: withoutServerFields(incoming) };
      // [SYNC-OWN-3] another identity is not a step of this test: the stored one is answered, nothing is merged.
      if (!sameAssessmentIdentity(stored as unknown as AssessmentDocument, incoming as unknown as AssessmentDocument)) return { kind: 'conflict' };
      const merged = withoutServerFields(mergeAssessment(stored as unknown as AssessmentDocument, incoming as unknown as AssessmentDocument) as unknown as Record<string, unknown>);
      return stableStringify(merged) === stableStringify(withoutServerFields(stored)) ? { kind: 'unchanged' } : { kind: 'write', body: merged };
    },
    canPush: isDevice,
    canPull: isOrgReaderOrOwnWork,
    // [STORE-CAMPAIGN-1] a campaign participation hangs on its campaign (an identity field: it never changes).
    parentOf: (body) => (body.kind === 'campaign' && typeof body.campaignId === 'string' ? body.campaignId : null),
  },
  learners: { name: 'learners', schema: serverDocumentSchema, meet: null, canPush: () => false, canPull: isOrgReaderOrOwnWork, parentOf: noParent },
  campaigns: { name: 'campaigns', schema: serverDocumentSchema, meet: null, canPush: () => false, canPull: isOrgReader, parentOf: noParent },
  events: {
    name: 'events',
    schema: learnerEventDocumentSchema,
    // [SYNC-EVENTS-1] append-only like answers: the same event again is a no-op, other content a conflict.
    meet(stored, incoming) {
      if (!stored) return { kind: 'write', body: withoutServerFields(incoming) };
      return stableStringify(withoutServerFields(stored)) === stableStringify(withoutServerFields(incoming)) ? { kind: 'unchanged' } : { kind: 'conflict' };
    },
    canPush: isDevice,
    canPull: isOrgReaderOrOwnWork,
    parentOf: noParent,
  },
  // [CERT-1] written by the relay only; the organisation's lab machines and staff pull it, students do not.
  'certification-sessions': { name: 'certification-sessions', schema: serverDocumentSchema, meet: null, canPush: () => false, canPull: isOrgReader, parentOf: noParent },
};
