/**
 * What goes into one cell of an export ([EXPORT-3], [EXPORT-4]): text that a spreadsheet cannot take for a formula,
 * French dates, whole percentages. Pure: the time zone is a parameter, never the machine's.
 */

/** The zone French schools read dates in; a date is the day it was in Paris, whoever exports it. */
export const EXPORT_TIME_ZONE = 'Europe/Paris';

/**
 * [EXPORT-4] A cell a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a carriage return)
 * gets a leading apostrophe, which spreadsheets show as text. Only text is neutralised: numbers stay numbers.
 */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** [EXPORT-3] jj/mm/aaaa in the given zone; an empty cell for no date. */
export function frenchDate(ms: number | null, timeZone = EXPORT_TIME_ZONE): string {
  if (ms === null) return '';
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('fr-FR', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric' });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(ms)).map((part) => [part.type, part.value]));
  return `${parts.day ?? ''}/${parts.month ?? ''}/${parts.year ?? ''}`;
}

/** A rate 0 … 1 as the whole percentage shown on screen (rounded like [CAMP-4]). */
export function wholePercent(rate: number): number {
  return Math.round(rate * 100);
}

/** "O" (oui) or "N" (non), the French spreadsheet convention of DOMAIN.md's columns. */
export function yesNo(value: boolean): 'O' | 'N' {
  return value ? 'O' : 'N';
}
