import { describe, expect, it } from 'vitest';
import { authoredPathOf } from './pack-origins.ts';
import { compileBank } from './compile.ts';
import { sampleCompetence } from './test-support/sample-competence.ts';

function compiled() {
  return compileBank([sampleCompetence()]);
}

function challenge(id: string) {
  const found = compiled().pack.challenges.find((c) => c.id === id);
  if (!found) throw new Error(`no challenge ${id}`);
  return found;
}

describe('compileBank', () => {
  it('names skills after their tube and level and links every item to its parent', () => {
    const { pack } = compiled();
    expect(pack.tubes).toEqual([{ id: '@sampleMotsCles', competenceId: '1.1', title: 'Choisir des mots-clés', description: 'Formuler une requête efficace.' }]);
    expect(pack.skills.map((s) => [s.id, s.tubeId, s.level])).toEqual([
      ['@sampleMotsCles1', '@sampleMotsCles', 1],
      ['@sampleMotsCles2', '@sampleMotsCles', 2],
    ]);
    expect(pack.challenges.map((c) => c.skillId)).toEqual(['@sampleMotsCles1', '@sampleMotsCles1', '@sampleMotsCles2', '@sampleMotsCles2', '@sampleMotsCles2']);
    expect(pack.tutorials[0]).toMatchObject({ id: 'tuto-sample-mots-cles', tubeId: '@sampleMotsCles', skillIds: [] });
  });

  it('lists only the competences the bank uses, with their referential names', () => {
    expect(compiled().pack.competences).toEqual([
      { id: '1.1', domainId: '1', name: { fr: "Mener une recherche et une veille d'information", en: 'Searching and monitoring information' } },
    ]);
  });

  it('applies the defaults of FORMAT.md when a field is absent', () => {
    const qcu = challenge('sample-mots-cles-1-a');
    expect(qcu).toMatchObject({ locale: 'fr-fr', focused: false, requiresInternet: false, tolerances: ['T1', 'T2', 'T3'], solution: [2] });
    const qrocmDep = challenge('sample-mots-cles-2-c');
    expect(qrocmDep).toMatchObject({ format: 'text', requiresInternet: true, focused: false });
    expect('timer' in qrocmDep).toBe(false);
    expect('illustration' in qrocmDep).toBe(false);
    expect(qrocmDep.attachments).toEqual([]);
  });

  it('keeps what is authored over the defaults', () => {
    expect(challenge('sample-mots-cles-2-a').tolerances).toEqual(['T1']);
    expect(challenge('sample-mots-cles-2-b')).toMatchObject({ format: 'number', irt: { a: 2, b: 0.5 } });
    expect(challenge('sample-mots-cles-1-b')).toMatchObject({ focused: true, solution: [1, 3] });
    expect(challenge('sample-mots-cles-1-a').timer).toBe(60);
  });

  it('derives IRT parameters from the level and the type when absent (b = 0.75 × (level − 3))', () => {
    expect(challenge('sample-mots-cles-1-a').irt).toEqual({ a: 1.2, b: -1.5 });
    expect(challenge('sample-mots-cles-1-b').irt).toEqual({ a: 1.4, b: -1.5 });
    expect(challenge('sample-mots-cles-2-a').irt).toEqual({ a: 1.6, b: -0.75 });
    expect(challenge('sample-mots-cles-2-c').irt).toEqual({ a: 1.6, b: -0.75 });
  });

  it('turns attachment and illustration paths into URLs under /content/attachments/', () => {
    const qcu = challenge('sample-mots-cles-1-a');
    expect(qcu.attachments).toEqual([{ name: 'mots.csv', url: '/content/attachments/1.1/mots.csv', mediaType: 'text/csv' }]);
    expect(qcu.illustration).toEqual({ url: '/content/attachments/1.1/requete.svg', alt: 'Une barre de recherche.' });
  });

  it('gives QROCM-dep fields empty solutions and other free types empty groups', () => {
    const dep = challenge('sample-mots-cles-2-c');
    if (dep.type !== 'QROCM-dep') throw new Error('expected a QROCM-dep');
    expect(dep.fields.map((f) => f.solutions)).toEqual([[], []]);
    expect(dep.solutionGroups).toEqual([['le'], ['la'], ['de', "d'"]]);
    const qroc = challenge('sample-mots-cles-2-a');
    if (qroc.type !== 'QROC') throw new Error('expected a QROC');
    expect(qroc.solutionGroups).toEqual([]);
    expect(qroc.fields).toEqual([{ key: 'mot', label: 'Mot à retirer', solutions: ['la'], placeholder: 'un mot' }]);
  });

  it('does not share arrays with the authored input', () => {
    const authored = sampleCompetence();
    const { pack } = compileBank([authored]);
    authored.tubes[0]?.skills[0]?.challenges[1]?.proposals?.push('ajout');
    const qcm = pack.challenges[1];
    expect(qcm && 'proposals' in qcm ? qcm.proposals : null).toEqual(['de', 'volcan', 'la', 'lave']);
  });

  it('records where each item was authored, renaming the fields that differ', () => {
    const { origins } = compiled();
    expect(authoredPathOf(origins, ['challenges', 3, 'fields', 1, 'solutions', 0])).toEqual({
      source: 0,
      path: ['tubes', 0, 'skills', 1, 'challenges', 1, 'fields', 1, 'solutions', 0],
    });
    expect(authoredPathOf(origins, ['skills', 1, 'id'])).toEqual({ source: 0, path: ['tubes', 0, 'skills', 1, 'level'] });
    expect(authoredPathOf(origins, ['challenges', 0, 'illustration', 'url'])).toEqual({ source: 0, path: ['tubes', 0, 'skills', 0, 'challenges', 0, 'illustration', 'file'] });
    expect(authoredPathOf(origins, ['challenges', 0, 'attachments', 0, 'mediaType'])).toEqual({ source: 0, path: ['tubes', 0, 'skills', 0, 'challenges', 0, 'attachments', 0] });
    expect(authoredPathOf(origins, ['tutorials', 0, 'skillIds', 2])).toEqual({ source: 0, path: ['tubes', 0, 'tutorials', 0, 'skills', 2] });
    expect(authoredPathOf(origins, ['tubes', 0, 'competenceId'])).toEqual({ source: 0, path: ['competence'] });
    expect(authoredPathOf(origins, ['competences', 0])).toBeNull();
    expect(authoredPathOf(origins, ['challenges', 99])).toBeNull();
  });
});
