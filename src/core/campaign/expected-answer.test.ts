import { describe, expect, it } from 'vitest';
import { makeChoiceChallenge, makeFreeChallenge } from '../test/make-pack.ts';
import { expectedAnswer } from './expected-answer.ts';

describe('expected answer ("Réponses et tutos")', () => {
  it('[CAMP-7] a QCU or QCM shows its right proposals, each once, in order', () => {
    expect(expectedAnswer(makeChoiceChallenge({ type: 'QCU', solution: [2] }))).toEqual({ kind: 'choice', selected: [2] });
    expect(expectedAnswer(makeChoiceChallenge({ type: 'QCM', proposals: ['a', 'b', 'c', 'd'], solution: [4, 1, 4] }))).toEqual({ kind: 'choice', selected: [1, 4] });
  });

  it('[CAMP-7] a QROC or QROCM-ind shows each field with its accepted answers, the preferred one first', () => {
    const challenge = makeFreeChallenge({
      type: 'QROCM-ind',
      fields: [
        { key: 'ville', label: 'Ville', solutions: ['Paris', 'paris 75'] },
        { key: 'annee', label: 'Année', solutions: ['1889'] },
      ],
    });
    expect(expectedAnswer(challenge)).toEqual({
      kind: 'fields',
      fields: [
        { key: 'ville', label: 'Ville', accepted: ['Paris', 'paris 75'] },
        { key: 'annee', label: 'Année', accepted: ['1889'] },
      ],
    });
  });

  it('[CAMP-7] a QROCM-dep shows its solution groups and how many fields take one each, in any order', () => {
    const challenge = makeFreeChallenge({
      type: 'QROCM-dep',
      fields: [
        { key: 'a', label: 'Logiciel 1', solutions: [] },
        { key: 'b', label: 'Logiciel 2', solutions: [] },
      ],
      solutionGroups: [['Word', 'Writer'], ['Docs'], ['Pages']],
    });
    expect(expectedAnswer(challenge)).toEqual({ kind: 'groups', fieldCount: 2, groups: [['Word', 'Writer'], ['Docs'], ['Pages']] });
  });

  it('[CAMP-7] the result is a copy: changing it cannot change the pack', () => {
    const challenge = makeFreeChallenge();
    const shown = expectedAnswer(challenge);
    if (shown.kind === 'fields') shown.fields[0]?.accepted.push('Lyon');
    expect(challenge.fields[0]?.solutions).toEqual(['Paris']);
  });
});
