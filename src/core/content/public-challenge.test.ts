import { describe, expect, it } from 'vitest';
import { compileBank } from './compile.ts';
import { toPublicChallenge } from './public-challenge.ts';
import { sampleCompetence } from './test-support/sample-competence.ts';

const { challenges } = compileBank([sampleCompetence()]).pack;

describe('toPublicChallenge', () => {
  it('never hands out a solution, an accepted answer or an explanation, whatever the type', () => {
    expect(new Set(challenges.map((c) => c.type)).size).toBe(5);
    for (const challenge of challenges) {
      const shown = toPublicChallenge(challenge);
      const text = JSON.stringify(shown);
      expect(Object.keys(shown)).not.toContain('solution');
      expect(Object.keys(shown)).not.toContain('solutionGroups');
      expect(Object.keys(shown)).not.toContain('explanation');
      expect(text).not.toContain('"solutions"');
      expect(text).not.toContain(challenge.explanation);
    }
  });

  it('keeps everything needed to display and answer', () => {
    const [qcu] = challenges;
    if (!qcu) throw new Error('empty sample');
    expect(toPublicChallenge(qcu)).toEqual({
      id: 'sample-mots-cles-1-a',
      skillId: '@sampleMotsCles1',
      type: 'QCU',
      instruction: 'Quel mot garder dans « recette de crêpes » ?',
      locale: 'fr-fr',
      timer: 60,
      focused: false,
      requiresInternet: false,
      illustration: { url: '/content/attachments/1.1/requete.svg', alt: 'Une barre de recherche.' },
      attachments: [{ name: 'mots.csv', url: '/content/attachments/1.1/mots.csv', mediaType: 'text/csv' }],
      irt: { a: 1.2, b: -1.5 },
      tolerances: ['T1', 'T2', 'T3'],
      proposals: ['de', 'recette', 'la'],
    });
    const qroc = challenges.find((c) => c.type === 'QROC');
    if (!qroc) throw new Error('no QROC in the sample');
    expect(toPublicChallenge(qroc)).toMatchObject({ format: 'text', fields: [{ key: 'mot', label: 'Mot à retirer', placeholder: 'un mot' }] });
  });

  it('does not copy a field it does not know (a secret added later stays private)', () => {
    const [qcu] = challenges;
    if (!qcu) throw new Error('empty sample');
    const withExtra = { ...qcu, reviewerNote: 'la réponse est 2' };
    expect(JSON.stringify(toPublicChallenge(withExtra))).not.toContain('reviewerNote');
  });

  it('returns copies: changing the result leaves the challenge intact', () => {
    const [qcu] = challenges;
    if (!qcu || qcu.type !== 'QCU') throw new Error('sample changed');
    const shown = toPublicChallenge(qcu);
    if (!('proposals' in shown)) throw new Error('expected proposals');
    shown.proposals.push('ajout');
    expect(qcu.proposals).toEqual(['de', 'recette', 'la']);
  });
});
