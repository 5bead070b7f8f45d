/**
 * Sending documents of one collection to the relay, with the documents it refuses set aside instead of retried
 * forever ([SYNC-POISON-1..3]). Used by RxDB's push handler (replicate.ts) and to offer set-aside documents again
 * (offer-again.ts).
 */
import { stableStringify } from '../../src/core/sync/merge.ts';
import type { RefusedDocument } from '../db/device-db.ts';
import type { PushedCollection, RefusedDocuments } from '../db/refused-documents.ts';
import { APP_VERSION } from '../runtime/app-version.ts';
import { pushIsolatingRefused } from './isolate-refused.ts';
import type { Refusal } from './refusal.ts';
import { CLIENT_PROTOCOL_VERSION } from './relay-connection.ts';
import type { RelayConnection } from './relay-connection.ts';

type Doc = Record<string, unknown>;

export interface PushRow {
  newDocumentState: Doc;
  assumedMasterState: Doc | null;
}

export interface PushDeps {
  connection: RelayConnection;
  refused: RefusedDocuments;
  now: () => number;
}

/** Code of an answer the machine holds back because the relay refused its assessment (status 0: never sent). */
export const HELD_WITH_ASSESSMENT = 'assessment_refused';

interface Item {
  row: PushRow;
  id: string;
  parentId: string | null;
  fingerprint: string;
}

/** RxDB may hand internal fields to the push handler; the relay accepts only the document's own. */
export function forRelay(doc: Doc): Doc {
  return Object.fromEntries(Object.entries(doc).filter(([key]) => key === '_deleted' || !key.startsWith('_')));
}

/** Whether a record was made by this very app and protocol (else the document deserves another try). */
export function refusedByThisVersion(record: RefusedDocument): boolean {
  return record.appVersion === APP_VERSION && record.protocolVersion === CLIENT_PROTOCOL_VERSION;
}

function toItem(collection: PushedCollection, row: PushRow): Item {
  const doc = forRelay(row.newDocumentState);
  return {
    row: { newDocumentState: doc, assumedMasterState: row.assumedMasterState ? forRelay(row.assumedMasterState) : null },
    id: String(doc.id),
    parentId: collection === 'answers' ? String(doc.assessmentId) : null,
    fingerprint: stableStringify(doc),
  };
}

function record(collection: PushedCollection, item: Item, refusal: Refusal, now: number): RefusedDocument {
  return {
    collection,
    id: item.id,
    parentId: item.parentId,
    ...refusal,
    refusedAt: now,
    fingerprint: item.fingerprint,
    appVersion: APP_VERSION,
    protocolVersion: CLIENT_PROTOCOL_VERSION,
  };
}

/**
 * Pushes `rows` and answers the relay's conflicts. Before sending: a document already refused as it is, by this
 * version, is not sent again ([SYNC-POISON-3]; `offerAgain` sends it anyway), and an answer whose assessment is set
 * aside is held back with it (the relay would only ever answer that its assessment has not arrived). A refusal
 * sets the refused documents aside and pushes the others; any other failure is thrown (retry later).
 */
export async function pushDocuments(deps: PushDeps, collection: PushedCollection, rows: PushRow[], options: { offerAgain?: boolean } = {}): Promise<{ conflicts: unknown[]; acceptedIds: string[] }> {
  const items = rows.map((row) => toItem(collection, row));
  const held = await deps.refused.get(collection, items.map((i) => i.id));
  const parents = [...new Set(items.flatMap((i) => (i.parentId === null ? [] : [i.parentId])))];
  const refusedParents = await deps.refused.get('assessments', parents);

  const toSend: Item[] = [];
  const heldBack: RefusedDocument[] = [];
  for (const item of items) {
    const previous = held.get(item.id);
    if (!options.offerAgain && previous && previous.fingerprint === item.fingerprint && refusedByThisVersion(previous)) continue;
    const parent = item.parentId === null ? undefined : refusedParents.get(item.parentId);
    if (parent) {
      const message = `Le test ${parent.id} de cette réponse a été refusé par le relais ; la réponse reste sur le poste avec lui.`;
      heldBack.push(record(collection, item, { status: 0, code: HELD_WITH_ASSESSMENT, message }, deps.now()));
      continue;
    }
    toSend.push(item);
  }
  await deps.refused.setAside(heldBack);

  let refusedNow = 0;
  const outcome = await pushIsolatingRefused(
    toSend,
    (batch) => deps.connection.request<unknown[]>('POST', `/api/replication/${collection}/push`, batch.map((i) => i.row)),
    (item, refusal) => {
      refusedNow += 1;
      return deps.refused.setAside([record(collection, item, refusal, deps.now())]);
    },
  );
  const acceptedIds = outcome.accepted.map((i) => i.id);
  await deps.refused.release(collection, acceptedIds);
  if (heldBack.length > 0 || refusedNow > 0 || acceptedIds.some((id) => held.has(id))) deps.connection.announceChange();
  return { conflicts: outcome.conflicts, acceptedIds };
}
