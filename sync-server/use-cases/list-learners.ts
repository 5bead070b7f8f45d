/**
 * The teacher's list of students ("Élèves", [LEARNERS-4]): the school's active learners in roster order, with their
 * certifiability, filtered by class and certifiability; the classes to filter by; and the last import.
 */
import type { ContentLibrary } from '../content/content-library.ts';
import { certifiabilityByLearner } from '../learners/learner-certifiability.ts';
import type { Certifiability } from '../learners/learner-certifiability.ts';
import type { LearnerImportRecord, Store } from '../store/store.ts';

const FRENCH = new Intl.Collator('fr', { numeric: true });

export interface LearnerListFilters {
  className?: string;
  certifiability?: Certifiability;
}

export interface LearnerListEntry {
  id: string;
  lastName: string;
  firstName: string;
  className: string;
  /** ISO yyyy-mm-dd: the teacher may check it with the student (it never reaches lab machines in clear). */
  birthDate: string;
  nationalId: string | null;
  certifiability: Certifiability;
}

export interface LearnerList {
  /** The school: the browser checks a SIECLE file's UAI against it before sending the file. */
  organization: { name: string; uai: string };
  learners: LearnerListEntry[];
  /** Every class of the school's active learners, whatever the filters. */
  classes: string[];
  lastImport: Omit<LearnerImportRecord, 'organizationId' | 'importedBy'> | null;
}

export async function listLearners(store: Store, library: ContentLibrary, organizationId: string, filters: LearnerListFilters): Promise<LearnerList> {
  const [organization, roster, certifiability, [lastImport]] = await Promise.all([
    store.getOrganization(organizationId),
    store.listLearners(organizationId),
    certifiabilityByLearner(store, library, organizationId),
    store.listLearnerImports(organizationId, 1),
  ]);
  // Sorted here, not by the database: SQLite and PostgreSQL collate "Ç" and "É" differently, and "2NDE 10" comes after "2NDE 9".
  const active = roster.filter((l) => l.active).sort((a, b) => FRENCH.compare(a.className, b.className) || FRENCH.compare(a.lastName, b.lastName) || FRENCH.compare(a.firstName, b.firstName) || a.id.localeCompare(b.id));
  const learners = active
    .map((l) => ({
      id: l.id,
      lastName: l.lastName,
      firstName: l.firstName,
      className: l.className,
      birthDate: l.birthDate,
      nationalId: l.nationalId,
      certifiability: certifiability.get(l.id) ?? 'unknown',
    }))
    .filter((l) => (filters.className === undefined || l.className === filters.className) && (filters.certifiability === undefined || l.certifiability === filters.certifiability));
  const classes = [...new Set(active.map((l) => l.className))];
  return {
    organization: { name: organization?.name ?? '', uai: organization?.uai ?? '' },
    learners,
    classes,
    lastImport: lastImport ? withoutOwner(lastImport) : null,
  };
}

function withoutOwner({ organizationId: _organizationId, importedBy: _importedBy, ...rest }: LearnerImportRecord): LearnerList['lastImport'] {
  return rest;
}
