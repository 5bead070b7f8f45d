/**
 * Conflict handlers of the lab machine's collections: the same merge rules as the relay (src/core/sync/merge.ts),
 * so both sides converge whatever the order of writes.
 *
 * `isEqual` is strict (the whole document, server `updatedAt` included): RxDB skips a pulled master state that
 * `isEqual` calls equal to the one it assumed, so a looser equality would keep the relay's copy (and its
 * `updatedAt`, which says "the relay has it") from ever landing on the machine. The meaning lives in `resolve`.
 */
import type { RxConflictHandler } from 'rxdb/plugins/core';
import type { AssessmentDocument } from '../../src/core/sync/documents.ts';
import { mergeAssessment, stableStringify } from '../../src/core/sync/merge.ts';

const strictlyEqual = (a: unknown, b: unknown): boolean => stableStringify(a) === stableStringify(b);

/** Answers are immutable: on a real conflict the relay's copy is the record. Also used for relay-only collections. */
export function relayWins<T>(): RxConflictHandler<T> {
  return {
    isEqual: strictlyEqual,
    resolve: (input) => Promise.resolve(input.realMasterState),
  };
}

/** [SYNC-MERGE-1] on the machine too: states only move forward, first dates win. */
export const assessmentConflictHandler: RxConflictHandler<AssessmentDocument> = {
  isEqual: strictlyEqual,
  resolve: (input) => Promise.resolve({ ...mergeAssessment(input.realMasterState, input.newDocumentState), updatedAt: input.realMasterState.updatedAt }),
};
