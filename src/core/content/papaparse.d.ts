/**
 * The part of Papaparse that src/core uses. @types/papaparse starts with `/// <reference types="node" />` (for its
 * stream API), which would bring `process`, `Buffer` and timers into src/core's typecheck (STYLE.md point 1), so
 * simple-csv.ts (and the exports' write-csv.ts) import the same UMD file by its path, typed by this declaration instead.
 */
declare module 'papaparse/papaparse.js' {
  interface ParseError {
    type: string;
    code: string;
    message: string;
    row?: number;
  }

  interface ParseMeta {
    delimiter: string;
    linebreak: string;
    aborted: boolean;
    truncated: boolean;
    /** Offset in the input just after the record (after its line end, when it has one). */
    cursor: number;
  }

  interface ParseStepResult<T> {
    data: T;
    errors: ParseError[];
    meta: ParseMeta;
  }

  interface ParseConfig<T> {
    /** Default: detected among `,`, tab, `|`, `;` and the record separators. */
    delimiter?: string;
    /** 'greedy' also skips lines of separators and spaces only, as spreadsheets save empty rows. */
    skipEmptyLines?: boolean | 'greedy';
    /** Called once per record, synchronously when the input is a string. */
    step?: (result: ParseStepResult<T>) => void;
  }

  interface UnparseConfig {
    delimiter?: string;
    newline?: string;
    /** false: quote only the cells that need it (a separator, a quote or a line break inside). */
    quotes?: boolean;
  }

  const Papa: {
    parse<T>(input: string, config: ParseConfig<T>): void;
    /** Rows of cells to CSV text (used by the exports, src/core/exports/write-csv.ts). */
    unparse(data: readonly (readonly string[])[], config?: UnparseConfig): string;
  };
  export default Papa;
}
