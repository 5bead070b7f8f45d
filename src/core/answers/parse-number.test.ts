import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNumber } from './parse-number.ts';

describe('numbers as typed', () => {
  it('[CHECK-6] reads a comma or a point as the decimal separator', () => {
    expect(parseNumber('3,5')).toBe(3.5);
    expect(parseNumber('3.50')).toBe(3.5);
    expect(parseNumber(' 42 ')).toBe(42);
    expect(parseNumber(',5')).toBe(0.5);
    expect(parseNumber('-2,25')).toBe(-2.25);
    expect(parseNumber('\u22122,25')).toBe(-2.25);
    expect(parseNumber('+7')).toBe(7);
    // Same decimal, same double: no tolerance is needed and 1 000 000 stays different from 1 000 001.
    expect(parseNumber('0,30')).toBe(parseNumber('.3'));
    expect(parseNumber('1 000 001')).not.toBe(parseNumber('1 000 000'));
  });

  it('[CHECK-6] reads thousands grouped by spaces of any kind, apostrophes, points or commas', () => {
    expect(parseNumber('1 000 000')).toBe(1_000_000);
    expect(parseNumber('1\u202F000,5')).toBe(1000.5);
    expect(parseNumber('1\u00A0000')).toBe(1000);
    expect(parseNumber("12'345")).toBe(12345);
    expect(parseNumber('1.000.000')).toBe(1_000_000);
    expect(parseNumber('1.000.000,25')).toBe(1_000_000.25);
    expect(parseNumber('1,000,000.25')).toBe(1_000_000.25);
  });

  it('[CHECK-6] reads a single separator as decimal, the French way', () => {
    expect(parseNumber('1,000')).toBe(1);
    expect(parseNumber('1.000')).toBe(1);
  });

  it('[CHECK-6] refuses what is not a plain number', () => {
    for (const text of ['', ' ', 'abc', '3,5,1', '1 00', '12 3456', '1e3', '3,5 €', '--3', '1,000.000.5', '.', 'Infinity', '0x10']) {
      expect(parseNumber(text), text).toBeUndefined();
    }
  });

  it('[CHECK-6] reads back any number written with a decimal comma', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
        const text = `${whole < 0 ? '-' : ''}${Math.abs(whole)},${String(cents).padStart(2, '0')}`;
        // JavaScript's own reading of the same text with a decimal point is the oracle.
        expect(parseNumber(text)).toBe(Number(text.replace(',', '.')));
        const grouped = text.replace(/\B(?=(\d{3})+(?!\d))(?=\d*,)/g, '\u202F');
        expect(parseNumber(grouped)).toBe(Number(text.replace(',', '.')));
      }),
    );
  });
});
