/**
 * [CHECK-6] Reading numbers as students type them, at the edges: both separators in one number, plain integers,
 * malformed thousands groups, spaces next to the sign and the separator.
 */
import { describe, expect, it } from 'vitest';
import { parseNumber } from './parse-number.ts';

describe('[CHECK-6] numbers as typed, at the edges', () => {
  it('reads a plain integer as itself', () => {
    expect(parseNumber('42')).toBe(42);
    expect(parseNumber('1000')).toBe(1000);
    expect(parseNumber('-7')).toBe(-7);
  });

  it('with one point and one comma, the last one is the decimal separator', () => {
    expect(parseNumber('1.234,5')).toBe(1234.5);
    expect(parseNumber('1,234.5')).toBe(1234.5);
  });

  it('thousands come in groups of exactly three digits after a first group of one to three', () => {
    expect(parseNumber('1234,567,890')).toBeUndefined();
    expect(parseNumber('1 234 56')).toBeUndefined();
    expect(parseNumber('12 34 567')).toBeUndefined();
    expect(parseNumber('123 456 789')).toBe(123_456_789);
    // A comma that appears several times groups thousands; it is not a decimal separator.
    expect(parseNumber('1,000,000')).toBe(1_000_000);
    expect(parseNumber('1.000.000')).toBe(1_000_000);
  });

  it('the decimal part is digits only', () => {
    expect(parseNumber('3,14 15')).toBeUndefined();
    expect(parseNumber("3,14'15")).toBeUndefined();
  });

  it('allows spaces after the sign and before the decimal separator', () => {
    expect(parseNumber('- 3,5')).toBe(-3.5);
    expect(parseNumber('+ 12')).toBe(12);
    expect(parseNumber('12 ,5')).toBe(12.5);
  });
});
