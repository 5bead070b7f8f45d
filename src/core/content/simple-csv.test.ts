import { describe, expect, it } from 'vitest';
import { compileBank } from './compile.ts';
import { checkPackRules } from './rules.ts';
import { parseSimpleCsv } from './simple-csv.ts';

const HEADER = 'competence;sujet;titre_sujet;niveau;indice;id;type;consigne;proposition1;proposition2;proposition3;solution;explication;tutoriel';

function csv(...rows: string[]): string {
  return [HEADER, ...rows].join('\n');
}

const QCU = '1.1;@motsCles;Mots-clés;1;Gardez le sens.;csv-1;QCU;Quel mot garder ?;le;volcan;pour;2;Volcan porte le sens.;Un moteur ignore les mots vides.';
const QCM = '1.1;@motsCles;;2;Deux mots.;csv-2;QCM;Quels mots vides ?;le;volcan;la;1,3;Le et la.;';

describe('parseSimpleCsv', () => {
  it('groups rows into competences, tubes and skills, with the tube tutorial', () => {
    const result = parseSimpleCsv(csv(QCU, QCM, '2.1;@courriel;Courriel;1;Indice.;csv-3;QCU;Q ?;x;y;;1;E.;Un courriel a un objet.'));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.competences.map((c) => c.competence)).toEqual(['1.1', '2.1']);
    const [tube] = result.competences[0]?.tubes ?? [];
    expect(tube).toMatchObject({ id: '@motsCles', title: 'Mots-clés', description: 'Mots-clés' });
    expect(tube?.tutorials).toEqual([
      { id: 'tuto-motsCles', title: 'Mots-clés', source: 'Import CSV', format: 'texte', durationMinutes: 1, text: 'Un moteur ignore les mots vides.' },
    ]);
    expect(tube?.skills.map((s) => [s.level, s.hint, s.challenges.map((c) => c.id)])).toEqual([
      [1, 'Gardez le sens.', ['csv-1']],
      [2, 'Deux mots.', ['csv-2']],
    ]);
    expect(tube?.skills[0]?.challenges[0]).toEqual({
      id: 'csv-1', type: 'QCU', instruction: 'Quel mot garder ?', explanation: 'Volcan porte le sens.', proposals: ['le', 'volcan', 'pour'], solution: 2,
    });
    expect(tube?.skills[1]?.challenges[0]).toMatchObject({ type: 'QCM', solution: [1, 3] });
    expect(checkPackRules(compileBank(result.competences).pack)).toEqual([]);
  });

  it('finds the line of every row, across quoted line breaks, blank lines, CRLF and a BOM', () => {
    const multiline = '1.1;@motsCles;;1;;csv-9;QCU;"Première ligne\nseconde ligne";a;b;;1;E.;';
    const text = `\uFEFF${csv(QCU, multiline, '', QCM)}`.replace(/\n/g, '\r\n');
    const result = parseSimpleCsv(text);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.lineOf(0, ['tubes', 0, 'skills', 0, 'challenges', 0, 'id'])).toBe(2);
    expect(result.lineOf(0, ['tubes', 0, 'skills', 0, 'challenges', 1, 'solution'])).toBe(3);
    expect(result.lineOf(0, ['tubes', 0, 'skills', 1, 'challenges', 0])).toBe(6);
    expect(result.lineOf(0, ['tubes', 0, 'skills', 1, 'level'])).toBe(6);
    expect(result.lineOf(0, ['tubes', 0, 'tutorials', 0, 'text'])).toBe(2);
    expect(result.lineOf(0, ['tubes', 0, 'skills', 0, 'challenges', 1])).toBe(3);
    expect(result.competences[0]?.tubes[0]?.skills[0]?.challenges[1]?.instruction).toBe('Première ligne\nseconde ligne');
  });

  it('counts the empty rows a spreadsheet saves as separators only, and rows of spaces', () => {
    const text = csv(QCU, ';;;;;;;;;;;;;', '  ;  ; ', ';;', '1.9;@motsCles;;1;;csv-2;QCU;Q ?;a;b;;1;E.;', ';;;', '1.1;@motsCles;;9;;csv-3;QCU;Q ?;a;b;;1;E.;');
    const result = parseSimpleCsv(text.replace(/\n/g, '\r\n'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.line)).toEqual([6, 8]);
  });

  it('reads commas as separators and column names without regard to case or accents', () => {
    const text = 'Compétence,Sujet,Titre sujet,Niveau,Indice,ID,Type,Consigne,Proposition1,Proposition2,Solution,Explication,Tutoriel\n' +
      '1.1,@motsCles,Mots,1,Indice.,csv-1,qcu,Q ?,a,b,2,E.,T.';
    const result = parseSimpleCsv(text);
    expect(result.ok && result.competences[0]?.tubes[0]?.skills[0]?.challenges[0]).toMatchObject({ type: 'QCU', solution: 2, proposals: ['a', 'b'] });
  });

  it('reports problems with their line numbers and imports nothing', () => {
    const result = parseSimpleCsv(csv(
      QCU,
      '1.9;@motsCles;;1;;csv-2;QCU;Q ?;a;b;;1;E.;',
      '1.1;motsCles;;1;;csv-3;QCU;Q ?;a;b;;1;E.;',
      '1.1;@motsCles;;9;;csv-4;QCU;Q ?;a;b;;1;E.;',
      '1.1;@motsCles;;1;;csv-5;QROC;Q ?;a;b;;1;E.;',
      '1.1;@motsCles;;1;;csv-6;QCU;Q ?;a;;c;1;E.;',
      '1.1;@motsCles;;1;;csv-7;QCU;Q ?;a;b;;;E.;',
      '1.1;@motsCles;;1;;csv-8;QCU;Q ?;a;b;;1,2;E.;',
      '2.1;@motsCles;;1;;csv-10;QCU;Q ?;a;b;;1;E.;',
    ));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.line, e.message.split(' ')[0]])).toEqual([
      [3, 'compétence'],
      [4, 'sujet'],
      [5, 'niveau'],
      [6, 'type'],
      [7, 'proposition3'],
      [8, 'solution'],
      [9, 'solution'],
      [10, 'le'],
    ]);
    expect(result.errors[7]?.message).toMatch(/@motsCles est déjà dans la compétence 1.1/);
  });

  it('reports a tube without title and a skill without hint at their first row', () => {
    const result = parseSimpleCsv(csv(QCU, '1.1;@autre;;3;;csv-2;QCU;Q ?;a;b;;1;E.;T.'));
    expect(result).toEqual({
      ok: false,
      errors: [
        { line: 3, message: 'aucune ligne ne donne le titre du sujet @autre (colonne titre_sujet)' },
        { line: 3, message: "aucune ligne ne donne l'indice de l'acquis @autre3 (colonne indice)" },
      ],
    });
  });

  it('reports a different tube title on a later row', () => {
    const result = parseSimpleCsv(csv(QCU, QCM.replace(';;2;', ';Autre titre;2;')));
    expect(result).toEqual({ ok: false, errors: [{ line: 3, message: 'titre du sujet @motsCles différent de celui de la ligne 2' }] });
  });

  it('reports header problems on line 1', () => {
    const result = parseSimpleCsv('competence;sujet;couleur;sujet\n1.1;@a;b;c');
    if (result.ok) throw new Error('accepted a broken header');
    expect(result.errors.every((e) => e.line === 1)).toBe(true);
    expect(result.errors.map((e) => e.message)).toEqual([
      'colonne inconnue « couleur »',
      'colonne « sujet » en double',
      expect.stringMatching(/^colonne\(s\) obligatoire\(s\) absente\(s\) : titre_sujet, niveau, indice, id, type, consigne/) as unknown,
    ]);
  });

  it('reports an empty file and a file with no question', () => {
    expect(parseSimpleCsv('')).toEqual({ ok: false, errors: [{ line: null, message: expect.stringMatching(/fichier vide/) as unknown }] });
    expect(parseSimpleCsv(`${HEADER}\n`)).toEqual({ ok: false, errors: [{ line: null, message: 'aucune question après la ligne des colonnes' }] });
  });

  it('reports an unterminated quote at its line', () => {
    const result = parseSimpleCsv(csv(QCU, '1.1;@motsCles;;1;;csv-2;QCU;"Q ?;a;b;;1;E.;'));
    if (result.ok) throw new Error('accepted a broken quote');
    expect(result.errors[0]).toEqual({ line: 3, message: expect.stringMatching(/^CSV illisible/) as unknown });
  });

  it('reports an unterminated quote at the line where it opens, with rows after it', () => {
    const result = parseSimpleCsv(csv(QCU, '1.1;@motsCles;;1;;csv-2;QCU;"Q ?;a;b;;1;E.;', QCM, QCM));
    if (result.ok) throw new Error('accepted a broken quote');
    expect(result.errors[0]).toEqual({ line: 3, message: expect.stringMatching(/^CSV illisible/) as unknown });
  });

  it('reads optional columns: timer, focus, tube description, tutorial title, up to 8 proposals', () => {
    const header = `${HEADER};description_sujet;titre_tutoriel;proposition4;minuteur;focus`;
    const result = parseSimpleCsv(`${header}\n${QCU};Décrire.;Le tuto;quatre;45;oui`);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const tube = result.competences[0]?.tubes[0];
    expect(tube?.description).toBe('Décrire.');
    expect(tube?.tutorials[0]?.title).toBe('Le tuto');
    expect(tube?.skills[0]?.challenges[0]).toMatchObject({ proposals: ['le', 'volcan', 'pour', 'quatre'], timer: 45, focused: true });
  });
});
