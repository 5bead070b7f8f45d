/**
 * Student lists as CSV (./FORMATS.md): the Fregata export of agricultural schools, and the simple list a teacher
 * fills in a spreadsheet. Both become the same ImportedLearner rows under the same checks ([IMPORT-4]).
 */
import { checkLearner } from './learner-fields.ts';
import type { RawField } from './learner-fields.ts';
import type { ImportedLearner, ImportIssue, LearnerFileResult, ParseContext, Sex } from './learner-import.ts';
import { readCsvTable } from './read-csv-table.ts';
import type { CsvColumn } from './read-csv-table.ts';

type Key = RawField | 'sex';

interface CsvFormat {
  columns: readonly CsvColumn<Key>[];
  nationalIdRequired: boolean;
}

/** Fregata "apprenants" export: the columns we read (the others, birthplace, MEF, status, are ignored). */
export const FREGATA_COLUMNS: readonly CsvColumn<Key>[] = [
  { key: 'nationalId', title: 'Identifiant unique*', accepts: ['Identifiant unique'], required: true },
  { key: 'firstName', title: 'Premier prénom*', accepts: ['Premier prénom'], required: true },
  { key: 'lastName', title: 'Nom de famille*', accepts: ['Nom de famille'], required: true },
  { key: 'sex', title: 'Sexe*', accepts: ['Sexe'], required: false },
  { key: 'birthDate', title: 'Date de naissance (jj/mm/aaaa)*', accepts: ['Date de naissance (jj/mm/aaaa)', 'Date de naissance'], required: true },
  { key: 'className', title: 'Division*', accepts: ['Division'], required: true },
];

/** The simple list: Nom, Prénom, Date de naissance, Classe, and optionally INE and Sexe. */
export const SIMPLE_CSV_COLUMNS: readonly CsvColumn<Key>[] = [
  { key: 'lastName', title: 'Nom', accepts: ['Nom', 'Nom de famille'], required: true },
  { key: 'firstName', title: 'Prénom', accepts: ['Prénom', 'Premier prénom'], required: true },
  { key: 'birthDate', title: 'Date de naissance', accepts: ['Date de naissance', 'Date de naissance (jj/mm/aaaa)', 'Né(e) le'], required: true },
  { key: 'className', title: 'Classe', accepts: ['Classe', 'Division'], required: true },
  { key: 'nationalId', title: 'INE', accepts: ['INE', 'Identifiant national', 'Identifiant unique'], required: false },
  { key: 'sex', title: 'Sexe', accepts: ['Sexe'], required: false },
];

const FORMATS = {
  fregata: { columns: FREGATA_COLUMNS, nationalIdRequired: true },
  csv: { columns: SIMPLE_CSV_COLUMNS, nationalIdRequired: false },
} as const satisfies Record<string, CsvFormat>;

const PROGRESS_EVERY = 500;

export function parseLearnerCsv(text: string, format: keyof typeof FORMATS, context: ParseContext): LearnerFileResult {
  const { columns, nationalIdRequired } = FORMATS[format];
  const table = readCsvTable(text, columns);
  if (!table.ok) return table;
  const labels = labelsOf(columns);
  const errors: ImportIssue[] = [];
  const learners: ImportedLearner[] = [];
  table.records.forEach((record, i) => {
    if (i % PROGRESS_EVERY === 0) context.onProgress?.(i / table.records.length);
    const learner = checkLearner(
      {
        line: record.line,
        nationalId: record.cell('nationalId'),
        lastName: record.cell('lastName'),
        firstName: record.cell('firstName'),
        sex: readSex(record.cell('sex')),
        birthDate: record.cell('birthDate'),
        className: record.cell('className'),
        labels,
        nationalIdRequired,
      },
      context.today,
      errors,
    );
    if (learner) learners.push(learner);
  });
  context.onProgress?.(1);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, learners, skipped: 0 };
}

/** Field names for messages, as the format's columns are titled (without the asterisk of required ones). */
function labelsOf(columns: readonly CsvColumn<Key>[]): Record<RawField, string> {
  const label = (key: RawField): string => columns.find((c) => c.key === key)?.title.replace(/\*$/, '') ?? key;
  return { nationalId: label('nationalId'), lastName: label('lastName'), firstName: label('firstName'), birthDate: label('birthDate'), className: label('className') };
}

/** "Féminin", "F", "Fille" → F; "Masculin", "M", "Garçon" → M; anything else is not said. */
function readSex(value: string): Sex | null {
  const initial = value.trim().toUpperCase().normalize('NFD').charAt(0);
  if (initial === 'F') return 'F';
  if (initial === 'M' || initial === 'G') return 'M';
  return null;
}
