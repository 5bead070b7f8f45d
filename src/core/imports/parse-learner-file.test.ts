/** Student list files, valid and broken, through the one door the worker and the relay both use. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TextDecoderFactory } from './decode-text.ts';
import type { LearnerImportFormat } from './learner-import.ts';
import { parseLearnerFile } from './parse-learner-file.ts';
import type { ParsedLearnerFile } from './parse-learner-file.ts';
import { BROKEN_LEARNER_FILES, FIXTURE_TODAY, FIXTURE_UAI } from './test-support/broken-learner-files.ts';

const decoder: TextDecoderFactory = (encoding) => new TextDecoder(encoding);
const fixture = (name: string): Uint8Array => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

function parse(file: string, format: LearnerImportFormat, today = FIXTURE_TODAY): ParsedLearnerFile {
  return parseLearnerFile({ format, bytes: fixture(file), uai: FIXTURE_UAI, today, decoder });
}

describe('[IMPORT-1] a broken file imports nothing and says what is wrong, where', () => {
  it.each(BROKEN_LEARNER_FILES)('$file ($defect)', ({ file, format, line, message }) => {
    const result = parse(file, format);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toEqual({ line, message: expect.stringMatching(message) as unknown });
  });

  it('lists every problem of a file, by line, not only the first', () => {
    const bytes = new TextEncoder().encode('Nom;Prénom;Date de naissance;Classe\n;Paul;31/13/2010;2NDE B\nDURAND;;01/01/2010;\n');
    const result = parseLearnerFile({ format: 'csv', bytes, uai: FIXTURE_UAI, today: FIXTURE_TODAY, decoder });
    expect(result).toEqual({
      ok: false,
      errors: [
        { line: 2, message: 'Valeur manquante : Nom (Paul).' },
        { line: 2, message: 'Date de naissance invalide « 31/13/2010 » : attendu une date réelle au format jj/mm/aaaa (Paul).' },
        { line: 3, message: 'Valeur manquante : Prénom (DURAND).' },
        { line: 3, message: 'Valeur manquante : Classe (DURAND).' },
      ],
    });
  });
});

describe('[IMPORT-3] SIECLE « Élèves sans adresse »', () => {
  it('reads the sample (ISO-8859-15): names with accents and apostrophes, class from the division, the student who left skipped', () => {
    const result = parse('siecle-eleves-sans-adresse.xml', 'siecle');
    expect(result).toEqual({
      ok: true,
      encoding: 'iso-8859-15',
      skipped: 1,
      learners: [
        { line: 11, nationalId: '071234567AA', lastName: 'LEROY', firstName: 'Inès', sex: 'F', birthDate: '2009-09-12', className: '2NDE C' },
        { line: 27, nationalId: '071234568BB', lastName: "N'DIAYE", firstName: 'Moussa', sex: 'M', birthDate: '2010-02-03', className: '2NDE C' },
        { line: 43, nationalId: '071234569CC', lastName: 'GARCÍA LÓPEZ', firstName: 'Zoé', sex: 'F', birthDate: '2009-06-28', className: '1ERE STMG 2' },
        { line: 59, nationalId: '071234570DD', lastName: 'ÇELIK', firstName: 'Emre', sex: 'M', birthDate: '2009-12-15', className: '1ERE STMG 2' },
      ],
    });
  });

  it('keeps a student whose leaving date is still to come, and needs their division then', () => {
    const result = parse('siecle-eleves-sans-adresse.xml', 'siecle', '2026-10-15');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual([{ line: 75, message: expect.stringMatching(/Aucune division .* pour PARTI Élise \(ELEVE_ID 5100\)/) as unknown }]);
  });

  it('compares the UAI without case or spaces', () => {
    const result = parseLearnerFile({ format: 'siecle', bytes: fixture('siecle-eleves-sans-adresse.xml'), uai: ' 0000000a ', today: FIXTURE_TODAY, decoder });
    expect(result.ok).toBe(true);
  });

  it('reports progress from 0 to 1, never backwards', () => {
    const seen: number[] = [];
    parseLearnerFile({ format: 'siecle', bytes: fixture('siecle-eleves-sans-adresse.xml'), uai: FIXTURE_UAI, today: FIXTURE_TODAY, decoder, onProgress: (f) => seen.push(f) });
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.at(-1)).toBe(1);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });
});

describe('Fregata and simple CSV', () => {
  it('reads the Fregata sample (ISO-8859-1 without declaration)', () => {
    expect(parse('fregata-apprenants.csv', 'fregata')).toEqual({
      ok: true,
      encoding: 'windows-1252',
      skipped: 0,
      learners: [
        { line: 2, nationalId: '071234580EE', lastName: 'MOREAU', firstName: 'Louis', sex: 'M', birthDate: '2008-04-21', className: 'BTSA 1' },
        { line: 3, nationalId: '071234581FF', lastName: 'LAMBERT', firstName: 'Chloé', sex: 'F', birthDate: '2007-11-09', className: 'BTSA 1' },
      ],
    });
  });

  it('[IMPORT-8] reads the simple CSV (UTF-8 with BOM); a formula-looking name is kept as text, never evaluated', () => {
    const result = parse('simple-eleves.csv', 'csv');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.encoding).toBe('utf-8');
    expect(result.learners.map((l) => [l.lastName, l.firstName, l.nationalId, l.className])).toEqual([
      ['DUPONT', 'Jeanne', '071234571EE', '2NDE B'],
      ['N’GUYEN', 'Minh-Anh', '071234572FF', '2NDE B'],
      ['=HYPERLINK("http://exemple.invalid")', 'Paul', '071234573GG', '2NDE B'],
      ['BŒUF', 'Lætitia', null, '2NDE B'],
    ]);
  });

  it('[IMPORT-2] tells Windows-1252 (Excel’s apostrophe) from ISO-8859-15 (Œ, Š) when the file does not say', () => {
    const cp1252 = parse('simple-eleves-windows-1252.csv', 'csv');
    const latin9 = parse('simple-eleves-latin9.csv', 'csv');
    expect(cp1252.ok && cp1252.encoding).toBe('windows-1252');
    expect(cp1252.ok && cp1252.learners.map((l) => l.lastName)).toEqual(['N’GUYEN', 'LEFÈVRE']);
    expect(latin9.ok && latin9.encoding).toBe('iso-8859-15');
    expect(latin9.ok && latin9.learners.map((l) => `${l.lastName} ${l.firstName}`)).toEqual(['BŒUF Lætitia', 'ŠKODA Ivan']);
  });

  it('[IMPORT-5] two students without INE with the same name and birth date are one student twice', () => {
    const bytes = new TextEncoder().encode('Nom,Prénom,Date de naissance,Classe\nDUPONT,Jeanne,02/05/2010,2NDE B\nDupont,JEANNE,2/5/2010,2NDE C\n');
    const result = parseLearnerFile({ format: 'csv', bytes, uai: FIXTURE_UAI, today: FIXTURE_TODAY, decoder });
    expect(result).toEqual({ ok: false, errors: [{ line: 3, message: 'Élève en double : Dupont JEANNE, né(e) le même jour, figure déjà ligne 2.' }] });
  });

  it('places a record after a quoted multi-line cell on its own first line', () => {
    const bytes = new TextEncoder().encode('Nom;Prénom;Date de naissance;Classe\n"DU\nPONT";Jeanne;02/05/2010;2NDE B\nDURAND;Paul;99/99/2010;2NDE B\n');
    const result = parseLearnerFile({ format: 'csv', bytes, uai: FIXTURE_UAI, today: FIXTURE_TODAY, decoder });
    expect(!result.ok && result.errors.map((e) => e.line)).toEqual([4]);
  });
});
