/**
 * The checks every format shares on one student's fields ([IMPORT-4]): names and class are required, the birth date
 * is a real date (jj/mm/aaaa) not after today, the national id is letters and digits. Text is kept as written
 * (NFC, spaces tidied), never interpreted: "=SOMME(A1)" is a name like any other ([IMPORT-8]).
 */
import { canonicalBirthDate } from '../sync/birth-date.ts';
import type { ImportedLearner, ImportIssue, Sex } from './learner-import.ts';

export const MAX_NAME_LENGTH = 100;
export const MAX_CLASS_LENGTH = 60;
const NATIONAL_ID = /^[0-9A-Z]{1,20}$/;

/** What a format read for one student, before any check; `lines` places a field's problem on its own line (XML). */
export interface RawLearner {
  line: number;
  nationalId: string;
  lastName: string;
  firstName: string;
  sex: Sex | null;
  birthDate: string;
  className: string;
  /** Field labels as the file names them, for messages ("DATE_NAISS", "Date de naissance"). */
  labels: Readonly<Record<RawField, string>>;
  lines?: Partial<Record<RawField, number>>;
  /** Whether this format requires a national id. */
  nationalIdRequired: boolean;
}
export type RawField = 'nationalId' | 'lastName' | 'firstName' | 'birthDate' | 'className';

/** NFC, no-break spaces as spaces, runs of spaces as one, trimmed. */
export function tidy(value: string): string {
  return value.normalize('NFC').replace(/[\u00A0\u202F\s]+/gu, ' ').trim();
}

/** "14/03/2010" → "2010-03-14"; null when it is not a real date. */
export function frenchDateToIso(value: string): string | null {
  const canonical = canonicalBirthDate(value);
  if (!canonical) return null;
  const [day, month, year] = canonical.split('/');
  return `${year}-${month}-${day}`;
}

export function checkLearner(raw: RawLearner, today: string, errors: ImportIssue[]): ImportedLearner | null {
  const before = errors.length;
  const at = (field: RawField): number => raw.lines?.[field] ?? raw.line;
  const lastName = tidy(raw.lastName);
  const firstName = tidy(raw.firstName);
  const who = [lastName, firstName].filter(Boolean).join(' ') || 'élève sans nom';
  const required = (field: RawField, value: string, max: number): string => {
    if (!value) errors.push({ line: at(field), message: `Valeur manquante : ${raw.labels[field]} (${who}).` });
    else if (value.length > max) errors.push({ line: at(field), message: `Valeur trop longue : ${raw.labels[field]} a ${value.length} caractères, ${max} au plus (${who}).` });
    return value;
  };
  required('lastName', lastName, MAX_NAME_LENGTH);
  required('firstName', firstName, MAX_NAME_LENGTH);
  const className = required('className', tidy(raw.className), MAX_CLASS_LENGTH);

  const nationalId = tidy(raw.nationalId).toUpperCase();
  if (!nationalId && raw.nationalIdRequired) errors.push({ line: at('nationalId'), message: `Valeur manquante : ${raw.labels.nationalId} (${who}).` });
  else if (nationalId && !NATIONAL_ID.test(nationalId)) {
    errors.push({ line: at('nationalId'), message: `${raw.labels.nationalId} invalide « ${nationalId} » : lettres et chiffres seulement, 20 au plus (${who}).` });
  }

  const written = tidy(raw.birthDate);
  const birthDate = frenchDateToIso(written);
  if (!written) errors.push({ line: at('birthDate'), message: `Valeur manquante : ${raw.labels.birthDate} (${who}).` });
  else if (!birthDate) errors.push({ line: at('birthDate'), message: `${raw.labels.birthDate} invalide « ${written} » : attendu une date réelle au format jj/mm/aaaa (${who}).` });
  else if (birthDate > today) errors.push({ line: at('birthDate'), message: `${raw.labels.birthDate} dans le futur « ${written} » (${who}).` });

  if (errors.length > before || !birthDate) return null;
  return { line: raw.line, nationalId: nationalId || null, lastName, firstName, sex: raw.sex, birthDate, className };
}
