/**
 * One door for every student list ([IMPORT-1]): the file's bytes are decoded ([IMPORT-2]), read in the chosen
 * format, and checked as a whole (duplicates, [IMPORT-5]). The lab's browser runs this in a worker for an
 * immediate answer; the relay runs it again on the same bytes and decides.
 */
import { decodeImportBytes } from './decode-text.ts';
import type { TextDecoderFactory, TextEncodingName } from './decode-text.ts';
import { findDuplicates } from './find-duplicates.ts';
import { sortIssues } from './learner-import.ts';
import type { ImportedLearner, ImportIssue, LearnerImportFormat, ProgressListener } from './learner-import.ts';
import { parseLearnerCsv } from './parse-learner-csv.ts';
import { parseSiecle } from './parse-siecle.ts';

export interface LearnerFileInput {
  format: LearnerImportFormat;
  bytes: Uint8Array;
  /** The importing school's UAI (a SIECLE file must be this school's). */
  uai: string;
  /** Today, ISO yyyy-mm-dd. */
  today: string;
  decoder: TextDecoderFactory;
  onProgress?: ProgressListener;
}

export type ParsedLearnerFile =
  | { ok: true; learners: ImportedLearner[]; skipped: number; encoding: TextEncodingName }
  | { ok: false; errors: ImportIssue[] };

const NATIONAL_ID_LABELS: Readonly<Record<LearnerImportFormat, string>> = {
  siecle: 'Identifiant national (ID_NATIONAL)',
  fregata: 'Identifiant unique',
  csv: 'INE',
};

export function parseLearnerFile(input: LearnerFileInput): ParsedLearnerFile {
  const decoded = decodeImportBytes(input.bytes, input.decoder);
  if (!decoded.ok) return decoded;
  const context = { today: input.today, ...(input.onProgress ? { onProgress: input.onProgress } : {}) };
  const parsed = input.format === 'siecle' ? parseSiecle(decoded.text, { ...context, uai: input.uai }) : parseLearnerCsv(decoded.text, input.format, context);
  if (!parsed.ok) return { ok: false, errors: sortIssues(parsed.errors) };
  const duplicates = findDuplicates(parsed.learners, NATIONAL_ID_LABELS[input.format]);
  if (duplicates.length > 0) return { ok: false, errors: sortIssues(duplicates) };
  return { ok: true, learners: parsed.learners, skipped: parsed.skipped, encoding: decoded.encoding };
}
