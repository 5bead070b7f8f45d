import { describe, expect, it } from 'vitest';
import { checkExposureTable, toPackExposure } from './exposure-table.ts';

describe('the exposure table shipped with a pack', () => {
  it('[FLASH-11] accepts a table of challenges of the bank with K in (0, 1]', () => {
    expect(checkExposureTable(['ch-1', 'ch-2'], { 'ch-1': 0.25, 'ch-2': 1 })).toEqual([]);
  });

  it('[FLASH-11] names a challenge the bank does not have and a K outside (0, 1]', () => {
    const issues = checkExposureTable(['ch-1', 'ch-2'], { 'ch-1': 0, 'ch-2': 1.5, gone: 0.3 });
    expect(issues).toEqual([
      { path: ['eligibility', 'ch-1'], message: expect.stringContaining('« ch-1 » doit être un nombre dans ]0, 1]') as unknown },
      { path: ['eligibility', 'ch-2'], message: expect.stringContaining('(trouvé : 1.5)') as unknown },
      { path: ['eligibility', 'gone'], message: expect.stringMatching(/l'épreuve « gone » n'existe pas dans la banque/) as unknown },
    ]);
  });

  it('[FLASH-1] keeps in the pack only the K below 1 (a challenge not listed gets 1)', () => {
    expect(toPackExposure(0.2, { 'ch-1': 1, 'ch-2': 0.35, 'ch-3': 1, 'ch-4': 0.2 })).toEqual({ target: 0.2, eligibility: { 'ch-2': 0.35, 'ch-4': 0.2 } });
  });
});
