import { describe, expect, it } from 'vitest';
import { buildPackIndex } from '../content/pack-index.ts';
import { computeKnowledgeElements } from '../knowledge/compute-knowledge-elements.ts';
import { challengeIdOf, makeAnswers, makePack } from '../test/make-pack.ts';
import { competenceAverages } from './competence-averages.ts';
import { competenceDistribution } from './competence-distribution.ts';
import { participationResults } from './participation-results.ts';
import { currentParticipations, participationStatus } from './participation-status.ts';
import { participationTimeline } from './participation-timeline.ts';
import { stageDistribution } from './stage-distribution.ts';
import { DEFAULT_STAGES } from './stages.ts';
import { targetSkillIds } from './target-profile.ts';
import { suggestedTutorials, tubeMastery } from './tube-analysis.ts';

const index = buildPackIndex(
  makePack({
    competences: [
      { id: '1.1', tubes: [{ id: '@a', levels: [1, 2, 3, 4] }, { id: '@b', levels: [1, 2] }] },
      { id: '4.1', tubes: [{ id: '@d', levels: [1, 2, 3, 4, 5] }] },
    ],
  }),
);
const target = targetSkillIds(index, { kind: 'tubes', tubes: [{ tubeId: '@a' }, { tubeId: '@b' }, { tubeId: '@d', maxLevel: 4 }] });
const knowledgeOf = (answers: [string, 'ok' | 'ko'][]) => computeKnowledgeElements({ index, answers: makeAnswers('p', answers) });
const resultsOf = (answers: [string, 'ok' | 'ko'][]) => participationResults({ index, targetSkillIds: target, knowledge: knowledgeOf(answers), finished: true });
const structure = participationResults({ index, targetSkillIds: target, knowledge: new Map(), finished: false });

describe("following a campaign: statuses", () => {
  it('[FOLLOW-1] started is "En cours", any unsent end "En attente d\'envoi", shared "Résultats reçus"', () => {
    expect(participationStatus('started')).toBe('STARTED');
    expect(participationStatus('completed')).toBe('TO_SHARE');
    expect(participationStatus('aborted')).toBe('TO_SHARE');
    expect(participationStatus('shared')).toBe('SHARED');
  });

  it('[FOLLOW-2] one participation per learner: the latest started, then the greatest id', () => {
    const current = currentParticipations([
      { id: 'a1', learnerId: 'camille', startedAt: 10 },
      { id: 'a2', learnerId: 'camille', startedAt: 20 },
      { id: 'b2', learnerId: 'lea', startedAt: 5 },
      { id: 'b1', learnerId: 'lea', startedAt: 5 },
    ]);
    expect(current.map((p) => p.id).sort()).toEqual(['a2', 'b2']);
  });

  it('[FOLLOW-8] participation over time: cumulative starts and shares per Paris day, in date order', () => {
    const day = (d: number, h: number) => Date.UTC(2026, 0, d, h);
    expect(
      participationTimeline(
        [
          { startedAt: day(14, 23), sharedAt: day(15, 9) },
          { startedAt: day(15, 8), sharedAt: null },
          { startedAt: day(15, 10), sharedAt: day(17, 10) },
        ],
        'Europe/Paris',
      ),
    ).toEqual([
      { day: '2026-01-15', started: 3, shared: 1 },
      { day: '2026-01-17', started: 3, shared: 2 },
    ]);
    expect(participationTimeline([], 'Europe/Paris')).toEqual([]);
  });
});

describe('following a campaign: results and analysis', () => {
  // 10 target skills: @a1-4, @b1-2, @d1-4.
  const strong = resultsOf([[challengeIdOf('@a4'), 'ok'], [challengeIdOf('@b2'), 'ok'], [challengeIdOf('@d4'), 'ok']]); // 100 %
  const weak = resultsOf([[challengeIdOf('@a1'), 'ko'], [challengeIdOf('@b1'), 'ko'], [challengeIdOf('@d2'), 'ok']]); // 2/10 = 20 %
  const middle = resultsOf([[challengeIdOf('@a4'), 'ok'], [challengeIdOf('@b1'), 'ko'], [challengeIdOf('@d1'), 'ko']]); // 4/10 = 40 %

  it('[FOLLOW-4] participants per stage, every stage listed in order, empty ones at 0', () => {
    expect([strong, weak, middle].map((r) => r.masteryPercent)).toEqual([100, 20, 40]);
    const distribution = stageDistribution(DEFAULT_STAGES, [strong, weak, middle].map((r) => r.masteryPercent));
    expect(distribution.map((d) => [d.stage.id, d.count])).toEqual([['insufficient', 1], ['fragile', 1], ['satisfactory', 0], ['very-good', 1]]);
    expect(stageDistribution(DEFAULT_STAGES, []).map((d) => d.count)).toEqual([0, 0, 0, 0]);
  });

  it('[FOLLOW-5] per-competence averages of the mastery rates; null when no result counts', () => {
    const averages = competenceAverages(structure, [strong, weak, middle]);
    // 1.1 has 6 target skills: strong 6/6, weak 0/6, middle 4/6 → (1 + 0 + 2/3) / 3.
    expect(averages.map((a) => [a.competenceId, a.targetSkillCount])).toEqual([['1.1', 6], ['4.1', 4]]);
    expect(averages[0]?.averageMasteryRate).toBeCloseTo((1 + 0 + 4 / 6) / 3, 10);
    expect(averages[1]?.averageMasteryRate).toBeCloseTo((1 + 0.5 + 0) / 3, 10);
    expect(competenceAverages(structure, []).map((a) => a.averageMasteryRate)).toEqual([null, null]);
  });

  it('[FOLLOW-6] topics least mastered first, and tutorials of the tubes not mastered by everyone', () => {
    const knowledge = [
      knowledgeOf([[challengeIdOf('@a4'), 'ok'], [challengeIdOf('@b2'), 'ok'], [challengeIdOf('@d4'), 'ok']]),
      knowledgeOf([[challengeIdOf('@a4'), 'ok'], [challengeIdOf('@b1'), 'ko'], [challengeIdOf('@d2'), 'ok']]),
    ];
    const tubes = tubeMastery(index, target, knowledge);
    // @b: (1 + 0) / 2; @d: (1 + 0.5) / 2; @a: 1.
    expect(tubes.map((t) => [t.tubeId, t.averageMasteryRate, t.targetSkillCount])).toEqual([['@b', 0.5, 2], ['@d', 0.75, 4], ['@a', 1, 4]]);
    expect(suggestedTutorials(index, tubes).map((s) => [s.tubeId, s.tutorial.id])).toEqual([['@b', 'tuto-b'], ['@d', 'tuto-d']]);
    expect(suggestedTutorials(index, tubes, { limit: 1 })).toHaveLength(1);
    const none = tubeMastery(index, target, []);
    expect(none.map((t) => t.averageMasteryRate)).toEqual([null, null, null]);
    expect(suggestedTutorials(index, none)).toEqual([]);
  });

  it('[FOLLOW-7] distribution per competence: participants per stage on each competence alone', () => {
    const distribution = competenceDistribution(DEFAULT_STAGES, structure, [strong, weak, middle]);
    // 1.1: 100 %, 0 %, 67 % → very good, insufficient, satisfactory. 4.1: 100 %, 50 %, 0 %.
    expect(distribution).toEqual([
      { competenceId: '1.1', stages: [{ stageId: 'insufficient', count: 1 }, { stageId: 'fragile', count: 0 }, { stageId: 'satisfactory', count: 1 }, { stageId: 'very-good', count: 1 }] },
      { competenceId: '4.1', stages: [{ stageId: 'insufficient', count: 1 }, { stageId: 'fragile', count: 1 }, { stageId: 'satisfactory', count: 0 }, { stageId: 'very-good', count: 1 }] },
    ]);
  });
});
