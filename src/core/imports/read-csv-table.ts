/**
 * A CSV with a header row, read with Papaparse (separator detected: `;` from French spreadsheets, `,` or tab), each
 * record with the line it starts on (1 = the header), and its columns found by title whatever their case, accents,
 * spaces or the asterisks that mark required columns ("Nom de famille*" = "nom de famille").
 */
// By its file path, typed by ../content/papaparse.d.ts: @types/papaparse would bring Node's types into src/core.
import Papa from 'papaparse/papaparse.js';
import type { ImportIssue } from './learner-import.ts';

export interface CsvColumn<K extends string> {
  key: K;
  /** The title shown in messages, as the format documents it. */
  title: string;
  /** Titles accepted, compared by columnKey(). */
  accepts: readonly string[];
  required: boolean;
}

export interface CsvRecord<K extends string> {
  line: number;
  cell: (key: K) => string;
}

export type CsvTable<K extends string> = { ok: true; records: CsvRecord<K>[] } | { ok: false; errors: ImportIssue[] };

/** "Date de naissance (jj/mm/aaaa)*" → "date de naissance (jj/mm/aaaa)". */
export function columnKey(title: string): string {
  return title.normalize('NFD').replace(/\p{M}/gu, '').replace(/\*/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

export function readCsvTable<K extends string>(input: string, columns: readonly CsvColumn<K>[]): CsvTable<K> {
  // Offsets are counted on this text: one kind of line end.
  const text = input.replace(/\r\n?/g, '\n');
  const errors: ImportIssue[] = [];
  const raw: { line: number; cells: string[] }[] = [];
  const lineAt = lineCounter(text);
  Papa.parse<string[]>(text, {
    skipEmptyLines: 'greedy',
    step: (result) => {
      // An unclosed quote runs to the end of the file: the final line end is inside its cell, not after it.
      const unclosed = result.errors.some((e) => e.code === 'MissingQuotes');
      const line = recordLine(text, result.meta.cursor, result.data, lineAt, unclosed);
      for (const error of result.errors) {
        // A file with one column has no separator to detect: it is then reported as missing columns.
        if (error.code !== 'UndetectableDelimiter') errors.push({ line, message: `CSV illisible : ${csvErrorMessage(error.code, error.message)}` });
      }
      raw.push({ line, cells: result.data });
    },
  });
  if (errors.length > 0) return { ok: false, errors };
  const [header, ...body] = raw;
  if (!header) return { ok: false, errors: [{ line: null, message: 'Le fichier est vide.' }] };

  const position = new Map<K, number>();
  const titles = header.cells.map(columnKey);
  for (const column of columns) {
    const accepted = column.accepts.map(columnKey);
    const index = titles.findIndex((title) => accepted.includes(title));
    if (index !== -1) position.set(column.key, index);
    else if (column.required) errors.push({ line: header.line, message: `Colonne obligatoire absente : « ${column.title} ».` });
  }
  if (errors.length > 0) return { ok: false, errors };
  if (body.length === 0) return { ok: false, errors: [{ line: null, message: "Le fichier ne contient aucun élève : seulement la ligne des titres de colonnes." }] };
  return {
    ok: true,
    records: body.map((record) => ({
      line: record.line,
      cell: (key) => {
        const index = position.get(key);
        return index === undefined ? '' : (record.cells[index] ?? '');
      },
    })),
  };
}

function csvErrorMessage(code: string, fallback: string): string {
  if (code === 'MissingQuotes') return 'guillemet ouvert et jamais refermé';
  if (code === 'InvalidQuotes') return 'guillemet mal placé dans une cellule';
  return fallback;
}

/**
 * The first line of a record, from where it ends (Papaparse gives the end offset only): every line break inside
 * the record is inside a quoted cell, so it starts that many lines above its last line.
 */
function recordLine(text: string, end: number, cells: string[], lineAt: (offset: number) => number, unclosed: boolean): number {
  const last = !unclosed && text.charCodeAt(end - 1) === 10 ? end - 1 : end;
  const inside = cells.reduce((count, cell) => count + cell.split('\n').length - 1, 0);
  return lineAt(last) - inside;
}

/** Line of an offset, for offsets asked in increasing order: counting resumes where the previous call stopped. */
function lineCounter(text: string): (offset: number) => number {
  let scanned = 0;
  let line = 1;
  return (offset) => {
    for (let i = text.indexOf('\n', scanned); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
      line++;
      scanned = i + 1;
    }
    return line;
  };
}
