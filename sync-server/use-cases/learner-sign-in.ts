/**
 * Students on the relay: a teacher gives a student a personal code (shown once, to print or read out), and a
 * student signs in to see their own work, with their school's UAI and either their name and birth date or their
 * personal code. The answer is the same whatever was wrong, so nobody learns who is on the roster.
 */
import { createHash, randomInt } from 'node:crypto';
import { normalizeFreeText } from '../../src/core/answers/normalize.ts';
import { canonicalBirthDate, isoToCanonicalBirthDate } from '../../src/core/sync/birth-date.ts';
import { canonicalPersonalCode, drawPersonalCode, formatPersonalCode } from '../../src/core/sync/personal-code.ts';
import { issueToken } from '../auth/tokens.ts';
import { HttpError } from '../http-error.ts';
import { StoreConflictError } from '../store/store.ts';
import type { Learner, Store } from '../store/store.ts';
import { birthDateSalt, hashBirthDate, publishLearnerDocuments } from './publish-roster.ts';

export type LearnerCredentials = { uai: string; lastName: string; firstName: string; birthDate: string } | { uai: string; personalCode: string };

export interface LearnerSignInResult {
  token: string;
  learner: { id: string; organizationId: string; lastName: string; firstName: string; className: string };
}

/** Online lookup key: a personal code is only ever looked up inside its organisation. */
export function personalCodeDigest(organizationId: string, canonicalCode: string): string {
  return createHash('sha256').update(`pixlab-personal-code:${organizationId}:${canonicalCode}`).digest('hex');
}

const NAME_TOLERANCES = ['T1', 'T2'] as const;

/**
 * Names compare as free answers do under T1 and T2 (case, accents, ligatures, spaces and punctuation ignored):
 * "Élodie-Marie" = "elodie marie".
 */
function sameName(a: string, b: string): boolean {
  return normalizeFreeText(a, NAME_TOLERANCES) === normalizeFreeText(b, NAME_TOLERANCES);
}

async function findLearner(store: Store, credentials: LearnerCredentials): Promise<Learner | null> {
  const organization = await store.findOrganizationByUai(credentials.uai.trim());
  if (!organization) return null;
  if ('personalCode' in credentials) {
    const code = canonicalPersonalCode(credentials.personalCode);
    return code ? store.findLearnerByPersonalCode(organization.id, personalCodeDigest(organization.id, code)) : null;
  }
  const date = canonicalBirthDate(credentials.birthDate);
  if (!date) return null;
  const matches = (await store.listLearners(organization.id)).filter(
    (l) => isoToCanonicalBirthDate(l.birthDate) === date && sameName(l.lastName, credentials.lastName) && sameName(l.firstName, credentials.firstName),
  );
  // Two students with the same name and birth date cannot be told apart: neither signs in this way (codes can).
  return matches.length === 1 ? (matches[0] ?? null) : null;
}

export async function signInLearner(store: Store, credentials: LearnerCredentials, now: number): Promise<LearnerSignInResult | null> {
  const learner = await findLearner(store, credentials);
  if (!learner?.active) return null;
  const token = await issueToken(store, { type: 'learner', id: learner.id, organizationId: learner.organizationId }, now);
  return {
    token,
    learner: { id: learner.id, organizationId: learner.organizationId, lastName: learner.lastName, firstName: learner.firstName, className: learner.className },
  };
}

/** Draws a new personal code for a learner of the organisation (replacing any previous one) and republishes them. */
export async function issuePersonalCode(store: Store, organizationId: string, learnerId: string, now: number): Promise<{ learnerId: string; code: string }> {
  const [learner] = await store.getLearners([learnerId]);
  if (learner?.organizationId !== organizationId) throw new HttpError(404, 'not_found', 'Élève introuvable dans votre établissement.');
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = drawPersonalCode((n) => randomInt(n));
    try {
      await store.setPersonalCode({
        learnerId,
        organizationId,
        digest: personalCodeDigest(organizationId, code),
        hash: await hashBirthDate(code, birthDateSalt(learnerId)),
        createdAt: now,
      });
    } catch (error) {
      // Another learner of the school drew the same code (about one chance in a billion): draw again.
      if (error instanceof StoreConflictError) continue;
      throw error;
    }
    await publishLearnerDocuments(store, organizationId, [learner], now);
    return { learnerId, code: formatPersonalCode(code) };
  }
  throw new Error('could not draw a unique personal code');
}
