/**
 * The student list reader, in a worker of its own (STYLE.md point 2): the teacher's browser reads the file with the
 * same src/core parser the relay runs, off the main thread, reporting progress, and gets either what the file holds
 * (with the bytes in base64, ready to send) or every error with its line. Expected failures are values.
 */
import type { TextEncodingName } from '../../src/core/imports/decode-text.ts';
import type { ImportIssue, LearnerImportFormat } from '../../src/core/imports/learner-import.ts';
import { parseLearnerFile } from '../../src/core/imports/parse-learner-file.ts';

export interface ReadLearnerFileInput {
  format: LearnerImportFormat;
  bytes: ArrayBuffer;
  /** The school's UAI (a SIECLE file must be this school's). */
  uai: string;
  /** Today, ISO yyyy-mm-dd, on the teacher's machine. */
  today: string;
}

export type ReadLearnerFileResult =
  | { ok: true; count: number; skipped: number; classes: string[]; encoding: TextEncodingName; base64: string }
  | { ok: false; errors: ImportIssue[] };

export interface LearnerFileApi {
  /** `onProgress` receives the part done, 0 to 1 (a Comlink proxy: its calls are not awaited). */
  readLearnerFile(input: ReadLearnerFileInput, onProgress: (fraction: number) => unknown): Promise<ReadLearnerFileResult>;
}

/** Bytes per String.fromCharCode call: large enough to be quick, small enough for the call stack. */
const CHUNK = 0x8000;

export function createLearnerFileApi(): LearnerFileApi {
  return {
    readLearnerFile(input, onProgress) {
      const bytes = new Uint8Array(input.bytes);
      const parsed = parseLearnerFile({
        format: input.format,
        bytes,
        uai: input.uai,
        today: input.today,
        decoder: (encoding) => new TextDecoder(encoding),
        onProgress: (fraction) => void onProgress(fraction),
      });
      if (!parsed.ok) return Promise.resolve(parsed);
      const classes = [...new Set(parsed.learners.map((l) => l.className))];
      return Promise.resolve({ ok: true, count: parsed.learners.length, skipped: parsed.skipped, classes, encoding: parsed.encoding, base64: toBase64(bytes) });
    },
  };
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += CHUNK) binary += String.fromCharCode(...bytes.subarray(start, start + CHUNK));
  return btoa(binary);
}
