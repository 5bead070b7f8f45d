/**
 * The codes of a certification session ([CERT-2]), drawn from the personal codes' alphabet without look-alikes
 * (no 0/O, 1/I/L; docs/adr/0003): the access code candidates type to join, the invigilator password, and the
 * verification code printed on an attestation ("P-" and 8 symbols, about 40 bits: not guessable within the rate
 * limit of the public verification page). Randomness is handed in: this module has none.
 */
import { PERSONAL_CODE_ALPHABET } from '../sync/personal-code.ts';

export const ACCESS_CODE_LENGTH = 6;
export const INVIGILATOR_PASSWORD_LENGTH = 6;
export const VERIFICATION_CODE_LENGTH = 8;
export const VERIFICATION_CODE_PATTERN = /^P-[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/;

function draw(length: number, randomIndex: (n: number) => number): string {
  let code = '';
  for (let i = 0; i < length; i++) code += PERSONAL_CODE_ALPHABET.charAt(randomIndex(PERSONAL_CODE_ALPHABET.length));
  return code;
}

export function drawAccessCode(randomIndex: (n: number) => number): string {
  return draw(ACCESS_CODE_LENGTH, randomIndex);
}

export function drawInvigilatorPassword(randomIndex: (n: number) => number): string {
  return draw(INVIGILATOR_PASSWORD_LENGTH, randomIndex);
}

export function drawVerificationCode(randomIndex: (n: number) => number): string {
  return `P-${draw(VERIFICATION_CODE_LENGTH, randomIndex)}`;
}

/** What a candidate typed ("abc 234", "ABC-234") as the stored access code, or null when it cannot be one. */
export function canonicalAccessCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, '');
  if (compact.length !== ACCESS_CODE_LENGTH) return null;
  return [...compact].every((c) => PERSONAL_CODE_ALPHABET.includes(c)) ? compact : null;
}

/** A verification code as typed in an address ("p-abcd2345") in its printed form, or null. */
export function canonicalVerificationCode(input: string): string | null {
  const upper = input.trim().toUpperCase();
  return VERIFICATION_CODE_PATTERN.test(upper) ? upper : null;
}
