/**
 * Text normalisers for answer checking ([CHECK-1] … [CHECK-5] in src/core/SPEC.md). Each one is applied in the
 * same way to the learner's answer and to every accepted solution, so that comparing them stays symmetric.
 */
import type { Tolerance } from '../content/types.ts';

/**
 * Spaces a French keyboard or a copy-paste can produce instead of U+0020: no-break (U+00A0), the typographic
 * spaces U+2000–U+200A (thin, figure…), narrow no-break (U+202F, before « : ; ! ? » in French), medium
 * mathematical space (U+205F), ideographic space (U+3000). Zero-width characters (U+200B–U+200D, U+2060, BOM)
 * are removed.
 */
const UNUSUAL_SPACES = /[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g;
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;
/** Typographic apostrophes and their look-alikes are the ASCII apostrophe ("l’écran" = "l'écran"). */
const APOSTROPHES = /[\u2018\u2019\u02BC\u2032\u00B4]/g;
const COMBINING_MARKS = /\p{M}/gu;
const WHITESPACE = /\s+/gu;
const PUNCTUATION = /\p{P}/gu;
/** Ligatures are not accents (NFD does not split them), but "coeur" must match "cœur" under T1. */
const LIGATURES: Readonly<Record<string, string>> = { œ: 'oe', æ: 'ae', ß: 'ss' };
const LIGATURE_PATTERN = /[œæß]/g;

/** [CHECK-1] Always applied: Unicode NFC, unusual spaces → U+0020, zero-width characters removed, apostrophes unified. */
export function normalizeBase(text: string): string {
  return text.normalize('NFC').replace(ZERO_WIDTH, '').replace(UNUSUAL_SPACES, ' ').replace(APOSTROPHES, "'");
}

/** [CHECK-3] T1: trim, lower case, strip accents (and unfold ligatures), remove every space. */
export function applyT1(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(LIGATURE_PATTERN, (ch) => LIGATURES[ch] ?? ch)
    .replace(WHITESPACE, '')
    .normalize('NFC');
}

/**
 * [CHECK-4] T2: drop punctuation, i.e. Unicode category P (. , ; : ! ? ' " - ( ) « » % @ # & * / …); symbols
 * (category S: + = < > € $ ° ^ |) stay, as they can carry the meaning of an answer.
 */
export function applyT2(text: string): string {
  return text.replace(PUNCTUATION, '');
}

/** The text a free answer or a solution is compared as, given the challenge's tolerances (T1 then T2). */
export function normalizeFreeText(text: string, tolerances: readonly Tolerance[]): string {
  let result = normalizeBase(text);
  if (tolerances.includes('T1')) result = applyT1(result);
  if (tolerances.includes('T2')) result = applyT2(result);
  return result;
}
