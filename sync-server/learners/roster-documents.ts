/**
 * The `learners` documents lab machines pull for changed learners (publish-roster.ts gives their shape). The birth
 * date hash is PBKDF2, about a millisecond and a half each: a learner whose birth date did not change keeps the
 * hash their published document already has (the salt depends on the id only), so a re-import of a whole school
 * hashes only the new students.
 */
import type { Learner, Store, DocumentWrite } from '../store/store.ts';
import { birthDateSalt, learnerDocument } from '../use-cases/publish-roster.ts';

/**
 * Hashes running at once. PBKDF2 runs on libuv's pool of 4 threads, which also serves file reads (the app's static
 * files) and scrypt (staff sign-in): two at a time keep two cores busy without starving the rest.
 */
const HASH_CONCURRENCY = 2;

export async function rosterDocuments(store: Store, organizationId: string, learners: Learner[], previous: ReadonlyMap<string, Learner>): Promise<DocumentWrite[]> {
  const ids = learners.map((l) => l.id);
  const [published, codeHashes] = await Promise.all([store.getDocuments(organizationId, 'learners', ids), store.getPersonalCodeHashes(ids)]);
  const hashes = new Map(
    published.flatMap((doc) => {
      const { birthDateHash, birthDateSalt: salt } = doc.body;
      return typeof birthDateHash === 'string' && salt === birthDateSalt(doc.id) ? [[doc.id, birthDateHash] as const] : [];
    }),
  );
  return mapWithConcurrency(learners, HASH_CONCURRENCY, async (learner): Promise<DocumentWrite> => {
    const before = previous.get(learner.id);
    const known = before?.birthDate === learner.birthDate ? hashes.get(learner.id) : undefined;
    const body = await learnerDocument(learner, codeHashes.get(learner.id), known);
    return { id: learner.id, learnerId: learner.id, deleted: false, body: { ...body } };
  });
}

/** In order, at most `limit` at a time. */
async function mapWithConcurrency<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
