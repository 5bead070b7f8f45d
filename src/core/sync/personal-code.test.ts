import { describe, expect, it } from 'vitest';
import { canonicalPersonalCode, drawPersonalCode, formatPersonalCode, PERSONAL_CODE_ALPHABET } from './personal-code.ts';

describe('personal codes', () => {
  it('reads a code however it is typed, and refuses what cannot be one', () => {
    expect(canonicalPersonalCode('abcd-efgh')).toBe('ABCDEFGH');
    expect(canonicalPersonalCode(' ABCD EFGH ')).toBe('ABCDEFGH');
    expect(canonicalPersonalCode('ABCD-EFG')).toBeNull();
    // 0, O, 1 and I are left out of the alphabet: they are misread.
    expect(canonicalPersonalCode('ABCD-EFG0')).toBeNull();
    expect(canonicalPersonalCode('ABCD-EFGI')).toBeNull();
    expect(canonicalPersonalCode('14/03/2010')).toBeNull();
  });

  it('draws from the alphabet with the random source handed in, and formats for reading', () => {
    const indexes = [0, 1, 2, 3, 30, 29, 28, 27];
    const code = drawPersonalCode(() => indexes.shift() ?? 0);
    expect(code).toBe(`ABCD${PERSONAL_CODE_ALPHABET.slice(27).split('').reverse().join('')}`);
    expect(canonicalPersonalCode(formatPersonalCode(code))).toBe(code);
    expect(formatPersonalCode(code)).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  });
});
