/**
 * Answers the relay has not confirmed yet (updatedAt still 0), counted in IndexedDB itself. RxDB's query cache only
 * refreshes on its own instance's change events, so a count through it could miss what another tab's worker wrote
 * or received; the indicator must tell the truth on every tab.
 */
import { normalizeMangoQuery, prepareQuery } from 'rxdb/plugins/core';
import type { AnswerDocument } from '../../src/core/sync/documents.ts';
import type { LabDatabase } from './lab-database.ts';

export async function countPendingAnswers(db: LabDatabase): Promise<number> {
  const schema = db.answers.schema.jsonSchema;
  const query = normalizeMangoQuery<AnswerDocument>(schema, { selector: { updatedAt: 0, _deleted: false } });
  const { count } = await db.answers.storageInstance.count(prepareQuery(schema, query));
  return count;
}
