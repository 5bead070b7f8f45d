/**
 * The compiled real bank answered through the product's answer check: one challenge of each type right and
 * wrong, and the tolerances at work on real accepted answers (T1, T2 and T3 each letting a near answer pass,
 * and a challenge that switches a tolerance off rejecting one). This is what a student meets: the bank's
 * solutions and the checker's rules must agree.
 */
import { describe, expect, it } from 'vitest';
import { checkAnswer } from '../../src/core/answers/check-answer.ts';
import { isChoiceChallenge } from '../../src/core/content/is-choice-challenge.ts';
import type { AnswerValue, Challenge, ChoiceChallenge, FreeChallenge, Tolerance } from '../../src/core/content/types.ts';
import { TOLERANCES } from '../../src/core/content/types.ts';
import { checkBank } from './check-bank.ts';
import { CONTENT_DIR, REPO_ROOT } from './repo-paths.ts';

const { pack } = checkBank({ contentDir: CONTENT_DIR, root: REPO_ROOT }).compiled;
const choices = pack.challenges.filter(isChoiceChallenge);
const frees = pack.challenges.filter((c): c is FreeChallenge => !isChoiceChallenge(c));

/** A text that no accepted answer of the bank comes near (letters only, so no tolerance empties it). */
const NONSENSE = 'wqxzkvjwqxzkvj';

function pick<T extends Challenge>(items: readonly T[], what: string, accept: (challenge: T) => boolean): T {
  const found = items.find(accept);
  if (!found) throw new Error(`the bank has no ${what}`);
  return found;
}

function choice(selected: number[]): AnswerValue {
  return { kind: 'choice', selected };
}

function fields(entries: [string, string][]): AnswerValue {
  return { kind: 'fields', fields: Object.fromEntries(entries) };
}

function firstSolution(challenge: FreeChallenge, index = 0): string {
  const solution = challenge.fields[index]?.solutions[0];
  if (solution === undefined) throw new Error(`${challenge.id} has no solution for field ${index}`);
  return solution;
}

function wrongAnswer(challenge: FreeChallenge, right: string): string {
  return challenge.format === 'number' ? String(Number(right.replace(',', '.').replace(/\s/g, '')) + 1000) : NONSENSE;
}

function withTolerances(challenge: FreeChallenge, tolerances: Tolerance[]): FreeChallenge {
  return { ...challenge, tolerances };
}

const textQroc = (challenge: FreeChallenge): boolean => challenge.type === 'QROC' && challenge.format === 'text';
const letters = (text: string): number => Array.from(text).filter((ch) => /\p{L}/u.test(ch)).length;

/** One typo in the middle of a word: what T3 forgives when the answer is long enough (4+ characters per edit). */
function oneTypo(text: string): string {
  const chars = Array.from(text);
  const middle = chars.findIndex((ch, i) => i >= Math.floor(chars.length / 2) && /\p{Ll}/u.test(ch));
  const at = middle < 0 ? chars.findIndex((ch) => /\p{Ll}/u.test(ch)) : middle;
  chars[at] = chars[at] === 'x' ? 'y' : 'x';
  return chars.join('');
}

/** The near answer that only the given tolerance forgives, for a solution suited to it. */
const NEAR: Record<Tolerance, { suits: (solution: string) => boolean; near: (solution: string) => string }> = {
  // Upper case, an accent-free form and surrounding spaces: all of T1's normalisations at once.
  T1: { suits: (s) => letters(s) >= 2 && s.toUpperCase() !== s, near: (s) => `  ${s.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase()} ` },
  T2: { suits: (s) => s.trim() !== '', near: (s) => `${s}?!` },
  T3: { suits: (s) => Array.from(s).length >= 8 && /\p{Ll}/u.test(s), near: oneTypo },
};

describe('answering the real bank with checkAnswer', () => {
  it('compiles a bank with every type', () => {
    expect(new Set(pack.challenges.map((c) => c.type))).toEqual(new Set(['QCU', 'QCM', 'QROC', 'QROCM-ind', 'QROCM-dep']));
  });

  it('QCU: the solution is right, another proposal is wrong', () => {
    const qcu = pick(choices, 'QCU', (c) => c.type === 'QCU');
    const [right] = qcu.solution;
    const wrong = qcu.proposals.findIndex((_, i) => i + 1 !== right) + 1;
    expect(checkAnswer(qcu, choice([right ?? 0]))).toBe('ok');
    expect(checkAnswer(qcu, choice([wrong]))).toBe('ko');
  });

  it('QCM: every solution (in any order) is right, a part of them is wrong', () => {
    const qcm: ChoiceChallenge = pick(choices, 'QCM', (c) => c.type === 'QCM' && c.solution.length >= 2);
    expect(checkAnswer(qcm, choice([...qcm.solution].reverse()))).toBe('ok');
    expect(checkAnswer(qcm, choice(qcm.solution.slice(1)))).toBe('ko');
  });

  it('QROC: an accepted answer is right, another one is wrong', () => {
    const qroc = pick(frees, 'QROC', (c) => c.type === 'QROC');
    const [field] = qroc.fields;
    const right = firstSolution(qroc);
    expect(checkAnswer(qroc, fields([[field?.key ?? '', right]]))).toBe('ok');
    expect(checkAnswer(qroc, fields([[field?.key ?? '', wrongAnswer(qroc, right)]]))).toBe('ko');
  });

  it('QROCM-ind: every field right is right, one field wrong is wrong', () => {
    const ind = pick(frees, 'QROCM-ind', (c) => c.type === 'QROCM-ind');
    const answers = ind.fields.map((f, i): [string, string] => [f.key, firstSolution(ind, i)]);
    expect(checkAnswer(ind, fields(answers))).toBe('ok');
    const [first, ...rest] = answers;
    if (!first) throw new Error(`${ind.id} has no field`);
    expect(checkAnswer(ind, fields([[first[0], wrongAnswer(ind, first[1])], ...rest]))).toBe('ko');
  });

  it('QROCM-dep: distinct groups in any order are right, the same group twice is wrong', () => {
    const dep = pick(frees, 'QROCM-dep', (c) => c.type === 'QROCM-dep' && c.fields.length >= 2);
    const groups = dep.solutionGroups.slice(0, dep.fields.length).reverse();
    const answers = dep.fields.map((f, i): [string, string] => [f.key, groups[i]?.[0] ?? '']);
    expect(checkAnswer(dep, fields(answers))).toBe('ok');
    const same = dep.fields.map((f): [string, string] => [f.key, dep.solutionGroups[0]?.[0] ?? '']);
    expect(checkAnswer(dep, fields(same))).toBe('ko');
  });

  for (const tolerance of TOLERANCES) {
    it(`${tolerance} lets a near answer pass, and without ${tolerance} it fails`, () => {
      const { suits, near } = NEAR[tolerance];
      const qroc = pick(frees, `text QROC suited to ${tolerance}`, (c) => textQroc(c) && suits(firstSolution(c)));
      const key = qroc.fields[0]?.key ?? '';
      const answer = fields([[key, near(firstSolution(qroc))]]);
      expect(checkAnswer(withTolerances(qroc, [tolerance]), answer)).toBe('ok');
      expect(checkAnswer(withTolerances(qroc, []), answer)).toBe('ko');
    });
  }

  it('a challenge that switches a tolerance off rejects the near answer that tolerance would accept', () => {
    const strict = pick(frees, 'text QROC with a tolerance switched off', (c) =>
      textQroc(c) && TOLERANCES.some((t) => !c.tolerances.includes(t) && NEAR[t].suits(firstSolution(c)) && !c.tolerances.includes('T3')),
    );
    const off = TOLERANCES.find((t) => !strict.tolerances.includes(t) && NEAR[t].suits(firstSolution(strict)));
    if (!off) throw new Error('unreachable: the pick guarantees one');
    const answer = fields([[strict.fields[0]?.key ?? '', NEAR[off].near(firstSolution(strict))]]);
    expect(checkAnswer(strict, answer)).toBe('ko');
    expect(checkAnswer(withTolerances(strict, [...strict.tolerances, off]), answer)).toBe('ok');
  });
});
