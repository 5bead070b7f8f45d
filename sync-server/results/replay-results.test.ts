import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerValue, ContentPack } from '../../src/core/content/types.ts';
import { COMPETENCE_IDS } from '../../src/core/referential.ts';
import { chooseNextChallenge } from '../../src/core/replay/choose-next.ts';
import type { RecordedAnswer } from '../../src/core/results/recheck-answers.ts';
import type { ScoredTestResults, TestResults } from '../../src/core/results/test-results.ts';
import type { AssessmentDocument } from '../../src/core/sync/documents.ts';
import { engineContent, makeAssessment, playTest } from '../../src/core/test/engine-log.ts';
import { challengeIdOf, makePack } from '../../src/core/test/make-pack.ts';
import { enrolDevice, startTestRelay } from '../../test/relay.ts';
import type { TestRelay } from '../../test/relay.ts';
import { withVersion } from '../content/pack-version.ts';

// Variant "a" of every skill needs the Internet, so a test with outages chooses differently from one without.
const pack: ContentPack = versioned(
  makePack({
    competences: COMPETENCE_IDS.map((id, k) => ({ id, tubes: [{ id: `@t${k}a`, levels: [1, 2, 3, 4, 5], variants: 2 }, { id: `@t${k}b`, levels: [1, 2, 3, 4], variants: 2 }] })),
    challenge: ({ variant }) => (variant === 0 ? { requiresInternet: true } : {}),
  }),
);
const content = engineContent(pack);

/** makePack's pack with a real version (a content hash, as the relay's schemas require). */
function versioned(test: ContentPack): ContentPack {
  const { version: _test, ...unversioned } = test;
  return withVersion(unversioned);
}
const competence11 = pack.skills.filter((s) => s.tubeId.startsWith('@t0')).map((s) => s.id);

let relay: TestRelay;
let device: string;
beforeAll(async () => {
  relay = await startTestRelay({ pack });
  device = await enrolDevice(relay.app);
});
afterAll(async () => {
  await relay.close();
});

const push = async (collection: string, docs: object[]) => {
  const response = await relay.app.inject({ method: 'POST', url: `/api/replication/${collection}/push`, headers: { authorization: `Bearer ${device}` }, payload: docs.map((d) => ({ newDocumentState: d, assumedMasterState: null })) });
  expect(response.statusCode, response.body).toBe(200);
  expect(response.json()).toEqual([]);
};

function assessmentOf(id: string, learnerId: string, overrides: Partial<AssessmentDocument> = {}): AssessmentDocument {
  return makeAssessment({ id, learnerId, contentVersion: pack.version, deviceId: 'dev-1', ...overrides });
}

function answerDocs(learnerId: string, log: readonly RecordedAnswer[]): object[] {
  return log.map((a) => ({ ...a, learnerId, answeredAt: 1_767_225_600_000 + a.index * 1000, deviceId: 'dev-1', _deleted: false }));
}

/** Pushes a test and its log, waits for the recomputation, answers the stored result. */
async function recomputed(assessment: AssessmentDocument, log: readonly RecordedAnswer[]): Promise<{ body: TestResults; contentVersion: string }> {
  const { updatedAt: _updatedAt, ...pushed } = assessment;
  await push('assessments', [pushed]);
  if (log.length > 0) await push('answers', answerDocs(assessment.learnerId, log));
  await relay.app.recompute.drain();
  const [record] = await relay.store.getAssessmentResults('demo-org', [assessment.id]);
  if (!record) throw new Error(`no result for ${assessment.id}`);
  return { body: record.body as unknown as TestResults, contentVersion: record.contentVersion };
}

function scored(results: TestResults): ScoredTestResults {
  if (results.status !== 'scored') throw new Error(`not scored: ${results.status}`);
  return results;
}

const right: AnswerValue = { kind: 'choice', selected: [1] };
const wrong: AnswerValue = { kind: 'choice', selected: [2] };
const answer = (id: string, index: number, skillId: string, value: RecordedAnswer['value'], result: RecordedAnswer['result']): RecordedAnswer => ({
  id: `${id}:${index}`, assessmentId: id, challengeId: challengeIdOf(skillId), value, result, timeSpentMs: 3_000, index, online: true,
});

describe('results on the relay: one assembly, replayed, flagged', () => {
  it('[RESULTS-1] [RESULTS-2] [RESULTS-4] exact mastery from the re-checked log; a log the engine did not choose is flagged, scored as recorded, counted once', async () => {
    const id = 'as-hand';
    const log = [
      answer(id, 0, '@t0a2', right, 'ok'),
      answer(id, 1, '@t0b3', wrong, 'ko'),
      answer(id, 2, '@t0a4', right, 'ko'),
      answer(id, 3, '@t0b1', wrong, 'ok'),
    ];
    const { body } = await recomputed(assessmentOf(id, 'demo-learner-03'), log);
    const results = scored(body);
    expect(results.answers.map((a) => a.result)).toEqual(['ok', 'ko', 'ok', 'ko']);
    // 1.1 has 9 skills: a1–a4 validated, b1–b4 invalidated, a5 untested.
    expect(results.results).toMatchObject({ participation: { targetSkillCount: 9, testedSkillCount: 8, validatedSkillCount: 4, masteryPercent: 44, stage: { id: 'fragile' } } });
    expect('participation' in results.results && results.results.knowledgeElements.filter((ke) => ke.status === 'validated').map((ke) => ke.skillId).sort()).toEqual(['@t0a1', '@t0a2', '@t0a3', '@t0a4']);
    expect(results.replay.matches).toBe(false);
    const before = relay.app.recompute.flags.counts().replayMismatches;
    expect(before).toBeGreaterThanOrEqual(1);
    // Recomputed again after a later answer: still one flagged test.
    await push('answers', answerDocs('demo-learner-03', [answer(id, 4, '@t0a5', right, 'ok')]));
    await relay.app.recompute.drain();
    expect(relay.app.recompute.flags.counts().replayMismatches).toBe(before);
  });

  it('[REPLAY-1] [REPLAY-4] a competence test played through outages replays with its recorded flags, and matches', async () => {
    const assessment = assessmentOf('as-outages', 'demo-learner-04');
    const log = playTest(content, assessment, competence11, (position) => ({ result: position % 4 === 3 ? 'ko' : 'ok', online: position % 2 === 0 }));
    // The flags matter: replayed as if always online, this log would not be the engine's.
    expect(flaggedIfAlwaysOnline(assessment, competence11, log)).toBe(true);
    const results = scored((await recomputed({ ...assessment, state: 'completed', completedAt: 1_767_225_700_000 }, log)).body);
    expect(results.replay).toEqual({ matches: true, replayed: log.length });
    expect(results.results).toMatchObject({ participation: { progress: 1 } });
  });

  it('[REPLAY-1] [RESULTS-6] certification is replayed and scored with the recorded flags, not as if always online', async () => {
    const assessment = assessmentOf('as-cert-outages', 'demo-learner-06', { kind: 'certification', competenceId: null, sessionId: 'sess-1', state: 'completed' });
    const log = playTest(content, assessment, [], (position) => ({ result: position % 3 === 2 ? 'ko' : 'ok', online: position % 4 < 2 }));
    expect(log).toHaveLength(32);
    const results = scored((await recomputed(assessment, log)).body);
    expect(results.replay).toEqual({ matches: true, replayed: 32 });
    expect(results.results).toMatchObject({ certification: { status: 'scored', answerCount: 32 } });
    // Had the relay assumed the machine online throughout (as it once did), this log would not be the engine's.
    expect(flaggedIfAlwaysOnline(assessment, [], log)).toBe(true);
  });

  it('[RESULTS-5] a test on a pack the relay does not hold is kept, says so, is not scored with another pack, and is counted', async () => {
    const other = versioned(makePack({ competences: [{ id: '1.1', tubes: [{ id: '@t0a', levels: [1, 2, 3, 4, 5] }] }] }));
    const assessment = assessmentOf('as-unknown-pack', 'demo-learner-08', { contentVersion: other.version });
    const log = [answer('as-unknown-pack', 0, '@t0a2', right, 'ok'), answer('as-unknown-pack', 1, '@t0a3', wrong, 'ko')];
    const first = await recomputed(assessment, log);
    expect(first.body).toEqual({ status: 'unknown-content', kind: 'competence', state: 'started', sharedAt: null, contentVersion: other.version, answerCount: 2 });
    expect(first.contentVersion).toBe(other.version);
    expect(relay.app.recompute.flags.counts().unknownContent).toBe(1);
    // Once the relay holds that version, the next recomputation scores the test with it.
    await relay.store.saveContentPack(other.version, JSON.stringify(other), Date.now());
    await relay.app.recompute.recompute('demo-org', [assessment.id]);
    const [record] = await relay.store.getAssessmentResults('demo-org', [assessment.id]);
    expect(record?.body).toMatchObject({ status: 'scored', contentVersion: other.version, results: { participation: { targetSkillCount: 5, validatedSkillCount: 2 } } });
    expect(relay.app.recompute.flags.counts().unknownContent).toBe(0);
  });
});

/** True when replaying `log` with every flag set to online would flag it (so the recorded flags were needed). */
function flaggedIfAlwaysOnline(assessment: AssessmentDocument, targetSkillIds: readonly string[], log: readonly RecordedAnswer[]): boolean {
  return log.some((a, i) => {
    const choice = chooseNextChallenge({ content, assessment, targetSkillIds, answers: log.slice(0, i), online: true });
    return choice.kind !== 'challenge' || choice.challengeId !== a.challengeId;
  });
}
