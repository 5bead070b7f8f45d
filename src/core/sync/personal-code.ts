/**
 * Personal codes: what a student types instead of a birth date (a pupil whose date is unknown to the school, or who
 * prefers not to use it). Eight characters from an alphabet without look-alikes (no 0/O, 1/I/L), about 40 bits,
 * shown as "ABCD-EFGH". The relay draws them; the relay and the lab machines compare canonical forms.
 */
export const PERSONAL_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const PERSONAL_CODE_LENGTH = 8;

/** "abcd efgh", "ABCD-EFGH" → "ABCDEFGH"; null when it cannot be a personal code. */
export function canonicalPersonalCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, '');
  if (compact.length !== PERSONAL_CODE_LENGTH) return null;
  return [...compact].every((c) => PERSONAL_CODE_ALPHABET.includes(c)) ? compact : null;
}

/** "ABCDEFGH" → "ABCD-EFGH", easier to read aloud and to copy. */
export function formatPersonalCode(canonical: string): string {
  return `${canonical.slice(0, 4)}-${canonical.slice(4)}`;
}

/** Draws a code from `randomIndex(n)` (a uniform integer in [0, n), handed in: this module has no randomness). */
export function drawPersonalCode(randomIndex: (n: number) => number): string {
  let code = '';
  for (let i = 0; i < PERSONAL_CODE_LENGTH; i++) code += PERSONAL_CODE_ALPHABET.charAt(randomIndex(PERSONAL_CODE_ALPHABET.length));
  return code;
}
