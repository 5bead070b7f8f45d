/**
 * Answers the relay has not confirmed yet (updatedAt still 0), counted in IndexedDB itself. RxDB's query cache only
 * refreshes on its own instance's change events, so a count through it could miss what another tab's worker wrote
 * or received; the indicator must tell the truth on every tab. Answers set aside because the relay refused them are
 * counted apart ([SYNC-POISON-2]), not as waiting to be sent.
 */
import { normalizeMangoQuery, prepareQuery } from 'rxdb/plugins/core';
import type { AnswerDocument } from '../../src/core/sync/documents.ts';
import type { LabDatabase } from './lab-database.ts';
import type { RefusedDocuments } from './refused-documents.ts';

export async function countPendingAnswers(db: LabDatabase, refused?: RefusedDocuments): Promise<number> {
  const schema = db.answers.schema.jsonSchema;
  const query = normalizeMangoQuery<AnswerDocument>(schema, { selector: { updatedAt: 0, _deleted: false } });
  const { count } = await db.answers.storageInstance.count(prepareQuery(schema, query));
  if (!refused || count === 0) return count;
  const refusedAnswers = (await refused.list()).filter((r) => r.collection === 'answers').map((r) => r.id);
  if (refusedAnswers.length === 0) return count;
  const documents = await db.answers.storageInstance.findDocumentsById(refusedAnswers, false);
  return count - documents.filter((d) => d.updatedAt === 0).length;
}
