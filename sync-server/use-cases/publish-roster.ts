/**
 * Writes learners to the relay's roster and publishes what lab machines may see of them (the `learners`
 * collection: names, class, and a salted slow hash of the birth date), in one step for the caller.
 */
import { createHash, pbkdf2 } from 'node:crypto';
import { promisify } from 'node:util';
import { BIRTH_DATE_HASH, isoToCanonicalBirthDate } from '../../src/core/sync/birth-date.ts';
import type { LearnerDocument } from '../../src/core/sync/documents.ts';
import type { DocumentWrite, Learner, Store } from '../store/store.ts';

const pbkdf2Async = promisify(pbkdf2);

/** A stable per-learner salt: the same birth date gives the same hash, so an unchanged re-import changes nothing. */
export function birthDateSalt(learnerId: string): string {
  return createHash('sha256').update(`pixlab-birth-date:${learnerId}`).digest('hex').slice(0, 32);
}

export async function hashBirthDate(canonicalDate: string, salt: string): Promise<string> {
  const key = await pbkdf2Async(canonicalDate, Buffer.from(salt, 'hex'), BIRTH_DATE_HASH.iterations, BIRTH_DATE_HASH.bits / 8, 'sha256');
  return key.toString('hex');
}

/** `knownBirthDateHash`: the hash already published for this learner and birth date, to save the slow hashing. */
export async function learnerDocument(learner: Learner, personalCodeHash?: string, knownBirthDateHash?: string): Promise<Omit<LearnerDocument, 'updatedAt'>> {
  const salt = birthDateSalt(learner.id);
  return {
    id: learner.id,
    organizationId: learner.organizationId,
    lastName: learner.lastName,
    firstName: learner.firstName,
    className: learner.className,
    birthDateHash: knownBirthDateHash ?? (await hashBirthDate(isoToCanonicalBirthDate(learner.birthDate), salt)),
    birthDateSalt: salt,
    ...(personalCodeHash ? { personalCodeHash } : {}),
    active: learner.active,
    _deleted: false,
  };
}

export async function publishRoster(store: Store, organizationId: string, learners: Learner[], now: number): Promise<void> {
  await store.upsertLearners(learners);
  await publishLearnerDocuments(store, organizationId, learners, now);
}

/** Writes the `learners` documents lab machines pull, personal code hashes included. */
export async function publishLearnerDocuments(store: Store, organizationId: string, learners: Learner[], now: number): Promise<void> {
  const codeHashes = await store.getPersonalCodeHashes(learners.map((l) => l.id));
  const docs: DocumentWrite[] = [];
  for (const learner of learners) {
    const body = await learnerDocument(learner, codeHashes.get(learner.id));
    docs.push({ id: learner.id, learnerId: learner.id, deleted: false, body: { ...body } });
  }
  await store.writeDocuments({ collection: 'learners', organizationId, ids: docs.map((d) => d.id), now, decide: () => ({ writes: docs, conflicts: [] }) });
}
