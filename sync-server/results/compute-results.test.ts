/**
 * What the relay hands the one assembly of results ([RESULTS-1]): the pack of the test's own version or nothing
 * ([RESULTS-5]), and documents stored before the replay fields existed read as chosen online with no prior-seen
 * list ([REPLAY-1], [REPLAY-2]), so that one old document cannot stop an organisation's recomputation.
 */
import { describe, expect, it } from 'vitest';
import type { AnswerDocument, AssessmentDocument } from '../../src/core/sync/documents.ts';
import { engineContent, makeAssessment, playTest } from '../../src/core/test/engine-log.ts';
import { makePack } from '../../src/core/test/make-pack.ts';
import { buildPackIndex } from '../../src/core/content/pack-index.ts';
import type { RelayContent } from '../content/content-library.ts';
import { computeResults } from './compute-results.ts';

const pack = makePack({ competences: [{ id: '1.1', tubes: [{ id: '@a', levels: [1, 2, 3, 4] }, { id: '@b', levels: [1, 2, 3] }] }] });
const engine = engineContent(pack);
const content: RelayContent = { version: pack.version, pack, index: buildPackIndex(pack), flashBank: () => engine.flashBank() };
const assessment = makeAssessment({ id: 'as-c', contentVersion: pack.version, state: 'completed' });
const played = playTest(engine, assessment, pack.skills.map((s) => s.id), (position) => ({ result: position % 2 === 0 ? 'ok' : 'ko', online: true }));
const answers: AnswerDocument[] = played.map((a) => ({ ...a, learnerId: 'learner-1', answeredAt: 0, deviceId: 'device-test', updatedAt: 0, _deleted: false }));

describe('[RESULTS-5] the pack a test is scored with', () => {
  it("only the test's own version: none held, or another one, leaves it unscored", () => {
    const unknown = { status: 'unknown-content', kind: 'competence', state: 'completed', sharedAt: null, contentVersion: pack.version, answerCount: answers.length };
    expect(computeResults(null, assessment, answers, null)).toEqual(unknown);
    expect(computeResults({ ...content, version: 'feedfacefeedface' }, assessment, answers, null)).toEqual(unknown);
    expect(computeResults(content, assessment, answers, null)).toMatchObject({ status: 'scored', replay: { matches: true, replayed: answers.length } });
  });
});

describe('[REPLAY-1] [REPLAY-2] documents stored before the replay fields', () => {
  it('are scored as chosen online with no prior-seen list, exactly like the same log recorded with them', () => {
    const { priorChallengeIds: _prior, ...withoutPrior } = assessment;
    const old = withoutPrior as AssessmentDocument;
    const oldAnswers = answers.map(({ online: _online, ...rest }) => rest as AnswerDocument);
    const recorded = computeResults(content, assessment, answers, null);
    const legacy = computeResults(content, old, oldAnswers, null);
    expect(legacy).toEqual(recorded);
    expect(legacy).toMatchObject({ status: 'scored', replay: { matches: true } });
  });

  it('keep what they recorded: an answer chosen offline stays offline', () => {
    const offline = answers.map((a) => ({ ...a, online: false }));
    const results = computeResults(content, assessment, offline, null);
    expect(results.status === 'scored' && results.answers.map((a) => a.online)).toEqual(offline.map(() => false));
  });
});
