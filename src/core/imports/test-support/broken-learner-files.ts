/**
 * The broken student lists of ../fixtures and what each must answer: shared by the parser tests and the relay's
 * HTTP tests, so that both check the same message for the same file ([IMPORT-1]).
 */
import type { LearnerImportFormat } from '../learner-import.ts';

export interface BrokenLearnerFile {
  file: string;
  format: LearnerImportFormat;
  /** Why the file is broken, for the test name. */
  defect: string;
  /** The line of the (first) error, null for a whole-file problem. */
  line: number | null;
  message: RegExp;
}

/** The school the fixtures belong to (the demo school's UAI). */
export const FIXTURE_UAI = '0000000A';
/** "Today" for the fixtures: after the DATE_SORTIE of the sample's student who left (15/10/2026). */
export const FIXTURE_TODAY = '2026-12-07';

export const BROKEN_LEARNER_FILES: readonly BrokenLearnerFile[] = [
  { file: 'broken-siecle-wrong-uai.xml', format: 'siecle', defect: "another school's UAI", line: 4, message: /établissement 0641234X, pas du vôtre \(0000000A\)/ },
  { file: 'broken-siecle-duplicate-ine.xml', format: 'siecle', defect: 'the same national id twice', line: 43, message: /Identifiant national \(ID_NATIONAL\) en double « 071234567AA ».*\(ligne 11\)/ },
  { file: 'broken-siecle-bad-birth-date.xml', format: 'siecle', defect: 'a birth date that does not exist', line: 50, message: /Date de naissance \(DATE_NAISS\) invalide « 31\/02\/2009 »/ },
  { file: 'broken-siecle-no-birth-date.xml', format: 'siecle', defect: 'a student without birth date', line: 59, message: /Valeur manquante : Date de naissance \(DATE_NAISS\) \(ÇELIK Emre\)/ },
  { file: 'broken-siecle-missing-ine.xml', format: 'siecle', defect: 'a student without national id', line: 28, message: /Valeur manquante : Identifiant national \(ID_NATIONAL\) \(N'DIAYE Moussa\)/ },
  { file: 'broken-siecle-unknown-structure.xml', format: 'siecle', defect: 'a student with no division', line: 116, message: /Aucune division .* pour ÇELIK Emre \(ELEVE_ID 5003\)/ },
  { file: 'broken-siecle-truncated.xml', format: 'siecle', defect: 'XML cut off in the middle', line: 44, message: /s'arrête avant la fin/ },
  { file: 'broken-siecle-wrong-export.xml', format: 'siecle', defect: 'another SIECLE export', line: null, message: /n'est pas un export SIECLE « Élèves sans adresse »/ },
  { file: 'broken-empty.xml', format: 'siecle', defect: 'an empty file', line: null, message: /^Le fichier est vide\.$/ },
  { file: 'broken-siecle-declared-utf8.xml', format: 'siecle', defect: 'declared UTF-8, written in Latin-9 (wrong encoding)', line: 15, message: /se déclare en UTF-8 mais contient des caractères qui ne sont pas en UTF-8/ },
  { file: 'broken-siecle-utf16.xml', format: 'siecle', defect: 'UTF-16 (wrong encoding)', line: null, message: /encodé en UTF-16/ },
  { file: 'simple-eleves.csv', format: 'siecle', defect: 'a CSV imported as SIECLE (not XML)', line: 1, message: /Ce n'est pas un fichier XML valide/ },
  { file: 'broken-siecle-doctype.xml', format: 'siecle', defect: 'a DOCTYPE with entities', line: 2, message: /DOCTYPE refusée/ },
  { file: 'broken-siecle-no-students.xml', format: 'siecle', defect: 'no student at all', line: null, message: /aucun élève/ },
  { file: 'siecle-eleves-sans-adresse.xml', format: 'csv', defect: 'a SIECLE file imported as a simple CSV', line: 1, message: /Colonne obligatoire absente : « Nom »/ },
  { file: 'broken-fregata-missing-column.csv', format: 'fregata', defect: 'a missing column', line: 1, message: /^Colonne obligatoire absente : « Division\* »\.$/ },
  { file: 'broken-fregata-bad-date.csv', format: 'fregata', defect: 'an ISO birth date', line: 2, message: /Date de naissance \(jj\/mm\/aaaa\) invalide « 2008-04-21 »/ },
  { file: 'broken-simple-duplicate-ine.csv', format: 'csv', defect: 'the same INE twice', line: 3, message: /INE en double « 071234571EE » : DURAND Paul a le même que DUPONT Jeanne \(ligne 2\)/ },
  { file: 'broken-simple-header-only.csv', format: 'csv', defect: 'a header and no student', line: null, message: /aucun élève/ },
  { file: 'broken-simple-missing-name.csv', format: 'csv', defect: 'a student without last name', line: 3, message: /^Valeur manquante : Nom \(Paul\)\.$/ },
  { file: 'broken-simple-future-date.csv', format: 'csv', defect: 'a birth date in the future', line: 2, message: /Date de naissance dans le futur « 02\/05\/2031 »/ },
  { file: 'broken-simple-unclosed-quote.csv', format: 'csv', defect: 'an unclosed quote', line: 2, message: /CSV illisible : guillemet ouvert et jamais refermé/ },
  { file: 'broken-simple-spreadsheet.csv', format: 'csv', defect: 'a spreadsheet instead of a CSV', line: null, message: /classeur \(\.xlsx ou \.ods\)/ },
];
