import { describe, expect, it } from 'vitest';
import type { AnswerValue } from '../content/types.ts';
import { COMPETENCE_IDS } from '../referential.ts';
import { engineContent, makeAssessment, playTest } from '../test/engine-log.ts';
import { challengeIdOf, makePack } from '../test/make-pack.ts';
import type { RecordedAnswer } from './recheck-answers.ts';
import { testResults, unknownContentResults } from './test-results.ts';

const pack = makePack({ competences: [{ id: '1.1', tubes: [{ id: '@a', levels: [1, 2, 3, 4, 5] }, { id: '@b', levels: [1, 2, 3, 4] }] }] });
const content = engineContent(pack);

const right: AnswerValue = { kind: 'choice', selected: [1] };
const wrong: AnswerValue = { kind: 'choice', selected: [2] };

function answer(index: number, skillId: string, value: RecordedAnswer['value'], result: RecordedAnswer['result'], challengeId = challengeIdOf(skillId)): RecordedAnswer {
  return { id: `as-1:${index}`, assessmentId: 'as-1', challengeId, value, result, timeSpentMs: 4_000, index, online: true };
}

// Written by hand, not by the engine: the assembly scores what the log says, whatever the replay finds.
const log: RecordedAnswer[] = [
  answer(0, '@a2', right, 'ok'),
  answer(1, '@b3', wrong, 'ko'),
  // Right value recorded as wrong: the re-check finds it right.
  answer(2, '@a4', right, 'ko'),
  // Tampered: a wrong value claimed right.
  answer(3, '@b1', wrong, 'ok'),
  // A challenge the pack does not have.
  answer(4, '@a5', right, 'ok', 'gone-from-the-pack'),
];

describe('a test\'s results from content and answers', () => {
  it('[RESULTS-1] [RESULTS-2] [KE-1] [KE-2] [CAMP-2] [CAMP-3] exact knowledge and mastery from re-checked answers', () => {
    const results = testResults({ content, assessment: makeAssessment({ id: 'as-1' }), answers: [...log].reverse(), campaignTargetSkillIds: null });
    expect(results.answers.map((a) => [a.index, a.clientResult, a.result])).toEqual([[0, 'ok', 'ok'], [1, 'ko', 'ko'], [2, 'ko', 'ok'], [3, 'ok', 'ko'], [4, 'ok', 'ko']]);
    if (!('participation' in results.results)) throw new Error('expected participation results');
    const { participation, knowledgeElements } = results.results;
    // a1 a2 a3 a4 validated (a2, a4 direct); b1 b2 b3 b4 invalidated (b1, b3 direct); a5 untested.
    expect(Object.fromEntries(knowledgeElements.map((ke) => [ke.skillId, `${ke.status} ${ke.source}`]))).toEqual({
      '@a1': 'validated inferred', '@a2': 'validated direct', '@a3': 'validated inferred', '@a4': 'validated direct',
      '@b1': 'invalidated direct', '@b2': 'invalidated inferred', '@b3': 'invalidated direct', '@b4': 'invalidated inferred',
    });
    expect(participation).toMatchObject({ targetSkillCount: 9, testedSkillCount: 8, validatedSkillCount: 4, masteryPercent: 44, progress: 8 / 9, stage: { id: 'fragile' } });
    expect(participation.masteryRate).toBeCloseTo(4 / 9, 12);
    const finished = testResults({ content, assessment: makeAssessment({ id: 'as-1', state: 'completed' }), answers: log, campaignTargetSkillIds: null });
    expect(finished.results).toMatchObject({ participation: { progress: 1, masteryPercent: 44 } });
  });

  it('[RESULTS-3] [KE-6] answers on unknown challenges are listed and settle nothing', () => {
    const results = testResults({ content, assessment: makeAssessment({ id: 'as-1' }), answers: log, campaignTargetSkillIds: null });
    expect(results.unknownChallenges).toEqual(['gone-from-the-pack']);
    expect(results.answers.at(-1)).toMatchObject({ known: false, result: 'ko' });
    expect(results.results).toMatchObject({ participation: { testedSkillCount: 8 } });
  });

  it('[RESULTS-4] a log that is not the engine\'s is flagged and still scored as recorded, never from the replay', () => {
    const results = testResults({ content, assessment: makeAssessment({ id: 'as-1' }), answers: log, campaignTargetSkillIds: null });
    expect(results.replay.matches).toBe(false);
    expect(results.results).toMatchObject({ participation: { validatedSkillCount: 4 } });
    const honest = playTest(content, makeAssessment({ id: 'as-2' }), pack.skills.map((s) => s.id), () => ({ result: 'ok', online: true }));
    const clean = testResults({ content, assessment: makeAssessment({ id: 'as-2', state: 'completed' }), answers: honest, campaignTargetSkillIds: null });
    expect(clean.replay).toEqual({ matches: true, replayed: honest.length });
    expect(clean.results).toMatchObject({ participation: { masteryPercent: 100, validatedSkillCount: 9, progress: 1 } });
  });

  it('[REPLAY-5] [RETRY-3] a retry\'s results start from the knowledge frozen on it', () => {
    const carriedOver = [{ skillId: '@a5', status: 'validated' as const, source: 'direct' as const, answerId: 'as-0:3', assessmentId: 'as-0' }];
    const results = testResults({ content, assessment: makeAssessment({ id: 'as-1', carriedOver }), answers: log, campaignTargetSkillIds: null });
    // a5 is validated from before: 5 of 9 now (log alone: 4).
    expect(results.results).toMatchObject({ participation: { testedSkillCount: 9, validatedSkillCount: 5, masteryPercent: 56 } });
  });

  it('[CAMP-1] [RESULTS-1] a campaign counts only its target skills', () => {
    const results = testResults({ content, assessment: makeAssessment({ id: 'as-1', kind: 'campaign', competenceId: null, campaignId: 'c-1' }), answers: log, campaignTargetSkillIds: ['@a1', '@a2', '@b1', '@nope'] });
    expect(results.results).toMatchObject({ participation: { targetSkillCount: 3, testedSkillCount: 3, validatedSkillCount: 2, masteryPercent: 67 } });
    const withoutCampaign = testResults({ content, assessment: makeAssessment({ id: 'as-1', kind: 'campaign', competenceId: null, campaignId: 'c-1' }), answers: log, campaignTargetSkillIds: null });
    expect(withoutCampaign.results).toMatchObject({ participation: { targetSkillCount: 0, masteryPercent: 0 } });
  });

  describe('certification', () => {
    // Two tubes in each of the 16 competences: enough for a whole 32-item test.
    const certificationPack = makePack({ competences: COMPETENCE_IDS.map((id, k) => ({ id, tubes: [{ id: `@t${k}x`, levels: [1, 2, 3] }, { id: `@t${k}y`, levels: [2, 4] }] })) });
    const bank = engineContent(certificationPack);
    const assessment = makeAssessment({ id: 'as-cert', kind: 'certification', competenceId: null, sessionId: 's-1', state: 'completed' });
    const played = playTest(bank, assessment, [], (position) => ({ result: position % 3 === 2 ? 'ko' : 'ok', online: position % 5 !== 0 }));

    it('[RESULTS-1] [RESULTS-6] [FLASH-2] an honest log is scored on its 32 answers and replays', () => {
      const results = testResults({ content: bank, assessment, answers: played, campaignTargetSkillIds: null });
      expect(played).toHaveLength(32);
      expect(results.replay).toEqual({ matches: true, replayed: 32 });
      expect(results.results).toMatchObject({ certification: { status: 'scored', answerCount: 32, skippedAfterAbort: 0 } });
    });

    it('[RESULTS-2] [RESULTS-3] a tampered success is re-checked; an unknown challenge is not counted', () => {
      const honest = testResults({ content: bank, assessment, answers: played, campaignTargetSkillIds: null });
      const claimed = played.map((a) => (a.result === 'ko' ? { ...a, result: 'ok' as const } : a));
      const tampered = testResults({ content: bank, assessment, answers: [...claimed, { ...played[0]!, id: 'as-cert:32', index: 32, challengeId: 'gone' }], campaignTargetSkillIds: null });
      expect(tampered.results).toEqual(honest.results);
      expect(tampered.unknownChallenges).toEqual(['gone']);
      expect(tampered.replay).toMatchObject({ matches: false, firstMismatchIndex: 32, reason: 'after-end' });
    });

    it('[FLASH-16] fewer than 20 answers cancel the result', () => {
      const results = testResults({ content: bank, assessment, answers: played.slice(0, 19), campaignTargetSkillIds: null });
      expect(results.results).toEqual({ certification: { status: 'cancelled', reason: 'too-few-answers', answerCount: 19 } });
    });
  });

  it('[RESULTS-5] a test on a pack the caller does not hold says so and is not scored', () => {
    const assessment = makeAssessment({ id: 'as-9', contentVersion: 'feedfacefeedface', state: 'completed', sharedAt: null });
    expect(unknownContentResults(assessment, 3)).toEqual({ status: 'unknown-content', kind: 'competence', state: 'completed', sharedAt: null, contentVersion: 'feedfacefeedface', answerCount: 3 });
  });
});
