/**
 * Invitation codes: 16 symbols of Crockford's base32 (80 random bits), shown as XXXX-XXXX-XXXX-XXXX so that an
 * admin can read one out or write it on paper on a school LAN without e-mail. Only the SHA-256 of the canonical
 * form is stored; with 80 bits and the failure limit per address, guessing one is out of reach.
 */
import { createHash, randomBytes } from 'node:crypto';

/** Crockford's alphabet: no I, L, O or U, so a code read aloud or copied by hand is not mistaken. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 16;

export function newInvitationCode(): string {
  const bytes = randomBytes(LENGTH);
  // 256 is a multiple of 32: each byte's low five bits are uniform.
  const symbols = Array.from(bytes, (byte) => ALPHABET[byte % 32] ?? '0').join('');
  return symbols.match(/.{4}/g)?.join('-') ?? symbols;
}

/**
 * The canonical form of a typed or pasted code (case, spaces and dashes ignored; O read as 0, I and L as 1, as
 * Crockford decodes them), or null when it cannot be a code.
 */
export function canonicalInvitationCode(input: string): string | null {
  const compact = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (compact.length !== LENGTH || ![...compact].every((c) => ALPHABET.includes(c))) return null;
  return compact;
}

export function hashInvitationCode(canonical: string): string {
  return createHash('sha256').update(`invitation:${canonical}`).digest('hex');
}
