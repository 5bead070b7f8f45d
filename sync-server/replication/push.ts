/**
 * A push: a batch of documents for one collection, applied all or nothing (SYNC.md). Scope is checked before the
 * transaction (every learner must be the caller's organisation's, every answer must join its own learner's test
 * there); the organisation's stored versions are met inside it. Ids are the organisation's own ([SYNC-OWN-4]):
 * the store never shows a push another organisation's document, so no answer depends on one existing.
 */
import type { Caller } from '../auth/caller.ts';
import { HttpError } from '../http-error.ts';
import type { DocumentWrite, Store, StoredDocument } from '../store/store.ts';
import type { CollectionSpec, IncomingDocument } from './collections.ts';

export interface PushRow {
  newDocumentState: IncomingDocument;
  assumedMasterState: Record<string, unknown> | null;
}

export interface PushResult {
  /** Master states of the documents that conflict (empty: all written or already there). */
  conflicts: Record<string, unknown>[];
  written: StoredDocument[];
}

function forbidden(message: string): HttpError {
  return new HttpError(403, 'forbidden', message);
}

export async function pushDocuments(store: Store, caller: Caller, spec: CollectionSpec, rows: PushRow[], now: number): Promise<PushResult> {
  const meet = spec.meet;
  if (!meet || !spec.canPush(caller)) throw forbidden(`Vous ne pouvez pas envoyer de documents « ${spec.name} ».`);
  if (rows.length === 0) return { conflicts: [], written: [] };

  const ids = rows.map((row) => row.newDocumentState.id);
  if (new Set(ids).size !== ids.length) throw new HttpError(400, 'bad_request', 'Requête invalide : le même document figure deux fois dans le lot.');

  const learnerIds = [...new Set(rows.map((row) => String(row.newDocumentState.learnerId)))];
  const learners = await store.getLearners(learnerIds);
  const inScope = new Set(learners.filter((l) => l.organizationId === caller.organizationId).map((l) => l.id));
  const outside = learnerIds.filter((id) => !inScope.has(id));
  if (outside.length > 0) throw forbidden(`Élève inconnu ou hors de votre établissement : ${outside.slice(0, 3).join(', ')}.`);
  await spec.checkBelonging?.(store, caller.organizationId, rows.map((row) => row.newDocumentState));

  const conflicts: Record<string, unknown>[] = [];
  const { written } = await store.writeDocuments({
    collection: spec.name,
    organizationId: caller.organizationId,
    ids,
    now,
    decide(existing) {
      const writes: DocumentWrite[] = [];
      for (const { newDocumentState: incoming } of rows) {
        // Only this organisation's stored version (the store reads within it): another learner's document under the
        // same id is a conflict through the collection's rule (an answer's content, an assessment's identity).
        const stored = existing.get(incoming.id);
        const meeting = meet(stored?.body, incoming);
        if (meeting.kind === 'conflict' && stored) conflicts.push(stored.body);
        // The learner column follows the written body: a merge keeps the stored identity.
        if (meeting.kind === 'write') writes.push({ id: incoming.id, learnerId: String(meeting.body.learnerId), parentId: spec.parentOf(meeting.body), deleted: Boolean(meeting.body._deleted), body: meeting.body });
      }
      return { writes, conflicts: [] };
    },
  });
  return { conflicts, written };
}
