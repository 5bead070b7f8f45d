/**
 * A test with no answer yet (started, then nothing replicated): its results must still be assembled, never throw,
 * since the relay recomputes every test it receives ([RESULTS-1]) and one failure would stop the others.
 */
import { describe, expect, it } from 'vitest';
import { COMPETENCE_IDS } from '../referential.ts';
import { engineContent, makeAssessment } from '../test/engine-log.ts';
import { makePack } from '../test/make-pack.ts';
import { testResults } from './test-results.ts';

const content = engineContent(makePack({ competences: COMPETENCE_IDS.map((id, k) => ({ id, tubes: [{ id: `@t${k}`, levels: [1, 2] }] })) }));

describe('[RESULTS-1] [FLASH-16] results of a test without answers', () => {
  it('a certification without answers is cancelled for too few answers', () => {
    const assessment = makeAssessment({ id: 'as-empty', kind: 'certification', competenceId: null, sessionId: 's-1' });
    const results = testResults({ content, assessment, answers: [], campaignTargetSkillIds: null });
    expect(results.results).toEqual({ certification: { status: 'cancelled', reason: 'too-few-answers', answerCount: 0 } });
    expect(results.replay).toEqual({ matches: true, replayed: 0 });
  });

  it('competence training without answers: nothing tested, nothing validated', () => {
    const results = testResults({ content, assessment: makeAssessment({ id: 'as-empty-2' }), answers: [], campaignTargetSkillIds: null });
    expect(results.results).toMatchObject({ participation: { testedSkillCount: 0, validatedSkillCount: 0, masteryPercent: 0 }, knowledgeElements: [] });
    expect(results.unknownChallenges).toEqual([]);
  });
});
