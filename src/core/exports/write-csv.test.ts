import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { frenchDate, neutralizeFormula } from './csv-cell.ts';
import { CSV_BOM, writeCsv } from './write-csv.ts';

describe('CSV files for French spreadsheets', () => {
  it('[EXPORT-1] UTF-8 with a byte order mark, ; between cells, CRLF, quoted only where needed', () => {
    const text = writeCsv({ header: ['Nom', 'Note'], rows: [['Élodie; « la grande »', 12], ['Zoé\n"Z"', 0]] });
    expect(text.startsWith(CSV_BOM)).toBe(true);
    expect(text).toBe(`${CSV_BOM}Nom;Note\r\n"Élodie; « la grande »";12\r\n"Zoé\n""Z""";0\r\n`);
    const parsed = Papa.parse<string[]>(text.slice(1), { delimiter: ';', skipEmptyLines: true });
    expect(parsed.data).toEqual([['Nom', 'Note'], ['Élodie; « la grande »', '12'], ['Zoé\n"Z"', '0']]);
  });

  it('[EXPORT-4] a cell starting with =, +, -, @, tab or carriage return is neutralised; numbers stay numbers', () => {
    for (const danger of ['=HYPERLINK("http://x")', '+33', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd']) expect(neutralizeFormula(danger)).toBe(`'${danger}`);
    for (const safe of ['DUPONT', ' =A1', 'a=b', '']) expect(neutralizeFormula(safe)).toBe(safe);
    const text = writeCsv({ header: ['=cmd|calc'], rows: [['-1', -1, '@x']] });
    expect(text).toBe(`${CSV_BOM}'=cmd|calc\r\n'-1;-1;'@x\r\n`);
  });

  it('[EXPORT-3] dates are jj/mm/aaaa as the day was in Paris, empty for none', () => {
    // 2026-01-14 23:30 UTC is already the 15th in Paris (UTC+1); 2026-07-01 22:30 UTC is the 2nd (UTC+2).
    expect(frenchDate(Date.UTC(2026, 0, 14, 23, 30))).toBe('15/01/2026');
    expect(frenchDate(Date.UTC(2026, 6, 1, 22, 30))).toBe('02/07/2026');
    expect(frenchDate(Date.UTC(2026, 6, 1, 22, 30), 'UTC')).toBe('01/07/2026');
    expect(frenchDate(null)).toBe('');
  });
});
