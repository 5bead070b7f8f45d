/**
 * What an import changes in a school's roster ([IMPORT-6], [IMPORT-7]). A student of the file is the roster's
 * learner with the same national id, else the one with the same name and birth date (names compared as at
 * sign-in) and no other national id; each learner is matched once. Matched learners take the file's names,
 * class and date and are active again; learners of the school absent from the file are disabled, never
 * deleted (their answers and accounts stay); the others are created.
 */
import { nameAndBirthDateKey } from './find-duplicates.ts';
import type { ImportedLearner } from './learner-import.ts';

export interface RosterLearner {
  id: string;
  nationalId: string | null;
  lastName: string;
  firstName: string;
  className: string;
  /** ISO yyyy-mm-dd. */
  birthDate: string;
  active: boolean;
}

export interface RosterPlan {
  created: RosterLearner[];
  /** Matched learners with something new (names, class, date, national id, or back from disabled). */
  updated: RosterLearner[];
  unchanged: RosterLearner[];
  /** Active learners the file no longer lists, now inactive. */
  disabled: RosterLearner[];
}

export function planRosterImport(roster: readonly RosterLearner[], imported: readonly ImportedLearner[], newId: () => string): RosterPlan {
  const byNationalId = new Map<string, RosterLearner>();
  const byName = new Map<string, RosterLearner[]>();
  for (const learner of roster) {
    if (learner.nationalId) byNationalId.set(learner.nationalId, learner);
    const key = nameAndBirthDateKey(learner);
    byName.set(key, [...(byName.get(key) ?? []), learner]);
  }
  const matched = new Set<string>();
  const pairs: [ImportedLearner, RosterLearner | undefined][] = imported.map((row) => {
    const found = row.nationalId ? byNationalId.get(row.nationalId) : undefined;
    if (found) matched.add(found.id);
    return [row, found];
  });
  // By name and birth date only after every national id has claimed its learner, so a row without an id
  // cannot take the learner another row names by id.
  for (const pair of pairs) {
    if (pair[1]) continue;
    const [row] = pair;
    const candidates = (byName.get(nameAndBirthDateKey(row)) ?? []).filter(
      (l) => !matched.has(l.id) && (l.nationalId === null || row.nationalId === null || l.nationalId === row.nationalId),
    );
    // Prefer the active one: a returning homonym is rarer than a student still here.
    const found = candidates.find((l) => l.active) ?? candidates[0];
    if (found) {
      matched.add(found.id);
      pair[1] = found;
    }
  }

  const plan: RosterPlan = { created: [], updated: [], unchanged: [], disabled: [] };
  for (const [row, existing] of pairs) {
    if (!existing) {
      plan.created.push({ id: newId(), ...fromFile(row, null), active: true });
      continue;
    }
    const next: RosterLearner = { id: existing.id, ...fromFile(row, existing.nationalId), active: true };
    (sameLearner(existing, next) ? plan.unchanged : plan.updated).push(next);
  }
  for (const learner of roster) if (!matched.has(learner.id) && learner.active) plan.disabled.push({ ...learner, active: false });
  return plan;
}

/** A file without national ids keeps the one the roster already knows. */
function fromFile(row: ImportedLearner, knownNationalId: string | null): Omit<RosterLearner, 'id' | 'active'> {
  return { nationalId: row.nationalId ?? knownNationalId, lastName: row.lastName, firstName: row.firstName, className: row.className, birthDate: row.birthDate };
}

function sameLearner(a: RosterLearner, b: RosterLearner): boolean {
  return (
    a.nationalId === b.nationalId && a.lastName === b.lastName && a.firstName === b.firstName && a.className === b.className && a.birthDate === b.birthDate && a.active === b.active
  );
}
