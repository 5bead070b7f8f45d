import { describe, expect, it } from 'vitest';
import { buildPackIndex } from '../content/pack-index.ts';
import { replayProfile } from '../knowledge/replay-profile.ts';
import { scoreProfile } from '../scoring/score-profile.ts';
import { challengeIdOf, makeAnswers, makePack } from '../test/make-pack.ts';
import { profileSteps } from './profile-steps.ts';

const index = buildPackIndex(
  makePack({ competences: [{ id: '1.1', tubes: [{ id: '@a', levels: [1, 2, 3] }] }, { id: '2.1', tubes: [{ id: '@b', levels: [1, 2] }] }] }),
);

describe('profile steps', () => {
  it('[PROFILE-1] assessments by start date, resets placed by their date, answers by index whatever the list order', () => {
    const campaign = { id: 'c', kind: 'campaign' as const, startedAt: 100, answers: makeAnswers('c', [[challengeIdOf('@a3'), 'ok'], [challengeIdOf('@b2'), 'ok']]).reverse() };
    const training = { id: 't', kind: 'competence' as const, startedAt: 300, answers: makeAnswers('t', [[challengeIdOf('@a1'), 'ko']]) };
    const steps = profileSteps([training, campaign], [{ id: 'r', competenceId: '1.1', at: 200 }]);
    expect(steps.map((s) => s.kind)).toEqual(['assessment', 'reset', 'assessment']);
    expect(steps[0]).toMatchObject({ kind: 'assessment', answers: [{ id: 'c-0' }, { id: 'c-1' }] });
    const profile = scoreProfile(index, replayProfile(index, steps));
    expect(profile.competences.find((c) => c.competenceId === '1.1')).toMatchObject({ pix: 0, validatedSkillCount: 0 });
    expect(profile.competences.find((c) => c.competenceId === '2.1')?.validatedSkillCount).toBe(2);
  });

  it('[PROFILE-1] a reset after every assessment forgets the competence; an assessment started at the same instant counts before it', () => {
    const campaign = { id: 'c', kind: 'campaign' as const, startedAt: 200, answers: makeAnswers('c', [[challengeIdOf('@a3'), 'ok']]) };
    const steps = profileSteps([campaign], [{ id: 'r', competenceId: '1.1', at: 200 }]);
    expect(steps.map((s) => s.kind)).toEqual(['assessment', 'reset']);
    expect(replayProfile(index, steps).size).toBe(0);
  });

  it('[PROFILE-2] certification answers do not feed the profile', () => {
    const certification = { id: 'x', kind: 'certification' as const, startedAt: 100, answers: makeAnswers('x', [[challengeIdOf('@a3'), 'ok']]) };
    expect(profileSteps([certification], [])).toEqual([]);
  });
});
