import { describe, expect, it } from 'vitest';
import type { Challenge, ContentPack } from '../content/types.ts';
import { nextCertificationItem } from './certification.ts';
import { flashItemsFromPack } from './content-pack-items.ts';
import { createFlashBank, InvalidBankError } from './flash-bank.ts';

function challenge(id: string, skillId: string, irt: { a: number; b: number }, requiresInternet = false): Challenge {
  return {
    id,
    skillId,
    type: 'QCU',
    instruction: 'Question',
    locale: 'fr-fr',
    focused: false,
    requiresInternet,
    attachments: [],
    irt,
    tolerances: ['T1', 'T2', 'T3'],
    explanation: '',
    proposals: ['oui', 'non'],
    solution: [1],
  };
}

const pack: ContentPack = {
  version: 'test',
  competences: [],
  tubes: [
    { id: '@motsCles', competenceId: '1.1', title: 'Mots-clés', description: '' },
    { id: '@motDePasse', competenceId: '4.1', title: 'Mots de passe', description: '' },
  ],
  skills: [
    { id: '@motsCles2', tubeId: '@motsCles', level: 2, hint: '' },
    { id: '@motsCles3', tubeId: '@motsCles', level: 3, hint: '' },
    { id: '@motDePasse4', tubeId: '@motDePasse', level: 4, hint: '' },
  ],
  challenges: [
    challenge('ch-1', '@motsCles2', { a: 1.2, b: -0.75 }),
    challenge('ch-2', '@motsCles3', { a: 1.4, b: 0 }),
    challenge('ch-3', '@motDePasse4', { a: 1.6, b: 0.75 }, true),
  ],
  tutorials: [],
};

describe('flash items from a content pack', () => {
  it('[FLASH-1] gives one item per challenge with its tube, competence and IRT parameters', () => {
    expect(flashItemsFromPack(pack)).toEqual([
      { id: 'ch-1', a: 1.2, b: -0.75, competenceId: '1.1', tubeId: '@motsCles' },
      { id: 'ch-2', a: 1.4, b: 0, competenceId: '1.1', tubeId: '@motsCles' },
      { id: 'ch-3', a: 1.6, b: 0.75, competenceId: '4.1', tubeId: '@motDePasse', requiresInternet: true },
    ]);
  });

  it('[FLASH-1] takes eligibility from the exposure table, 1 for challenges it does not list', () => {
    const items = flashItemsFromPack(pack, { 'ch-2': 0.35, 'ch-3': 1 });
    expect(items.map((item) => item.eligibility)).toEqual([undefined, 0.35, undefined]);
  });

  it('[FLASH-1] takes by default the exposure table the pack carries; a table given replaces it', () => {
    const shipped: ContentPack = { ...pack, exposure: { target: 0.2, eligibility: { 'ch-1': 0.4 } } };
    expect(flashItemsFromPack(shipped).map((item) => item.eligibility)).toEqual([0.4, undefined, undefined]);
    expect(flashItemsFromPack(shipped, { 'ch-2': 0.5 }).map((item) => item.eligibility)).toEqual([undefined, 0.5, undefined]);
  });

  it('[FLASH-10] a challenge the shipped table gives K near 0 is rarely selected', () => {
    // Offline, ch-2 (a = 1.4, b = 0) is the most informative first item at θ̂ = 0 for every candidate.
    const firstItems = (source: ContentPack): string[] => {
      const bank = createFlashBank(flashItemsFromPack(source));
      return Array.from({ length: 1000 }, (_, k) => {
        const next = nextCertificationItem({ bank, seed: `candidate-${k}`, online: false }, []);
        return next.kind === 'item' ? next.item.id : 'none';
      });
    };
    const count = (ids: string[], id: string) => ids.filter((x) => x === id).length;
    expect(count(firstItems(pack), 'ch-2')).toBe(1000);
    const controlled = firstItems({ ...pack, exposure: { target: 0.2, eligibility: { 'ch-2': 0.001 } } });
    // K = 0.001: about one candidate in a thousand; the others get the next best item, ch-1.
    expect(count(controlled, 'ch-2')).toBeLessThanOrEqual(5);
    expect(count(controlled, 'ch-1')).toBeGreaterThanOrEqual(995);
  });

  it('[FLASH-1] refuses a challenge whose skill or tube is missing', () => {
    const broken: ContentPack = { ...pack, skills: pack.skills.slice(0, 2) };
    expect(() => flashItemsFromPack(broken)).toThrow(InvalidBankError);
    expect(() => flashItemsFromPack(broken)).toThrow(/unknown skill "@motDePasse4"/);
  });
});
