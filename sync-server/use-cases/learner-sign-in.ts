/**
 * Students on the relay: a teacher gives a student a personal code (shown once, to print or read out), and a
 * student signs in to see their own work, with their school's UAI and either their name and birth date or their
 * personal code. The answer is the same whatever was wrong, so nobody learns who is on the roster.
 */
import { createHash, randomInt } from 'node:crypto';
import { normalizeFreeText } from '../../src/core/answers/normalize.ts';
import { canonicalBirthDate, isoToCanonicalBirthDate } from '../../src/core/sync/birth-date.ts';
import { canonicalPersonalCode, drawPersonalCode, formatPersonalCode } from '../../src/core/sync/personal-code.ts';
import { forgetBefore, highestAdmittedCount, LEARNER_LOCKOUT, lockedUntil } from '../auth/learner-lockout.ts';
import type { LearnerLockoutPolicy } from '../auth/learner-lockout.ts';
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

/**
 * The learners a name-and-birth-date attempt is aimed at: those of the school with that name, whatever the date.
 * Failures are counted against them ([AUTH-4]).
 */
function namedLearners(roster: Learner[], credentials: { lastName: string; firstName: string }): Learner[] {
  return roster.filter((l) => l.active && sameName(l.lastName, credentials.lastName) && sameName(l.firstName, credentials.firstName));
}

/**
 * Signs a student in on the relay, or null with nothing said about why ([AUTH-4]): a wrong school, name, date or
 * code, a locked learner and a school that requires personal codes all give the same null. A locked learner is
 * refused without their credentials being compared, so guessing during a lock teaches nothing and costs nothing.
 */
export async function signInLearner(store: Store, credentials: LearnerCredentials, now: number, policy: LearnerLockoutPolicy = LEARNER_LOCKOUT): Promise<LearnerSignInResult | null> {
  const organization = await store.findOrganizationByUai(credentials.uai.trim());
  if (!organization) return null;

  if ('personalCode' in credentials) {
    // A code finds its learner only when it is right (about 40 bits: not guessable against one learner), so there
    // is nothing to count here; the address limit bounds blind guessing.
    const code = canonicalPersonalCode(credentials.personalCode);
    const learner = code ? await store.findLearnerByPersonalCode(organization.id, personalCodeDigest(organization.id, code)) : null;
    if (!learner?.active) return null;
    const failures = await store.getLearnerSignInFailures([learner.id]);
    if (lockedUntil(failures.get(learner.id), now, policy) > now) return null;
    if (failures.has(learner.id)) await store.clearLearnerSignInFailures(learner.id);
    return issue(store, learner, now);
  }

  // Personal codes only: a birth date is not checked at all, so it cannot be guessed here (ADR 0004).
  if ((await store.getLearnerSignInMode(organization.id)) === 'personal-code-only') return null;
  const named = namedLearners(await store.listLearners(organization.id), credentials);
  if (named.length === 0) return null;
  const failures = await store.getLearnerSignInFailures(named.map((l) => l.id));
  const isOpen = (learner: Learner): boolean => lockedUntil(failures.get(learner.id), now, policy) <= now;
  const date = canonicalBirthDate(credentials.birthDate);
  const matches = date ? named.filter((l) => isoToCanonicalBirthDate(l.birthDate) === date) : [];
  // Two students with the same name and birth date cannot be told apart: neither signs in this way (codes can).
  if (matches.length > 1) return null;
  const [match] = matches;
  if (!match) {
    // A wrong guess against each of the learners of that name that is not locked already.
    for (const learner of named.filter(isOpen)) {
      await store.recordLearnerSignInFailure({ learnerId: learner.id, organizationId: organization.id, now, forgetBefore: forgetBefore(now, policy) });
    }
    return null;
  }
  if (!isOpen(match)) return null;
  // Counted before it is accepted, so that a burst of parallel guesses gets no more tries than guesses in a row.
  const counted = await store.recordLearnerSignInFailure({ learnerId: match.id, organizationId: organization.id, now, forgetBefore: forgetBefore(now, policy) });
  if (counted.failures > highestAdmittedCount(failures.get(match.id), now, policy)) return null;
  await store.clearLearnerSignInFailures(match.id);
  return issue(store, match, now);
}

async function issue(store: Store, learner: Learner, now: number): Promise<LearnerSignInResult> {
  const token = await issueToken(store, { type: 'learner', id: learner.id, organizationId: learner.organizationId }, now);
  return {
    token,
    learner: { id: learner.id, organizationId: learner.organizationId, lastName: learner.lastName, firstName: learner.firstName, className: learner.className },
  };
}

/**
 * Lifts a learner's relay sign-in lock (a teacher or admin of their school). Another school's learner is "not
 * found", as one that does not exist: no answer tells whether an id exists elsewhere.
 */
export async function unlockLearnerSignIn(store: Store, organizationId: string, learnerId: string): Promise<void> {
  const [learner] = await store.getLearners([learnerId]);
  if (learner?.organizationId !== organizationId) throw new HttpError(404, 'not_found', 'Élève introuvable dans votre établissement.');
  await store.clearLearnerSignInFailures(learnerId);
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
