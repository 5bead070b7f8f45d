import { describe, expect, it } from 'vitest';
import { parseCandidateCsv } from './candidate-csv.ts';

describe('candidate CSV', () => {
  it('[CERT-3] columns are found by title; every line is checked and every error reported with its line', () => {
    const parsed = parseCandidateCsv('\uFEFFprénom;NOM;Date de naissance;Temps majoré (%);Lieu de naissance\nCamille;Martin;14/3/2010;33 %;Paris\n;X;32/01/2010;abc;\n');
    expect(parsed).toEqual({
      ok: false,
      errors: [
        { line: 3, message: 'Le prénom est obligatoire (200 caractères au plus).' },
        { line: 3, message: 'La date de naissance doit être une date réelle au format jj/mm/aaaa.' },
        { line: 3, message: 'Le temps majoré est un nombre entier de 0 à 100 (%).' },
      ],
    });
    const good = parseCandidateCsv('Nom;Prénom;Date de naissance;Temps majoré (%)\nMartin;Camille;14/3/2010;33 %\n');
    expect(good).toEqual({ ok: true, candidates: [{ line: 2, candidate: { lastName: 'Martin', firstName: 'Camille', birthDate: '14/03/2010', birthplace: '', extraTimePercent: 33, externalId: '', accessibilityNeeds: '' } }] });
  });

  it('[CERT-3] a missing required column is reported on the header line', () => {
    expect(parseCandidateCsv('Nom;Prénom\nMartin;Camille\n')).toEqual({ ok: false, errors: [{ line: 1, message: 'Colonne obligatoire absente : « Date de naissance ».' }] });
  });
});
