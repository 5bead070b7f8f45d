/**
 * The calendar behind a typed birth date ([SIGNIN-DATE-1]): a lab machine hashes what this returns, so a wrong
 * leap year or bound would lock a real student out, or accept a date that names nobody.
 */
import { describe, expect, it } from 'vitest';
import { canonicalBirthDate } from './birth-date.ts';

describe('[SIGNIN-DATE-1] a birth date is a real calendar date', () => {
  it('knows the Gregorian leap years: 2000 has a 29 February, 1900 and 2100 have not', () => {
    expect(canonicalBirthDate('29/02/2000')).toBe('29/02/2000');
    expect(canonicalBirthDate('29/02/1900')).toBeNull();
    expect(canonicalBirthDate('29/02/2100')).toBeNull();
    expect(canonicalBirthDate('28/02/1900')).toBe('28/02/1900');
  });

  it('takes every month from January to December, and no other', () => {
    expect(canonicalBirthDate('14/01/2010')).toBe('14/01/2010');
    expect(canonicalBirthDate('31/12/2010')).toBe('31/12/2010');
    expect(canonicalBirthDate('14/00/2010')).toBeNull();
    expect(canonicalBirthDate('32/01/2010')).toBeNull();
  });

  it('takes years from 1900 to 2100 only', () => {
    expect(canonicalBirthDate('01/01/1900')).toBe('01/01/1900');
    expect(canonicalBirthDate('31/12/2100')).toBe('31/12/2100');
    expect(canonicalBirthDate('31/12/1899')).toBeNull();
    expect(canonicalBirthDate('01/01/2101')).toBeNull();
  });

  it('is the whole input: a date inside other text is not a birth date', () => {
    expect(canonicalBirthDate('né le 14/03/2010')).toBeNull();
    expect(canonicalBirthDate('14/03/2010 ou 15/03/2010')).toBeNull();
    expect(canonicalBirthDate('114/03/2010')).toBeNull();
  });
});
