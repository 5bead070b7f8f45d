/**
 * Whether one typed answer matches one list of accepted alternatives, under a free challenge's format and
 * tolerances ([CHECK-2] … [CHECK-6]).
 */
import type { AnswerFormat, Tolerance } from '../content/types.ts';
import { editDistance } from './edit-distance.ts';
import { normalizeFreeText } from './normalize.ts';
import { parseNumber } from './parse-number.ts';

/** T3 accepts an edit distance up to this share of the expected answer's length (after T1/T2), rounded down. */
export const T3_MAX_EDIT_SHARE = 0.25;

/**
 * A normalised expected answer made of digits only (a year, a code, a count typed as text): one edit there is
 * another value, not a typo ("2024" is not "2025"), so T3 never applies to it ([CHECK-5]).
 */
const DIGITS_ONLY = /^\p{Nd}+$/u;

export interface FreeAnswerRules {
  format: AnswerFormat;
  tolerances: readonly Tolerance[];
}

export function matchesFreeAnswer(answer: string, alternatives: readonly string[], rules: FreeAnswerRules): boolean {
  return alternatives.some((expected) => matchesOne(answer, expected, rules));
}

function matchesOne(answer: string, expected: string, rules: FreeAnswerRules): boolean {
  if (rules.format === 'number') {
    const expectedNumber = parseNumber(expected);
    // A solution that is not a number is an authoring slip the content check reports; compare it as text.
    if (expectedNumber !== undefined) {
      // Both sides go through Number() on a canonical decimal string, so the same value gives the same
      // double: "3,50" and "3.5" are equal exactly, and no tolerance is needed (nor wanted: 1000000 ≠ 1000001).
      const given = parseNumber(answer);
      return given !== undefined && given === expectedNumber;
    }
  }
  const given = normalizeFreeText(answer, rules.tolerances);
  const wanted = normalizeFreeText(expected, rules.tolerances);
  // An empty answer never matches, even a solution that normalises to nothing.
  if (given === '' || wanted === '') return false;
  if (given === wanted) return true;
  if (!rules.tolerances.includes('T3') || DIGITS_ONLY.test(wanted)) return false;
  const maxEdits = Math.floor(T3_MAX_EDIT_SHARE * Array.from(wanted).length);
  return maxEdits > 0 && editDistance(given, wanted, maxEdits) <= maxEdits;
}
