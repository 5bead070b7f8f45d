/**
 * Reading and changing one `certification-sessions` document ([CERT-1]). Every change is decided inside the
 * store's write transaction on the stored version and merged with it ([CERT-MERGE-1] … [CERT-MERGE-3]), so two
 * changes at once both hold; a change may throw an HttpError to refuse, and then nothing is written.
 */
import { mergeSession } from '../../src/core/certification/session-merge.ts';
import type { CertificationSessionDocument } from '../../src/core/sync/documents.ts';
import { HttpError } from '../http-error.ts';
import type { Store, StoredDocument } from '../store/store.ts';

export const SESSIONS = 'certification-sessions';

/** Told of every write, so that lab machines' live streams hear of it. */
export type OnSessionWritten = (organizationId: string, written: StoredDocument[]) => void;

export function sessionNotFound(): HttpError {
  return new HttpError(404, 'session_not_found', "Session de certification introuvable.");
}

/** [CERT-14] The organisation's session, or a 404 (another school's is not found either). */
export async function readSession(store: Store, organizationId: string, sessionId: string): Promise<CertificationSessionDocument> {
  const [doc] = await store.getDocuments(organizationId, SESSIONS, [sessionId]);
  if (!doc || doc.deleted) throw sessionNotFound();
  return doc.body as unknown as CertificationSessionDocument;
}

export async function listSessionDocuments(store: Store, organizationId: string): Promise<CertificationSessionDocument[]> {
  const docs = await store.pullDocuments({ collection: SESSIONS, organizationId, afterSeq: 0, limit: 100_000 });
  return docs.filter((d) => !d.deleted).map((d) => d.body as unknown as CertificationSessionDocument);
}

/** Writes a new session document. */
export async function insertSession(store: Store, body: Omit<CertificationSessionDocument, 'updatedAt'>, now: number, onWritten: OnSessionWritten): Promise<CertificationSessionDocument> {
  const { written } = await store.writeDocuments({
    collection: SESSIONS,
    organizationId: body.organizationId,
    ids: [body.id],
    now,
    decide: () => ({ writes: [{ id: body.id, learnerId: null, deleted: false, body: { ...body } }], conflicts: [] }),
  });
  onWritten(body.organizationId, written);
  return written[0]?.body as unknown as CertificationSessionDocument;
}

/**
 * Applies `change` to the stored session inside the write transaction, merged with it. `change` sees the stored
 * version (checks such as the 20-candidate limit are made there, [CERT-4]) and throws to refuse.
 */
export async function changeSession(
  store: Store,
  organizationId: string,
  sessionId: string,
  now: number,
  onWritten: OnSessionWritten,
  change: (stored: CertificationSessionDocument) => CertificationSessionDocument,
): Promise<CertificationSessionDocument> {
  const { written } = await store.writeDocuments({
    collection: SESSIONS,
    organizationId,
    ids: [sessionId],
    now,
    decide: (existing) => {
      const stored = existing.get(sessionId);
      if (!stored || stored.deleted) throw sessionNotFound();
      const before = stored.body as unknown as CertificationSessionDocument;
      const merged = mergeSession(before, change(before));
      return { writes: [{ id: sessionId, learnerId: null, deleted: false, body: { ...merged } }], conflicts: [] };
    },
  });
  onWritten(organizationId, written);
  return written[0]?.body as unknown as CertificationSessionDocument;
}
