import { describe, expect, it } from 'vitest';
import { createFlashBank, InvalidBankError } from './flash-bank.ts';
import type { FlashItem } from './flash-item.ts';

const item = (overrides: Partial<FlashItem> = {}): FlashItem => ({ id: 'c1', a: 1.2, b: 0, competenceId: '1.1', tubeId: '@t1', ...overrides });

describe('flash bank index', () => {
  it('[FLASH-1] indexes items, tubes and competences once', () => {
    const bank = createFlashBank([
      item(),
      item({ id: 'c2', a: 2, tubeId: '@t2', competenceId: '5.2', requiresInternet: true, eligibility: 0.4 }),
      item({ id: 'c3', a: 0.5, tubeId: '@t1' }),
    ]);
    expect(bank.tubeCount).toBe(2);
    expect([...bank.tube]).toEqual([0, 1, 0]);
    expect([...bank.competence]).toEqual([0, 15, 0]);
    expect([...bank.requiresInternet]).toEqual([0, 1, 0]);
    expect([...bank.eligibility]).toEqual([1, 0.4, 1]);
    expect(bank.indexById.get('c3')).toBe(2);
    expect([...bank.byDiscrimination]).toEqual([1, 0, 2]);
  });

  it.each([
    ['a duplicate id', [item(), item()], /duplicate item id "c1"/],
    ['a ≤ 0', [item({ a: 0 })], /a ≤ 10/],
    ['a > 10', [item({ a: 12 })], /a ≤ 10/],
    ['|b| > 10', [item({ b: -11 })], /\|b\| ≤ 10/],
    ['b not a number', [item({ b: Number.NaN })], /\|b\| ≤ 10/],
    ['an unknown competence', [{ ...item(), competenceId: '6.1' } as unknown as FlashItem], /unknown competence "6.1"/],
    ['an eligibility of 0', [item({ eligibility: 0 })], /eligibility must be in \(0, 1\]/],
    ['a tube in two competences', [item(), item({ id: 'c2', competenceId: '1.2' })], /tube "@t1" belongs to two competences/],
  ])('[FLASH-1] rejects %s', (_, items, message) => {
    expect(() => createFlashBank(items)).toThrow(InvalidBankError);
    expect(() => createFlashBank(items)).toThrow(message);
  });
});
