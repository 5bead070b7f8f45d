import { describe, expect, it } from 'vitest';
import { buildPackIndex } from '../content/pack-index.ts';
import { computeKnowledgeElements } from '../knowledge/compute-knowledge-elements.ts';
import { challengeIdOf, makeAnswers, makePack } from '../test/make-pack.ts';
import { participationResults } from './participation-results.ts';
import { targetSkillIds } from './target-profile.ts';

const index = buildPackIndex(
  makePack({
    competences: [
      { id: '1.1', tubes: [{ id: '@a', levels: [1, 2, 3, 4] }, { id: '@b', levels: [1, 2] }] },
      { id: '1.3', tubes: [{ id: '@c', levels: [2, 3] }] },
      { id: '4.1', tubes: [{ id: '@d', levels: [1, 2, 3, 4, 5] }] },
    ],
  }),
);
const target = targetSkillIds(index, { kind: 'tubes', tubes: [{ tubeId: '@a' }, { tubeId: '@c' }, { tubeId: '@d', maxLevel: 4 }] });

describe('participation results', () => {
  it('[CAMP-1] a target profile is a competence or tubes, each up to a level; unknown tubes are left out', () => {
    expect(target).toEqual(['@a1', '@a2', '@a3', '@a4', '@c2', '@c3', '@d1', '@d2', '@d3', '@d4']);
    expect(targetSkillIds(index, { kind: 'competence', competenceId: '1.1', maxLevel: 1 })).toEqual(['@a1', '@b1']);
    expect(targetSkillIds(index, { kind: 'tubes', tubes: [{ tubeId: '@inconnu' }, { tubeId: '@b' }, { tubeId: '@b' }] })).toEqual(['@b1', '@b2']);
  });

  it('[CAMP-2] [CAMP-3] mastery = validated / target and progress = tested / target, 1 once finished', () => {
    // @a3 ok validates @a1, @a2; @d2 ko invalidates @d3 … @d5 (@d5 is outside the target).
    const knowledge = computeKnowledgeElements({ index, answers: makeAnswers('p', [[challengeIdOf('@a3'), 'ok'], [challengeIdOf('@d2'), 'ko']]) });
    const running = participationResults({ index, targetSkillIds: target, knowledge, finished: false });
    expect(running).toMatchObject({ targetSkillCount: 10, testedSkillCount: 6, validatedSkillCount: 3, masteryRate: 0.3, masteryPercent: 30, progress: 0.6 });
    expect(participationResults({ index, targetSkillIds: target, knowledge, finished: true }).progress).toBe(1);
  });

  it('[CAMP-5] results per competence and per domain, in referential order, only where the target has skills', () => {
    const knowledge = computeKnowledgeElements({ index, answers: makeAnswers('p', [[challengeIdOf('@a3'), 'ok'], [challengeIdOf('@c3'), 'ok']]) });
    const results = participationResults({ index, targetSkillIds: target, knowledge, finished: true });
    expect(results.competences).toEqual([
      { competenceId: '1.1', domainId: '1', targetSkillCount: 4, testedSkillCount: 3, validatedSkillCount: 3, masteryRate: 0.75 },
      { competenceId: '1.3', domainId: '1', targetSkillCount: 2, testedSkillCount: 2, validatedSkillCount: 2, masteryRate: 1 },
      { competenceId: '4.1', domainId: '4', targetSkillCount: 4, testedSkillCount: 0, validatedSkillCount: 0, masteryRate: 0 },
    ]);
    expect(results.domains).toEqual([
      { domainId: '1', targetSkillCount: 6, testedSkillCount: 5, validatedSkillCount: 5, masteryRate: 5 / 6 },
      { domainId: '4', targetSkillCount: 4, testedSkillCount: 0, validatedSkillCount: 0, masteryRate: 0 },
    ]);
  });

  it('[CAMP-4] the stage follows the rounded percentage, with the default stages or the profile’s own', () => {
    const knowledge = computeKnowledgeElements({ index, answers: makeAnswers('p', [[challengeIdOf('@a4'), 'ok'], [challengeIdOf('@c3'), 'ok']]) });
    const results = participationResults({ index, targetSkillIds: target, knowledge, finished: true });
    expect(results).toMatchObject({ masteryPercent: 60, stage: { id: 'satisfactory', stars: 2 } });
    const custom = [
      { id: 'debut', threshold: 0, stars: 0, title: 'Premiers pas' },
      { id: 'presque', threshold: 61, stars: 1, title: 'Presque' },
    ];
    expect(participationResults({ index, targetSkillIds: target, knowledge, finished: true, stages: custom }).stage?.id).toBe('debut');
  });

  it('[CAMP-1] an empty target gives zeros rather than a division by zero', () => {
    const results = participationResults({ index, targetSkillIds: ['@inconnu1'], knowledge: new Map(), finished: false });
    expect(results).toMatchObject({ targetSkillCount: 0, masteryRate: 0, masteryPercent: 0, progress: 0, competences: [], domains: [] });
  });
});
