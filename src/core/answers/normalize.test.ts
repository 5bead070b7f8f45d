import { describe, expect, it } from 'vitest';
import { applyT1, applyT2, normalizeBase, normalizeFreeText } from './normalize.ts';

describe('answer normalisers', () => {
  it('[CHECK-1] composes to NFC and turns no-break, narrow and thin spaces into plain spaces', () => {
    const decomposed = 'e\u0301te\u0301'; // "été" with combining accents
    expect(normalizeBase(decomposed)).toBe('\u00e9t\u00e9');
    expect(normalizeBase('10\u00A0000\u202F€\u2009!')).toBe('10 000 € !');
  });

  it('[CHECK-1] removes zero-width characters and unifies typographic apostrophes', () => {
    expect(normalizeBase('l\u2019\u00e9cran\u200B')).toBe("l'écran");
    expect(normalizeBase('\uFEFFaujourd\u2018hui')).toBe("aujourd'hui");
  });

  it('[CHECK-3] T1 trims, lowers case, strips accents, unfolds ligatures and removes every space', () => {
    expect(applyT1('  Île de  FRANCE ')).toBe('iledefrance');
    expect(applyT1('Cœur ÆSOP')).toBe('coeuraesop');
    expect(applyT1('Ça\tva\nbien')).toBe('cavabien');
  });

  it('[CHECK-4] T2 drops punctuation but keeps symbols', () => {
    expect(applyT2("l'adresse «IP», n°1 ; v2.0 ?")).toBe('ladresse IP n°1  v20 ');
    expect(applyT2('=SOMME(A1:A3)+5 € > 3 $')).toBe('=SOMMEA1A3+5 € > 3 $');
    expect(applyT2('50 % @moi #tag')).toBe('50  moi tag');
  });

  it('[CHECK-2] applies only the tolerances given, in order T1 then T2', () => {
    expect(normalizeFreeText(' Saint-Étienne ', [])).toBe(' Saint-Étienne ');
    expect(normalizeFreeText(' Saint-Étienne ', ['T1'])).toBe('saint-etienne');
    expect(normalizeFreeText(' Saint-Étienne ', ['T2'])).toBe(' SaintÉtienne ');
    expect(normalizeFreeText(' Saint-Étienne ', ['T1', 'T2'])).toBe('saintetienne');
  });
});
