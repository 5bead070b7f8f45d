/**
 * [SYNC-POISON-4] Set-aside documents are offered to the relay again when there is a reason to think it may take
 * them now: they were refused by another app or protocol version, or they are answers held back with an assessment
 * the relay has since accepted. Pushed directly (RxDB took them as sent when they were set aside); assessments first,
 * so that their answers can follow. When the relay holds another version of a document, its copy is written on the
 * machine, as RxDB's conflict handlers would (answers: the relay's copy is the record).
 */
import type { RxCollection } from 'rxdb/plugins/core';
import type { RefusedDocument } from '../db/device-db.ts';
import type { LabDatabase } from '../db/lab-database.ts';
import type { PushedCollection } from '../db/refused-documents.ts';
import { HELD_WITH_ASSESSMENT, pushDocuments, refusedByThisVersion } from './push-documents.ts';
import type { PushDeps } from './push-documents.ts';

function worthAnotherTry(record: RefusedDocument, refusedAssessments: ReadonlySet<string>): boolean {
  if (!refusedByThisVersion(record)) return true;
  return record.code === HELD_WITH_ASSESSMENT && record.parentId !== null && !refusedAssessments.has(record.parentId);
}

/** Offers again what deserves it; resolves once done, rejects when the relay cannot be reached (try later). */
export async function offerRefusedAgain(db: LabDatabase, deps: PushDeps, collections: readonly PushedCollection[], batchSize: number): Promise<void> {
  // Assessments first: the answers held back with them can follow in the same run.
  const order = [...collections].sort((a, b) => Number(b === 'assessments') - Number(a === 'assessments'));
  for (const collection of order) {
    // Read again for each collection: the assessments just accepted free their answers.
    const records = await deps.refused.list();
    const refusedAssessments = new Set(records.filter((r) => r.collection === 'assessments').map((r) => r.id));
    const local = db.collections[collection as keyof LabDatabase['collections']] as unknown as RxCollection<Record<string, unknown>> | undefined;
    if (!local) continue;
    const ids = records.filter((r) => r.collection === collection && worthAnotherTry(r, refusedAssessments)).map((r) => r.id);
    for (let start = 0; start < ids.length; start += batchSize) {
      const found = await local.findByIds(ids.slice(start, start + batchSize)).exec();
      const rows = [...found.values()].map((doc) => ({ newDocumentState: doc.toMutableJSON(true), assumedMasterState: null }));
      const { conflicts } = await pushDocuments(deps, collection, rows, { offerAgain: true });
      if (conflicts.length > 0) await local.bulkUpsert(conflicts as Record<string, unknown>[]);
    }
  }
}
