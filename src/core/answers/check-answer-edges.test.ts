/**
 * The edges of answer checking that a lenient implementation gets wrong: a QCU ticked twice, a QCM of the right
 * size but the wrong set, challenges with nothing to match, text that happens to look like a number. The relay
 * re-checks every answer with these rules ([RESULT-5]), so a lenient rule is a score a tampered log can claim.
 */
import { describe, expect, it } from 'vitest';
import type { AnswerValue } from '../content/types.ts';
import { makeChoiceChallenge, makeFreeChallenge } from '../test/make-pack.ts';
import { checkAnswer } from './check-answer.ts';

const choice = (...selected: number[]): AnswerValue => ({ kind: 'choice', selected });
const fields = (values: Record<string, string>): AnswerValue => ({ kind: 'fields', fields: values });
const qroc = (solutions: string[], overrides: Parameters<typeof makeFreeChallenge>[0] = {}) =>
  makeFreeChallenge({ fields: [{ key: 'r', label: 'Réponse', solutions }], ...overrides });

describe('[CHECK-7] choices are exact', () => {
  it('a QCU with the solution ticked among others is ko', () => {
    const qcu = makeChoiceChallenge({ solution: [2] });
    expect(checkAnswer(qcu, choice(2))).toBe('ok');
    expect(checkAnswer(qcu, choice(2, 3))).toBe('ko');
    expect(checkAnswer(qcu, choice(2, 2))).toBe('ko');
  });

  it('a QCM answer of the right size but another set is ko', () => {
    const qcm = makeChoiceChallenge({ type: 'QCM', solution: [1, 2] });
    expect(checkAnswer(qcm, choice(1, 3))).toBe('ko');
    expect(checkAnswer(qcm, choice(3, 2))).toBe('ko');
    expect(checkAnswer(qcm, choice(2, 1))).toBe('ok');
  });
});

describe('[CHECK-10] nothing to match is ko, never ok', () => {
  it('a QCM without a solution is ko, even answered with nothing', () => {
    expect(checkAnswer(makeChoiceChallenge({ type: 'QCM', solution: [] }), choice())).toBe('ko');
  });

  it('a free challenge without fields is ko', () => {
    expect(checkAnswer(makeFreeChallenge({ fields: [] }), fields({}))).toBe('ko');
    expect(checkAnswer(makeFreeChallenge({ type: 'QROCM-dep', fields: [], solutionGroups: [] }), fields({ x: 'a' }))).toBe('ko');
  });

  it('an answer and a solution that both normalise to nothing do not match', () => {
    // T2 drops punctuation: "?" and "!!!" are both empty once normalised.
    expect(checkAnswer(qroc(['!!!']), fields({ r: '?' }))).toBe('ko');
    expect(checkAnswer(qroc(['!!!']), fields({ r: '!!!' }))).toBe('ko');
  });
});

describe('[CHECK-6] numbers only where the format says so', () => {
  it('a text challenge compares text, even when its solution reads as a number', () => {
    // As numbers 3,5 and 3.50 are equal; as text (T2 drops the separator) "35" is not "350".
    expect(checkAnswer(qroc(['3,5']), fields({ r: '3.50' }))).toBe('ko');
    expect(checkAnswer(qroc(['1,000']), fields({ r: '1' }))).toBe('ko');
  });

  it('a number challenge whose solution is not a number (an authoring slip) compares it as text', () => {
    const slip = qroc(['environ 3'], { format: 'number' });
    expect(checkAnswer(slip, fields({ r: 'Environ 3' }))).toBe('ok');
    expect(checkAnswer(slip, fields({ r: '3' }))).toBe('ko');
  });
});
