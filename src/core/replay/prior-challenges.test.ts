import { describe, expect, it } from 'vitest';
import { buildPackIndex } from '../content/pack-index.ts';
import { MAX_PRIOR_CHALLENGES } from '../sync/document-specs.ts';
import { challengeIdOf, makePack } from '../test/make-pack.ts';
import { priorChallengeIds } from './prior-challenges.ts';

const index = buildPackIndex(
  makePack({ competences: [{ id: '1.1', tubes: [{ id: '@a', levels: [1, 2, 3], variants: 3 }] }, { id: '2.1', tubes: [{ id: '@z', levels: [1, 2], variants: 2 }] }] }),
);
const targets = ['@a1', '@a2', '@a3'];

describe('the prior-seen list frozen on an assessment', () => {
  it('[REPLAY-2] keeps the target challenges answered before, each once, sorted by id', () => {
    const answeredBefore = [challengeIdOf('@a2', 1), challengeIdOf('@z1'), challengeIdOf('@a1', 2), 'gone-from-the-pack', challengeIdOf('@a2', 1), challengeIdOf('@a1', 0)];
    expect(priorChallengeIds({ index, kind: 'competence', targetSkillIds: targets, answeredBefore })).toEqual(['a1-a', 'a1-c', 'a2-b']);
    expect(priorChallengeIds({ index, kind: 'campaign', targetSkillIds: ['@z1'], answeredBefore })).toEqual(['z1-a']);
  });

  it('[REPLAY-2] [FLASH-6] is empty for certification, whose choices never look at earlier tests', () => {
    expect(priorChallengeIds({ index, kind: 'certification', targetSkillIds: targets, answeredBefore: [challengeIdOf('@a1')] })).toEqual([]);
  });

  it('[REPLAY-2] [DOC-1] never holds more than the document accepts', () => {
    const many = makePack({ competences: [{ id: '1.1', tubes: [{ id: '@m', levels: [1, 2, 3, 4, 5, 6, 7, 8], variants: 26 }] }] });
    const big = buildPackIndex({ ...many, challenges: [...many.challenges, ...Array.from({ length: 1000 }, (_, k) => ({ ...many.challenges[0]!, id: `extra-${String(k).padStart(4, '0')}` }))] });
    const all = big.pack.challenges.map((c) => c.id);
    const prior = priorChallengeIds({ index: big, kind: 'competence', targetSkillIds: big.pack.skills.map((s) => s.id), answeredBefore: all });
    expect(prior).toHaveLength(MAX_PRIOR_CHALLENGES);
    expect(prior[0]).toBe('extra-0000');
  });
});
