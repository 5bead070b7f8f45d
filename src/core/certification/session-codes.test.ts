import { describe, expect, it } from 'vitest';
import { canonicalAccessCode, canonicalVerificationCode, drawAccessCode, drawInvigilatorPassword, drawVerificationCode } from './session-codes.ts';

const sequence = (values: number[]) => {
  let i = 0;
  return (n: number) => (values[i++ % values.length] ?? 0) % n;
};

describe('session codes', () => {
  it('[CERT-2] codes come from the alphabet without look-alikes', () => {
    expect(drawAccessCode(sequence([0, 1, 2, 3, 29, 30]))).toBe('ABCD89');
    expect(drawInvigilatorPassword(sequence([7]))).toBe('HHHHHH');
    expect(drawVerificationCode(sequence([30]))).toBe('P-99999999');
  });

  it('[CERT-2] [CERT-6] typed codes are read forgivingly, look-alikes refused', () => {
    expect(canonicalAccessCode(' cert-42 ')).toBe('CERT42');
    expect(canonicalAccessCode('CERT4O')).toBeNull();
    expect(canonicalAccessCode('CERT4')).toBeNull();
    expect(canonicalVerificationCode('p-abcd2345')).toBe('P-ABCD2345');
    expect(canonicalVerificationCode('P-ABCD234I')).toBeNull();
  });
});
