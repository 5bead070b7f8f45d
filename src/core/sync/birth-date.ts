/**
 * Students sign in on a lab machine with their birth date, checked offline against the roster the machine holds.
 * The machine never stores the date itself (SYNC.md): only PBKDF2-SHA-256(canonical date, salt). The relay
 * computes the hash (Node crypto), the machine recomputes it from what the student types (WebCrypto); both use
 * these parameters. Birth dates have little entropy, so this keeps them from being read off a lab machine at a
 * glance, not from a determined attacker with the disk: see docs/adr/0003-lab-machine-sign-in.md.
 */
export const BIRTH_DATE_HASH = { algorithm: 'PBKDF2', hash: 'SHA-256', iterations: 10_000, bits: 256 } as const;

/** "14/03/2010", "14-03-2010", "14.3.2010" → "14/03/2010"; null when it is not a real date. */
export function canonicalBirthDate(input: string): string | null {
  const match = /^\s*(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})\s*$/.exec(input);
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || year < 1900 || year > 2100) return null;
  const daysInMonth = [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  if (day > daysInMonth) return null;
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}

/** ISO "2010-03-14" (as the relay stores it) → "14/03/2010". */
export function isoToCanonicalBirthDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}
