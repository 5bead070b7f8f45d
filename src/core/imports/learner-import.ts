/**
 * What a student list file turns into (DOMAIN.md "Organisation and students"): every learner of the file, or every
 * problem found in it, never a part of either ([IMPORT-1]). The three formats are described in ./FORMATS.md.
 */

export const LEARNER_IMPORT_FORMATS = ['siecle', 'fregata', 'csv'] as const;
export type LearnerImportFormat = (typeof LEARNER_IMPORT_FORMATS)[number];

export type Sex = 'F' | 'M';

export interface ImportedLearner {
  /** 1-based line of the student in the file: their CSV row, or the line of their ELEVE element. */
  line: number;
  /** National student id (INE, SIECLE's ID_NATIONAL, Fregata's "Identifiant unique"), upper case; null when the file has none. */
  nationalId: string | null;
  lastName: string;
  firstName: string;
  /** Read from the file when it says, but not kept by the relay: nothing in the product needs it. */
  sex: Sex | null;
  /** ISO date, yyyy-mm-dd. */
  birthDate: string;
  className: string;
}

/** A problem at a line of the file (1-based), or about the whole file (null). Messages are French, for the teacher. */
export interface ImportIssue {
  line: number | null;
  message: string;
}

export type LearnerFileResult =
  | {
      ok: true;
      learners: ImportedLearner[];
      /** Students the file lists who have left the school (SIECLE DATE_SORTIE before today): not imported. */
      skipped: number;
    }
  | { ok: false; errors: ImportIssue[] };

/** Called now and then while a large file is read, with the part done (0 to 1), to move a progress bar. */
export type ProgressListener = (fraction: number) => void;

export interface ParseContext {
  /** Today as an ISO date (yyyy-mm-dd): students who left before it are skipped, birth dates after it are errors. */
  today: string;
  onProgress?: ProgressListener;
}

/** Sorted by line, whole-file problems first: the order a teacher fixes a file in. */
export function sortIssues(issues: readonly ImportIssue[]): ImportIssue[] {
  return [...issues].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}
