import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnswerValue } from '../content/types.ts';
import { makeChoiceChallenge, makeFreeChallenge } from '../test/make-pack.ts';
import { checkAnswer } from './check-answer.ts';

const choice = (...selected: number[]): AnswerValue => ({ kind: 'choice', selected });
const fields = (values: Record<string, string>): AnswerValue => ({ kind: 'fields', fields: values });
const qroc = (solutions: string[], overrides: Parameters<typeof makeFreeChallenge>[0] = {}) =>
  makeFreeChallenge({ fields: [{ key: 'r', label: 'Réponse', solutions }], ...overrides });

describe('checkAnswer: choices', () => {
  it('[CHECK-7] QCU: exactly the solution', () => {
    const challenge = makeChoiceChallenge({ type: 'QCU', solution: [2] });
    expect(checkAnswer(challenge, choice(2))).toBe('ok');
    expect(checkAnswer(challenge, choice(1))).toBe('ko');
    expect(checkAnswer(challenge, choice(2, 1))).toBe('ko');
    expect(checkAnswer(challenge, choice(2, 2))).toBe('ko');
    expect(checkAnswer(challenge, choice())).toBe('ko');
  });

  it('[CHECK-7] QCM: the same set, in any order', () => {
    const challenge = makeChoiceChallenge({ type: 'QCM', proposals: ['A', 'B', 'C', 'D'], solution: [1, 3] });
    expect(checkAnswer(challenge, choice(1, 3))).toBe('ok');
    expect(checkAnswer(challenge, choice(3, 1))).toBe('ok');
    expect(checkAnswer(challenge, choice(3, 1, 3))).toBe('ok');
    expect(checkAnswer(challenge, choice(1))).toBe('ko');
    expect(checkAnswer(challenge, choice(1, 3, 4))).toBe('ko');
    expect(checkAnswer(challenge, choice())).toBe('ko');
  });

  it('[CHECK-10] a value of the wrong kind is ko, never an exception', () => {
    expect(checkAnswer(makeChoiceChallenge(), fields({ r: '1' }))).toBe('ko');
    expect(checkAnswer(qroc(['1']), choice(1))).toBe('ko');
  });
});

describe('checkAnswer: free answers and tolerances', () => {
  it('[CHECK-3] T1 accepts case, accents and spaces', () => {
    const challenge = qroc(['Île-de-France'], { tolerances: ['T1'] });
    expect(checkAnswer(challenge, fields({ r: '  ile-de-FRANCE ' }))).toBe('ok');
    expect(checkAnswer(challenge, fields({ r: 'ile de france' }))).toBe('ko');
  });

  it('[CHECK-4] T2 accepts missing or extra punctuation', () => {
    const challenge = qroc(['Île-de-France'], { tolerances: ['T1', 'T2'] });
    expect(checkAnswer(challenge, fields({ r: 'ile de france.' }))).toBe('ok');
    expect(checkAnswer(qroc(['www.exemple.fr'], { tolerances: ['T2'] }), fields({ r: 'wwwexemplefr' }))).toBe('ok');
  });

  it('[CHECK-5] T3 accepts up to 25 % of the expected length in edits, rounded down', () => {
    const challenge = qroc(['moteur'], { tolerances: ['T1', 'T2', 'T3'] }); // 6 letters: 1 edit
    expect(checkAnswer(challenge, fields({ r: 'moteurr' }))).toBe('ok');
    expect(checkAnswer(challenge, fields({ r: 'mteur' }))).toBe('ok');
    expect(checkAnswer(challenge, fields({ r: 'mtuer' }))).toBe('ko');
    const longer = qroc(['navigateur'], { tolerances: ['T3'] }); // 10 letters: 2 edits
    expect(checkAnswer(longer, fields({ r: 'navigatuer' }))).toBe('ok');
    expect(checkAnswer(longer, fields({ r: 'nvigatuer' }))).toBe('ko');
  });

  it('[CHECK-5] T3 gives nothing on answers shorter than 4 characters', () => {
    const challenge = qroc(['ssd'], { tolerances: ['T1', 'T2', 'T3'] });
    expect(checkAnswer(challenge, fields({ r: 'SSD' }))).toBe('ok');
    expect(checkAnswer(challenge, fields({ r: 'sdd' }))).toBe('ko');
  });

  it('[CHECK-5] T3 never applies to an expected answer made of digits only', () => {
    const year = qroc(['2024'], { tolerances: ['T1', 'T2', 'T3'] });
    expect(checkAnswer(year, fields({ r: '2024' }))).toBe('ok');
    expect(checkAnswer(year, fields({ r: '2025' }))).toBe('ko');
    expect(checkAnswer(year, fields({ r: '20245' }))).toBe('ko');
    expect(checkAnswer(year, fields({ r: '224' }))).toBe('ko');
    // Digits only once normalised: T1 removes the spaces, T2 the separators.
    const grouped = qroc(['30 18'], { tolerances: ['T1', 'T2', 'T3'] });
    expect(checkAnswer(grouped, fields({ r: '3018' }))).toBe('ok');
    expect(checkAnswer(grouped, fields({ r: '3019' }))).toBe('ko');
    const date = qroc(['14/07/2025'], { tolerances: ['T1', 'T2', 'T3'] });
    expect(checkAnswer(date, fields({ r: '14.07.2025' }))).toBe('ok');
    expect(checkAnswer(date, fields({ r: '14/07/2026' }))).toBe('ko');
    // Letters anywhere keep the typo tolerance.
    const mixed = qroc(['Windows 11'], { tolerances: ['T1', 'T2', 'T3'] });
    expect(checkAnswer(mixed, fields({ r: 'Windos 11' }))).toBe('ok');
  });

  it('[CHECK-2] with tolerances switched off, only the exact text passes (after NFC and spaces)', () => {
    const challenge = qroc(['Mot de passe'], { tolerances: [] });
    expect(checkAnswer(challenge, fields({ r: 'Mot de passe' }))).toBe('ok');
    expect(checkAnswer(challenge, fields({ r: 'Mot\u00A0de passe' }))).toBe('ok');
    expect(checkAnswer(challenge, fields({ r: 'mot de passe' }))).toBe('ko');
    expect(checkAnswer(challenge, fields({ r: 'Mot de passe ' }))).toBe('ko');
    expect(checkAnswer(challenge, fields({ r: 'Mot de pase' }))).toBe('ko');
  });

  it('[CHECK-1] a decomposed accent matches its composed form', () => {
    const challenge = qroc(['Éléphant'], { tolerances: [] });
    expect(checkAnswer(challenge, fields({ r: 'E\u0301le\u0301phant' }))).toBe('ok');
  });

  it('[CHECK-8] any listed alternative is accepted', () => {
    const challenge = qroc(['courriel', 'e-mail', 'mail']);
    expect(checkAnswer(challenge, fields({ r: 'Email' }))).toBe('ok');
    expect(checkAnswer(challenge, fields({ r: 'Courriel' }))).toBe('ok');
    expect(checkAnswer(challenge, fields({ r: 'lettre' }))).toBe('ko');
  });

  it('[CHECK-10] an empty or missing answer is ko', () => {
    const challenge = qroc(['Paris']);
    expect(checkAnswer(challenge, fields({ r: '' }))).toBe('ko');
    expect(checkAnswer(challenge, fields({ r: ' . ' }))).toBe('ko');
    expect(checkAnswer(challenge, fields({}))).toBe('ko');
  });

  it('[CHECK-6] format number compares numbers, not text', () => {
    const challenge = qroc(['3,5'], { format: 'number' });
    expect(checkAnswer(challenge, fields({ r: '3.50' }))).toBe('ok');
    expect(checkAnswer(challenge, fields({ r: ' 3,5 ' }))).toBe('ok');
    expect(checkAnswer(challenge, fields({ r: '3,6' }))).toBe('ko');
    // T3 must not turn 35 into 3,5: numbers never get edit-distance tolerance.
    expect(checkAnswer(challenge, fields({ r: '35' }))).toBe('ko');
    const big = qroc(['1500000'], { format: 'number' });
    expect(checkAnswer(big, fields({ r: '1 500 000' }))).toBe('ok');
    expect(checkAnswer(big, fields({ r: '1\u202F500\u202F000' }))).toBe('ok');
    expect(checkAnswer(big, fields({ r: '1.500.000' }))).toBe('ok');
    expect(checkAnswer(big, fields({ r: 'un million et demi' }))).toBe('ko');
  });

  it('[CHECK-8] QROCM-ind: every field against its own solutions', () => {
    const challenge = makeFreeChallenge({
      type: 'QROCM-ind',
      fields: [
        { key: 'annee', label: 'Année', solutions: ['1989'] },
        { key: 'ville', label: 'Ville', solutions: ['Genève', 'Geneve'] },
      ],
    });
    expect(checkAnswer(challenge, fields({ annee: '1989', ville: 'geneve' }))).toBe('ok');
    expect(checkAnswer(challenge, fields({ annee: 'geneve', ville: '1989' }))).toBe('ko');
    expect(checkAnswer(challenge, fields({ annee: '1989' }))).toBe('ko');
  });

  it('[CHECK-9] QROCM-dep: each field matches a distinct group, in any order', () => {
    const challenge = makeFreeChallenge({
      type: 'QROCM-dep',
      fields: [
        { key: 'a', label: '1', solutions: [] },
        { key: 'b', label: '2', solutions: [] },
      ],
      solutionGroups: [['Firefox', 'Mozilla Firefox'], ['Chrome', 'Google Chrome'], ['Edge']],
    });
    expect(checkAnswer(challenge, fields({ a: 'chrome', b: 'firefox' }))).toBe('ok');
    expect(checkAnswer(challenge, fields({ a: 'Edge', b: 'Google Chrome' }))).toBe('ok');
    expect(checkAnswer(challenge, fields({ a: 'chrome', b: 'Chrome' }))).toBe('ko');
    expect(checkAnswer(challenge, fields({ a: 'chrome', b: 'safari' }))).toBe('ko');
  });

  it('[CHECK-9] QROCM-dep is a proper matching: an answer fitting two groups leaves the other to its neighbour', () => {
    // "Word" fits both groups; "Writer" only the first. A greedy first fit would give group 1 to "Word".
    const challenge = makeFreeChallenge({
      type: 'QROCM-dep',
      tolerances: [],
      fields: [
        { key: 'a', label: '1', solutions: [] },
        { key: 'b', label: '2', solutions: [] },
      ],
      solutionGroups: [['Word', 'Writer'], ['Word', 'Docs']],
    });
    expect(checkAnswer(challenge, fields({ a: 'Word', b: 'Writer' }))).toBe('ok');
    expect(checkAnswer(challenge, fields({ a: 'Word', b: 'Word' }))).toBe('ok');
    expect(checkAnswer(challenge, fields({ a: 'Writer', b: 'Writer' }))).toBe('ko');
  });

  it('[CHECK-2] an accepted solution, retyped with case, accents and spaces changed, stays ok under T1', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-zÀ-ÿ ]{1,20}$/), (solution) => {
        fc.pre(solution.trim() !== '');
        const challenge = qroc([solution], { tolerances: ['T1'] });
        const retyped = ` ${solution.toUpperCase().replace(/ /g, '')} `;
        expect(checkAnswer(challenge, fields({ r: solution }))).toBe('ok');
        expect(checkAnswer(challenge, fields({ r: retyped }))).toBe('ok');
      }),
    );
  });
});
