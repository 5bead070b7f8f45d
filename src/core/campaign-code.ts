/**
 * Campaign codes: 6 letters without I, L and O (they read like 1 and 0), then 3 digits from 2 to 9
 * (DOMAIN.md), e.g. QWERTY234. Students type them, so input is forgiving about case and spaces.
 */
export const CAMPAIGN_CODE_PATTERN = /^[A-HJKMNP-Z]{6}[2-9]{3}$/;
const LETTERS = 'ABCDEFGHJKMNPQRSTUVWXYZ';
const DIGITS = '23456789';

export function normalizeCampaignCode(input: string): string {
  return input.replace(/[\s-]+/g, '').toUpperCase();
}

export function isCampaignCode(input: string): boolean {
  return CAMPAIGN_CODE_PATTERN.test(normalizeCampaignCode(input));
}

/** A new code from a uniform source in [0, 1) (the caller hands in randomness; uniqueness is the store's job). */
export function generateCampaignCode(next: () => number): string {
  const letter = (): string => LETTERS[Math.floor(next() * LETTERS.length)] ?? 'A';
  const digit = (): string => DIGITS[Math.floor(next() * DIGITS.length)] ?? '2';
  return [letter(), letter(), letter(), letter(), letter(), letter(), digit(), digit(), digit()].join('');
}
