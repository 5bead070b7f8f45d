/**
 * Student sign-in on an enrolled machine, without the network: class → name → birth date or personal code, checked
 * against the roster the machine holds (salted hashes, never the date or the code itself).
 */
import { canonicalBirthDate } from '../../src/core/sync/birth-date.ts';
import { canonicalPersonalCode } from '../../src/core/sync/personal-code.ts';
import { hashBirthDateInBrowser } from '../runtime/birth-date-check.ts';
import type { LabRuntime } from '../runtime/lab-runtime.ts';
import { isTabKey } from '../session/learner-session.ts';
import type { LearnerSession } from '../session/learner-session.ts';

export interface RosterLearner {
  id: string;
  lastName: string;
  firstName: string;
  className: string;
}

export type SignInOutcome =
  | { ok: true; learner: RosterLearner }
  | { ok: false; reason: 'invalid-date' | 'invalid-code' | 'mismatch' | 'code-mismatch' | 'no-code' | 'unknown-learner' };

/** What the student typed: their birth date, or the personal code their teacher gave them. */
export type SignInSecret = { learnerId: string; birthDate: string } | { learnerId: string; personalCode: string };

export interface RosterHandlers {
  listClasses(): Promise<{ name: string; learners: number }[]>;
  listLearners(input: { className: string }): Promise<RosterLearner[]>;
  /** Records the student as this tab's session ([SESSION-1]) when the secret matches. */
  signInLearner(input: SignInSecret): Promise<SignInOutcome>;
  /** The tab's key (from its sessionStorage): restores its session after a reload ([SESSION-2]). */
  openTab(input: { tabKey: string }): Promise<{ ok: true; learner: RosterLearner | null } | { ok: false; reason: 'invalid-tab' }>;
  currentLearner(): Promise<RosterLearner | null>;
  signOut(): Promise<{ ok: true }>;
}

/** A wrong birth date costs this long: guessing dates one by one at a lab machine becomes tedious. */
export const FAILED_SIGN_IN_DELAY_MS = 800;

const byName = (a: RosterLearner, b: RosterLearner): number =>
  a.lastName.localeCompare(b.lastName, 'fr') || a.firstName.localeCompare(b.firstName, 'fr');

export function createRosterHandlers(runtime: LabRuntime, session: LearnerSession): RosterHandlers {
  return {
    async listClasses() {
      const db = await runtime.db();
      const learners = await db.learners.find({ selector: { active: true, _deleted: false } }).exec();
      const counts = new Map<string, number>();
      for (const l of learners) counts.set(l.className, (counts.get(l.className) ?? 0) + 1);
      return [...counts].map(([name, count]) => ({ name, learners: count })).sort((a, b) => a.name.localeCompare(b.name, 'fr', { numeric: true }));
    },

    async listLearners({ className }) {
      const db = await runtime.db();
      const learners = await db.learners.find({ selector: { className, active: true } }).exec();
      return learners.map((l) => ({ id: l.id, lastName: l.lastName, firstName: l.firstName, className: l.className })).sort(byName);
    },

    async signInLearner(input) {
      const byCode = 'personalCode' in input;
      const secret = byCode ? canonicalPersonalCode(input.personalCode) : canonicalBirthDate(input.birthDate);
      if (!secret) return { ok: false, reason: byCode ? 'invalid-code' : 'invalid-date' };
      const db = await runtime.db();
      const learner = await db.learners.findOne(input.learnerId).exec();
      if (!learner?.active) return { ok: false, reason: 'unknown-learner' };
      const expected = byCode ? learner.personalCodeHash : learner.birthDateHash;
      if (!expected) return { ok: false, reason: 'no-code' };
      const hash = await hashBirthDateInBrowser(secret, learner.birthDateSalt);
      if (hash !== expected) {
        await new Promise((resolve) => setTimeout(resolve, FAILED_SIGN_IN_DELAY_MS));
        return { ok: false, reason: byCode ? 'code-mismatch' : 'mismatch' };
      }
      const signedIn = { id: learner.id, lastName: learner.lastName, firstName: learner.firstName, className: learner.className };
      await session.begin(signedIn);
      return { ok: true, learner: signedIn };
    },

    async openTab({ tabKey }) {
      if (!isTabKey(tabKey)) return { ok: false, reason: 'invalid-tab' };
      return { ok: true, learner: await session.attachTab(tabKey) };
    },

    currentLearner: () => Promise.resolve(session.current()),

    async signOut() {
      await session.end();
      return { ok: true };
    },
  };
}
