/** Recomputes the roster's birth date hash from what a student types (WebCrypto, as the relay does with Node). */
import { BIRTH_DATE_HASH } from '../../src/core/sync/birth-date.ts';

function hexToBytes(hex: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

export async function hashBirthDateInBrowser(canonicalDate: string, saltHex: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(canonicalDate), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: BIRTH_DATE_HASH.hash, salt: hexToBytes(saltHex), iterations: BIRTH_DATE_HASH.iterations },
    key,
    BIRTH_DATE_HASH.bits,
  );
  return [...new Uint8Array(bits)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
