/**
 * An export as a file French spreadsheets open as they are ([EXPORT-1]): UTF-8 with a byte order mark (without it
 * Excel reads accents as Windows-1252), `;` between cells (a comma is the decimal separator in French), CRLF line
 * ends, cells quoted by Papaparse where they need it. Every text cell is neutralised against formulas ([EXPORT-4]).
 */
// By its file path, typed by ../content/papaparse.d.ts: @types/papaparse would bring Node's types into src/core.
import Papa from 'papaparse/papaparse.js';
import { neutralizeFormula } from './csv-cell.ts';

export type CsvCell = string | number;

export interface CsvTable {
  header: readonly string[];
  rows: readonly (readonly CsvCell[])[];
}

export const CSV_BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';

export function writeCsv(table: CsvTable): string {
  const cell = (value: CsvCell): string => (typeof value === 'number' ? String(value) : neutralizeFormula(value));
  const data = [table.header.map(cell), ...table.rows.map((row) => row.map(cell))];
  return CSV_BOM + Papa.unparse(data, { delimiter: CSV_SEPARATOR, newline: '\r\n', quotes: false }) + '\r\n';
}
