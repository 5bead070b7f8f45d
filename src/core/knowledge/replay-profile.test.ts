import { describe, expect, it } from 'vitest';
import { buildPackIndex } from '../content/pack-index.ts';
import { challengeIdOf, makeAnswers, makePack } from '../test/make-pack.ts';
import { replayProfile } from './replay-profile.ts';

const index = buildPackIndex(
  makePack({ competences: [{ id: '1.1', tubes: [{ id: '@a', levels: [1, 2, 3] }] }, { id: '2.1', tubes: [{ id: '@b', levels: [1, 2] }] }] }),
);

describe('profile replay', () => {
  it('[RETRY-4] a reset forgets the competence; later answers count again; other competences keep theirs', () => {
    const before = makeAnswers('campagne', [[challengeIdOf('@a3'), 'ok'], [challengeIdOf('@b2'), 'ok']]);
    const after = makeAnswers('entrainement', [[challengeIdOf('@a1'), 'ko']]);
    const profile = replayProfile(index, [
      { kind: 'assessment', answers: before },
      { kind: 'reset', competenceId: '1.1' },
      { kind: 'assessment', answers: after },
    ]);
    expect(profile.get('@a1')).toMatchObject({ status: 'invalidated', source: 'direct' });
    // Without the reset, the direct success on @a3 would have survived the later inference.
    expect(profile.get('@a3')).toMatchObject({ status: 'invalidated', source: 'inferred' });
    expect(profile.get('@b2')?.status).toBe('validated');
    const noReset = replayProfile(index, [{ kind: 'assessment', answers: before }, { kind: 'assessment', answers: after }]);
    expect(noReset.get('@a3')).toMatchObject({ status: 'validated', source: 'direct' });
  });
});
