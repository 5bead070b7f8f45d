import { describe, expect, it } from 'vitest';
import { buildPackIndex } from '../content/pack-index.ts';
import { challengeIdOf, makeAnswers, makePack } from '../test/make-pack.ts';
import { participationChain } from './retry-chain.ts';

const index = buildPackIndex(makePack({ competences: [{ id: '1.1', tubes: [{ id: '@a', levels: [1, 2, 3, 4] }] }] }));

describe('retry chain', () => {
  it('[RETRY-5] a participation after a shared one carries over its validated elements, along the chain, in start order', () => {
    const first = { id: 'p1', startedAt: 100, sharedAt: 200, answers: makeAnswers('p1', [[challengeIdOf('@a2'), 'ok'], [challengeIdOf('@a3'), 'ko']]) };
    const second = { id: 'p2', startedAt: 300, sharedAt: 400, answers: makeAnswers('p2', [[challengeIdOf('@a3'), 'ok'], [challengeIdOf('@a4'), 'aband']]) };
    const third = { id: 'p3', startedAt: 500, sharedAt: null, answers: [] };
    // Given in any order: the chain follows the start dates.
    const chain = participationChain(index, [third, first, second]);
    expect(chain.map((l) => l.id)).toEqual(['p1', 'p2', 'p3']);
    expect(chain[0]?.carriedOver).toBeUndefined();
    expect([...(chain[1]?.carriedOver?.keys() ?? [])].sort()).toEqual(['@a1', '@a2']);
    // The third starts from everything validated so far: @a1, @a2 from the first, @a3 from the second.
    expect([...(chain[2]?.carriedOver?.keys() ?? [])].sort()).toEqual(['@a1', '@a2', '@a3']);
    expect(chain[2]?.knowledge.get('@a4')).toBeUndefined();
  });

  it('[RETRY-5] a participation after one that was never shared is not a retry', () => {
    const first = { id: 'p1', startedAt: 100, sharedAt: null, answers: makeAnswers('p1', [[challengeIdOf('@a2'), 'ok']]) };
    const second = { id: 'p2', startedAt: 300, sharedAt: null, answers: [] };
    const chain = participationChain(index, [first, second]);
    expect(chain[1]?.carriedOver).toBeUndefined();
    expect(chain[1]?.knowledge.size).toBe(0);
  });

  it('[RETRY-5] equal start dates are ordered by id, so every machine builds the same chain', () => {
    const a = { id: 'b-second', startedAt: 100, sharedAt: null, answers: [] };
    const b = { id: 'a-first', startedAt: 100, sharedAt: 150, answers: makeAnswers('a-first', [[challengeIdOf('@a1'), 'ok']]) };
    const chain = participationChain(index, [a, b]);
    expect(chain.map((l) => l.id)).toEqual(['a-first', 'b-second']);
    expect([...(chain[1]?.carriedOver?.keys() ?? [])]).toEqual(['@a1']);
  });
});
