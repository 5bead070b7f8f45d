/**
 * Personal codes for a whole class at once, to print as a sheet of slips ([LEARNERS-5]): each active student of the
 * class gets a new code (replacing any previous one), shown only in this answer.
 */
import { HttpError } from '../http-error.ts';
import type { Store } from '../store/store.ts';
import { issuePersonalCode } from './learner-sign-in.ts';

export interface ClassCode {
  learnerId: string;
  lastName: string;
  firstName: string;
  className: string;
  code: string;
}

export async function issueClassPersonalCodes(store: Store, organizationId: string, className: string, now: number): Promise<ClassCode[]> {
  const learners = (await store.listLearners(organizationId)).filter((l) => l.active && l.className === className);
  if (learners.length === 0) throw new HttpError(404, 'not_found', `Aucun élève actif dans la classe « ${className} ».`);
  const codes: ClassCode[] = [];
  // One after the other: each code is checked unique in the school against those drawn before it.
  for (const learner of learners) {
    const { code } = await issuePersonalCode(store, organizationId, learner.id, now);
    codes.push({ learnerId: learner.id, lastName: learner.lastName, firstName: learner.firstName, className: learner.className, code });
  }
  return codes;
}
