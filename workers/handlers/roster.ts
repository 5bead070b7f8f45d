/**
 * Student sign-in on an enrolled machine, without the network: class → name → birth date, checked against the
 * roster the machine holds (a salted hash of the birth date, never the date itself).
 */
import { canonicalBirthDate } from '../../src/core/sync/birth-date.ts';
import { hashBirthDateInBrowser } from '../runtime/birth-date-check.ts';
import type { LabRuntime } from '../runtime/lab-runtime.ts';

export interface RosterLearner {
  id: string;
  lastName: string;
  firstName: string;
  className: string;
}

export type SignInOutcome = { ok: true; learner: RosterLearner } | { ok: false; reason: 'invalid-date' | 'mismatch' | 'unknown-learner' };

export interface RosterHandlers {
  listClasses(): Promise<{ name: string; learners: number }[]>;
  listLearners(input: { className: string }): Promise<RosterLearner[]>;
  signInLearner(input: { learnerId: string; birthDate: string }): Promise<SignInOutcome>;
}

/** A wrong birth date costs this long: guessing dates one by one at a lab machine becomes tedious. */
export const FAILED_SIGN_IN_DELAY_MS = 800;

const byName = (a: RosterLearner, b: RosterLearner): number =>
  a.lastName.localeCompare(b.lastName, 'fr') || a.firstName.localeCompare(b.firstName, 'fr');

export function createRosterHandlers(runtime: LabRuntime): RosterHandlers {
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

    async signInLearner({ learnerId, birthDate }) {
      const canonical = canonicalBirthDate(birthDate);
      if (!canonical) return { ok: false, reason: 'invalid-date' };
      const db = await runtime.db();
      const learner = await db.learners.findOne(learnerId).exec();
      if (!learner?.active) return { ok: false, reason: 'unknown-learner' };
      const hash = await hashBirthDateInBrowser(canonical, learner.birthDateSalt);
      if (hash !== learner.birthDateHash) {
        await new Promise((resolve) => setTimeout(resolve, FAILED_SIGN_IN_DELAY_MS));
        return { ok: false, reason: 'mismatch' };
      }
      return { ok: true, learner: { id: learner.id, lastName: learner.lastName, firstName: learner.firstName, className: learner.className } };
    },
  };
}
