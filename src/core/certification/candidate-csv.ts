/**
 * Candidates imported from a CSV ([CERT-3]): one line per candidate, columns found by title as in the student
 * imports (case, accents and asterisks ignored; `;`, `,` or tab). Every line's problems are listed; the relay then
 * matches each candidate to the roster and imports all of them or none.
 */
import type { ImportIssue } from '../imports/learner-import.ts';
import { readCsvTable } from '../imports/read-csv-table.ts';
import type { CsvColumn } from '../imports/read-csv-table.ts';
import { canonicalBirthDate } from '../sync/birth-date.ts';

export interface CandidateInput {
  lastName: string;
  firstName: string;
  /** jj/mm/aaaa (canonical). */
  birthDate: string;
  birthplace: string;
  extraTimePercent: number;
  externalId: string;
  accessibilityNeeds: string;
}

type Key = 'lastName' | 'firstName' | 'birthDate' | 'birthplace' | 'extraTime' | 'externalId' | 'needs';

export const CANDIDATE_CSV_COLUMNS: readonly CsvColumn<Key>[] = [
  { key: 'lastName', title: 'Nom', accepts: ['Nom', 'Nom de famille'], required: true },
  { key: 'firstName', title: 'Prénom', accepts: ['Prénom'], required: true },
  { key: 'birthDate', title: 'Date de naissance', accepts: ['Date de naissance', 'Date de naissance (jj/mm/aaaa)'], required: true },
  { key: 'birthplace', title: 'Lieu de naissance', accepts: ['Lieu de naissance'], required: false },
  { key: 'extraTime', title: 'Temps majoré (%)', accepts: ['Temps majoré (%)', 'Temps majoré', 'Tiers-temps (%)'], required: false },
  { key: 'externalId', title: 'Identifiant externe', accepts: ['Identifiant externe'], required: false },
  { key: 'needs', title: "Besoins d'accessibilité", accepts: ["Besoins d'accessibilité", 'Accessibilité'], required: false },
];

/** Longest text of a candidate's free fields (the document's bounds). */
const MAX_NAME = 200;

/** A candidate's fields checked one by one; the messages are French and say which field. */
export function checkCandidateInput(raw: { lastName: string; firstName: string; birthDate: string; birthplace?: string; extraTimePercent?: string | number; externalId?: string; accessibilityNeeds?: string }): { ok: true; candidate: CandidateInput } | { ok: false; messages: string[] } {
  const messages: string[] = [];
  const lastName = raw.lastName.trim();
  const firstName = raw.firstName.trim();
  if (lastName === '' || lastName.length > MAX_NAME) messages.push('le nom est obligatoire (200 caractères au plus).');
  if (firstName === '' || firstName.length > MAX_NAME) messages.push('le prénom est obligatoire (200 caractères au plus).');
  const birthDate = canonicalBirthDate(raw.birthDate);
  if (!birthDate) messages.push('la date de naissance doit être une date réelle au format jj/mm/aaaa.');
  const extraText = String(raw.extraTimePercent ?? '').trim().replace(/\s*%$/, '');
  const extraTimePercent = extraText === '' ? 0 : Number(extraText);
  if (!Number.isInteger(extraTimePercent) || extraTimePercent < 0 || extraTimePercent > 100) messages.push('le temps majoré est un nombre entier de 0 à 100 (%).');
  const birthplace = (raw.birthplace ?? '').trim();
  const externalId = (raw.externalId ?? '').trim();
  const accessibilityNeeds = (raw.accessibilityNeeds ?? '').trim();
  if (birthplace.length > MAX_NAME) messages.push('le lieu de naissance compte 200 caractères au plus.');
  if (externalId.length > 255) messages.push("l'identifiant externe compte 255 caractères au plus.");
  if (accessibilityNeeds.length > 1000) messages.push("les besoins d'accessibilité comptent 1000 caractères au plus.");
  if (messages.length > 0 || !birthDate) return { ok: false, messages };
  return { ok: true, candidate: { lastName, firstName, birthDate, birthplace, extraTimePercent, externalId, accessibilityNeeds } };
}

export type CandidateCsv = { ok: true; candidates: { line: number; candidate: CandidateInput }[] } | { ok: false; errors: ImportIssue[] };

export function parseCandidateCsv(text: string): CandidateCsv {
  const table = readCsvTable(text.replace(/^\uFEFF/, ''), CANDIDATE_CSV_COLUMNS);
  if (!table.ok) return table;
  const errors: ImportIssue[] = [];
  const candidates: { line: number; candidate: CandidateInput }[] = [];
  for (const record of table.records) {
    const checked = checkCandidateInput({
      lastName: record.cell('lastName'),
      firstName: record.cell('firstName'),
      birthDate: record.cell('birthDate'),
      birthplace: record.cell('birthplace'),
      extraTimePercent: record.cell('extraTime'),
      externalId: record.cell('externalId'),
      accessibilityNeeds: record.cell('needs'),
    });
    if (checked.ok) candidates.push({ line: record.line, candidate: checked.candidate });
    else for (const message of checked.messages) errors.push({ line: record.line, message: message.charAt(0).toUpperCase() + message.slice(1) });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, candidates };
}
