import { describe, expect, it } from 'vitest';
import { canonicalBirthDate, isoToCanonicalBirthDate } from './birth-date.ts';

describe('birth dates typed by students', () => {
  it('accepts the usual French spellings and canonicalises them', () => {
    expect(canonicalBirthDate('14/03/2010')).toBe('14/03/2010');
    expect(canonicalBirthDate(' 14-3-2010 ')).toBe('14/03/2010');
    expect(canonicalBirthDate('1.12.2009')).toBe('01/12/2009');
    expect(canonicalBirthDate('29/02/2008')).toBe('29/02/2008');
  });

  it('refuses impossible dates and other shapes', () => {
    for (const input of ['31/04/2010', '29/02/2010', '00/01/2010', '14/13/2010', '2010-03-14', '14/03/10', '', 'quatorze']) {
      expect(canonicalBirthDate(input), input).toBeNull();
    }
  });

  it('converts the relay ISO form', () => {
    expect(isoToCanonicalBirthDate('2010-03-14')).toBe('14/03/2010');
  });
});
