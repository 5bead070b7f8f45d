/**
 * The results CSV of a certification session ([CERT-11]; DOMAIN.md's columns): one row per candidate, with the
 * campaign exports' file conventions (UTF-8 BOM, `;`, French dates, formula-safe cells: [EXPORT-1] … [EXPORT-4]).
 */
import type { CsvCell, CsvTable } from '../exports/write-csv.ts';
import { COMPETENCE_IDS } from '../referential.ts';
import { isoToCanonicalBirthDate } from '../sync/birth-date.ts';
import type { CandidateOutcome } from './candidate-result.ts';

export const CERTIFICATION_HEADERS = {
  number: 'Numéro de certification',
  lastName: 'Nom',
  firstName: 'Prénom',
  birthDate: 'Date de naissance',
  birthplace: 'Lieu de naissance',
  externalId: 'Identifiant externe',
  status: 'Statut',
  pix: 'Nombre de pix',
  comment: 'Commentaire',
  session: 'Session',
  centre: 'Centre',
  date: 'Date de passage',
} as const;

/** French words of the statuses in the file. */
export const CERTIFICATION_STATUS_LABELS: Record<CandidateOutcome['status'], string> = {
  scored: 'Validée',
  cancelled: 'Annulée',
  flagged: 'À vérifier',
  'unknown-content': 'À vérifier',
  'not-taken': 'Non passée',
};

export interface CertificationRow {
  /** The certification number: the candidate's id in the session. */
  number: string;
  lastName: string;
  firstName: string;
  /** yyyy-mm-dd. */
  birthDate: string;
  birthplace: string;
  externalId: string;
  outcome: CandidateOutcome;
}

export interface CertificationTableInput {
  sessionId: string;
  centre: string;
  /** yyyy-mm-dd of the session. */
  sessionDate: string;
  comment: string;
  rows: readonly CertificationRow[];
}

/** Empty cell where there is no score: a blank reads as "no value", a 0 would read as a result. */
const NO_VALUE = '';

export function certificationResultsTable(input: CertificationTableInput): CsvTable {
  const h = CERTIFICATION_HEADERS;
  const header = [h.number, h.lastName, h.firstName, h.birthDate, h.birthplace, h.externalId, h.status, h.pix, ...COMPETENCE_IDS, h.comment, h.session, h.centre, h.date];
  const date = isoToCanonicalBirthDate(input.sessionDate);
  const rows = input.rows.map((row): CsvCell[] => {
    const scored = row.outcome.status === 'scored' ? row.outcome : null;
    const levels = new Map(scored?.competences.map((c) => [c.competenceId, c.level]) ?? []);
    return [
      row.number,
      row.lastName,
      row.firstName,
      isoToCanonicalBirthDate(row.birthDate),
      row.birthplace,
      row.externalId,
      CERTIFICATION_STATUS_LABELS[row.outcome.status],
      scored ? scored.score : NO_VALUE,
      ...COMPETENCE_IDS.map((id) => levels.get(id) ?? NO_VALUE),
      input.comment,
      input.sessionId,
      input.centre,
      date,
    ];
  });
  return { header, rows };
}
