/**
 * Opaque bearer tokens: 32 random bytes handed to the client once; only their SHA-256 is stored, so a copy of
 * the database does not let anyone sign in. Tokens live in the store, which works across relay instances.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { AuthToken, Store, TokenSubject } from '../store/store.ts';

/** Teachers and invigilators sign in for a school day and a bit. */
export const USER_TOKEN_TTL_MS = 12 * 60 * 60 * 1000;
/** A student looking at their own work: a lesson's length. */
export const LEARNER_TOKEN_TTL_MS = 2 * 60 * 60 * 1000;
/** A lab machine stays enrolled for a school year. */
export const DEVICE_TOKEN_TTL_MS = 366 * 24 * 60 * 60 * 1000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function issueToken(
  store: Store,
  subject: { type: TokenSubject; id: string; organizationId: string },
  now: number,
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const record: AuthToken = {
    tokenHash: hashToken(token),
    subjectType: subject.type,
    subjectId: subject.id,
    organizationId: subject.organizationId,
    createdAt: now,
    expiresAt: now + { device: DEVICE_TOKEN_TTL_MS, user: USER_TOKEN_TTL_MS, learner: LEARNER_TOKEN_TTL_MS }[subject.type],
  };
  await store.createAuthToken(record);
  return token;
}
