import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateCampaignCode, isCampaignCode, normalizeCampaignCode } from './campaign-code.ts';

describe('campaign codes', () => {
  it('accepts the documented shape and forgives case and spaces', () => {
    expect(isCampaignCode('QWERTY234')).toBe(true);
    expect(isCampaignCode(' qwe rty-234 ')).toBe(true);
    expect(normalizeCampaignCode(' qwe rty-234 ')).toBe('QWERTY234');
  });

  it('refuses I, L, O, digits 0 and 1, and wrong lengths', () => {
    for (const code of ['QWERTI234', 'QWERTL234', 'QWERTO234', 'QWERTY123', 'QWERTY204', 'QWERT234', 'QWERTY2345', '']) {
      expect(isCampaignCode(code), code).toBe(false);
    }
  });

  it('generates only valid codes', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 9, maxLength: 9 }), (draws) => {
        let i = 0;
        const code = generateCampaignCode(() => draws[i++] ?? 0);
        expect(isCampaignCode(code)).toBe(true);
      }),
    );
  });
});
