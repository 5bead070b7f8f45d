import { describe, expect, it } from 'vitest';
import { buildPackIndex } from '../content/pack-index.ts';
import { challengeIdOf, makeAnswers, makePack } from '../test/make-pack.ts';
import { checkpointDue, checkpointItems, positionInGroup } from './checkpoint.ts';

const index = buildPackIndex(makePack({ competences: [{ id: '2.1', tubes: [{ id: '@mail', levels: [1, 2, 3, 4, 5, 6, 7] }] }] }));

describe('checkpoint', () => {
  it('[CAMP-6] comes after every 5 answers, and at the end for the answers since the last one', () => {
    expect([1, 4, 5, 6, 10].map((n) => checkpointDue(n, false))).toEqual([false, false, true, false, true]);
    expect(checkpointDue(7, true)).toBe(true);
    expect(checkpointDue(0, true)).toBe(false);
    expect([0, 4, 5, 9].map(positionInGroup)).toEqual([1, 5, 1, 5]);
  });

  it('[CAMP-6] shows the last group with correct / incorrect and the tutorials of each skill', () => {
    const answers = makeAnswers('p', [
      [challengeIdOf('@mail1'), 'ok'], [challengeIdOf('@mail2'), 'ok'], [challengeIdOf('@mail3'), 'ko'],
      [challengeIdOf('@mail4'), 'ok'], [challengeIdOf('@mail5'), 'aband'], [challengeIdOf('@mail6'), 'timedout'], ['retire-a', 'ok'],
    ]);
    expect(checkpointItems(index, answers.slice(0, 5)).map((i) => i.correct)).toEqual([true, true, false, true, false]);
    const last = checkpointItems(index, answers);
    expect(last.map((i) => [i.challengeId, i.result, i.correct])).toEqual([
      [challengeIdOf('@mail6'), 'timedout', false],
      ['retire-a', 'ok', true],
    ]);
    expect(last[0]?.tutorials.map((t) => t.id)).toEqual(['tuto-mail']);
    expect(last[1]).toMatchObject({ skillId: undefined, tutorials: [] });
    expect(checkpointItems(index, [])).toEqual([]);
  });
});
