import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPackIndex } from '../../src/core/content/pack-index.ts';
import type { AnswerValue, ContentPack } from '../../src/core/content/types.ts';
import { createFlashBank } from '../../src/core/flash/flash-bank.ts';
import { flashItemsFromPack } from '../../src/core/flash/content-pack-items.ts';
import { chooseNextChallenge } from '../../src/core/replay/choose-next.ts';
import { testResults } from '../../src/core/results/test-results.ts';
import { MAX_TIME_SPENT_MS } from '../../src/core/sync/document-specs.ts';
import type { AnswerDocument, AssessmentDocument } from '../../src/core/sync/documents.ts';
import { challengeIdOf, makePack } from '../../src/core/test/make-pack.ts';
import type { LoadedContent } from '../content/content-cache.ts';
import { DeviceDb } from '../db/device-db.ts';
import { openLabDatabase } from '../db/lab-database.ts';
import { LabRuntime } from '../runtime/lab-runtime.ts';
import { createAssessmentHandlers } from './assessments.ts';
import type { AssessmentHandlers } from './assessments.ts';

// Variant "a" of every skill needs the Internet; "b" does not. Level-3 skills are timed (30 s).
const pack: ContentPack = {
  ...makePack({
    competences: [{ id: '1.1', tubes: [{ id: '@a', levels: [1, 2, 3, 4], variants: 2 }, { id: '@b', levels: [1, 2, 3], variants: 2 }] }],
    challenge: ({ skill, variant }) => ({ ...(variant === 0 ? { requiresInternet: true } : {}), ...(skill.level === 3 ? { timer: 30 } : {}) }),
  }),
  version: 'feedfacefeedface',
};
const content: LoadedContent = (() => {
  const bank = createFlashBank(flashItemsFromPack(pack));
  return { version: pack.version, pack, index: buildPackIndex(pack), flashBank: () => bank };
})();
const targets = pack.skills.map((s) => s.id);
const right: AnswerValue = { kind: 'choice', selected: [1] };

let runtime: LabRuntime;
let online = true;
const handlers = (): AssessmentHandlers => createAssessmentHandlers(runtime, (version) => Promise.resolve(version === undefined || version === pack.version ? content : null), { isOnline: () => online });
let api: AssessmentHandlers;

beforeAll(() => {
  const name = `lab${randomUUID().slice(0, 8)}`;
  let clock = 1_800_000_000_000;
  runtime = new LabRuntime({
    openLabDb: () => openLabDatabase({ name, storage: getRxStorageMemory(), multiInstance: false }),
    deviceDb: new DeviceDb(`device-${name}`),
    baseUrl: 'http://127.0.0.1:9',
    now: () => (clock += 1000),
    loadContent: () => Promise.resolve(content),
  });
  api = handlers();
});
afterAll(async () => {
  await (await runtime.db()).remove();
});

async function start(learnerId: string): Promise<string> {
  const started = await api.startAssessment({ kind: 'competence', learnerId, competenceId: '1.1' });
  if (!started.ok) throw new Error(`not started: ${started.reason}`);
  return started.assessmentId;
}

async function shown(assessmentId: string, with_: AssessmentHandlers = api): Promise<string> {
  const next = await with_.nextChallenge({ assessmentId });
  if (next.kind !== 'challenge') throw new Error(`no challenge: ${next.kind}`);
  return next.challenge.id;
}

const submit = (assessmentId: string, challengeId: string, extra: { timeSpentMs?: number } = {}, with_: AssessmentHandlers = api) =>
  with_.submitAnswer({ assessmentId, challengeId, value: right, skipped: false, timeSpentMs: extra.timeSpentMs ?? 3_000, focusedOut: false });

async function log(assessmentId: string): Promise<{ assessment: AssessmentDocument; answers: AnswerDocument[] }> {
  const db = await runtime.db();
  const assessment = (await db.assessments.findOne(assessmentId).exec())?.toJSON() as AssessmentDocument;
  const answers = (await db.answers.find({ selector: { assessmentId } }).exec()).map((d) => d.toJSON() as AnswerDocument);
  return { assessment, answers: answers.sort((x, y) => x.index - y.index) };
}

/** Starts tests online until one's first challenge needs the Internet (variant "a"), so that offline it must change. */
async function startOnlineOnInternetChallenge(prefix: string): Promise<{ id: string; first: string }> {
  online = true;
  for (let k = 0; k < 20; k++) {
    const id = await start(`${prefix}-${k}`);
    const first = await shown(id);
    if (first.endsWith('-a')) return { id, first };
  }
  throw new Error('no first challenge needing the Internet in 20 tests');
}

describe('the lab machine records what each choice used', () => {
  it('[REPLAY-1] a connection lost between showing and answering: the answer is accepted and records the flag it was shown with', async () => {
    const { id, first } = await startOnlineOnInternetChallenge('learner-flag');
    online = false;
    expect(await submit(id, first)).toMatchObject({ ok: true, answered: 1 });
    const second = await shown(id);
    online = true;
    expect(await submit(id, second)).toMatchObject({ ok: true, answered: 2 });
    const recorded = await log(id);
    expect(recorded.answers.map((a) => [a.challengeId, a.online])).toEqual([[first, true], [second, false]]);
    // Offline, only "b" variants could have been chosen for the second position.
    expect(second.endsWith('-b')).toBe(true);
    expect(testResults({ content, assessment: recorded.assessment, answers: recorded.answers, campaignTargetSkillIds: null }).replay).toEqual({ matches: true, replayed: 2 });
  });

  it('[REPLAY-1] after a worker restart the position is chosen again with the connectivity of the moment', async () => {
    const { id, first } = await startOnlineOnInternetChallenge('learner-restart');
    online = false;
    const restarted = handlers();
    expect(await submit(id, first, {}, restarted)).toEqual({ ok: false, reason: 'not-current' });
    const again = await shown(id, restarted);
    expect(again).not.toBe(first);
    expect(await submit(id, again, {}, restarted)).toMatchObject({ ok: true });
    expect((await log(id)).answers.map((a) => [a.challengeId, a.online])).toEqual([[again, false]]);
  });

  it('[REPLAY-2] the prior-seen list is frozen at start; answers replicated in later change no choice', async () => {
    const db = await runtime.db();
    const earlier = (challengeId: string, n: number): AnswerDocument => ({
      id: `old-${n}`, assessmentId: `old-test-${n}`, learnerId: 'learner-prior', challengeId, value: right, result: 'ok', timeSpentMs: 1_000,
      answeredAt: 1, deviceId: 'other-machine', index: 0, online: true, updatedAt: 5, _deleted: false,
    });
    await db.answers.bulkInsert([earlier(challengeIdOf('@a2', 1), 1), earlier(challengeIdOf('@b1', 0), 2), earlier('not-in-this-pack', 3), earlier(challengeIdOf('@a2', 1), 4)]);
    online = true;
    const id = await start('learner-prior');
    const { assessment } = await log(id);
    expect(assessment.priorChallengeIds).toEqual(['a2-b', 'b1-a']);
    // Another machine's answers arrive by replication during the test: the choice stays the frozen list's.
    await db.answers.bulkInsert([earlier(challengeIdOf('@a2', 0), 5), earlier(challengeIdOf('@b2', 0), 6), earlier(challengeIdOf('@b2', 1), 7)]);
    const first = await shown(id);
    const expected = chooseNextChallenge({ content, assessment, targetSkillIds: targets, answers: [], online: true });
    expect(expected).toEqual({ kind: 'challenge', challengeId: first });
    expect((await log(id)).assessment.priorChallengeIds).toEqual(['a2-b', 'b1-a']);
  });

  it('[REPLAY-5] [RETRY-3] a retry freezes what it carries over when it starts; participations replicated in later change nothing', async () => {
    const db = await runtime.db();
    await db.campaigns.insert({
      id: 'camp-retry', organizationId: 'org', code: 'RETRYA234', name: 'Reprise', type: 'ASSESSMENT', title: 'Reprise', landingText: '',
      targetSkillIds: targets, multipleSendings: true, archivedAt: null, updatedAt: 1, _deleted: false,
    });
    // A first participation, shared: a2 (so a1) right, b2 wrong.
    const previous = { id: 'prev-1', kind: 'campaign' as const, learnerId: 'learner-retry', campaignId: 'camp-retry', competenceId: null, sessionId: null, state: 'shared' as const, startedAt: 1_000, completedAt: 2_000, sharedAt: 3_000, deviceId: 'other', contentVersion: pack.version, priorChallengeIds: [], updatedAt: 5, _deleted: false };
    await db.assessments.insert(previous);
    const old = (index: number, challengeId: string, ok: boolean): AnswerDocument => ({
      id: `prev-1:${index}`, assessmentId: 'prev-1', learnerId: 'learner-retry', challengeId, value: ok ? right : { kind: 'choice', selected: [2] }, result: ok ? 'ok' : 'ko',
      timeSpentMs: 1_000, answeredAt: 1_500, deviceId: 'other', index, online: true, updatedAt: 5, _deleted: false,
    });
    await db.answers.bulkInsert([old(0, challengeIdOf('@a2', 1), true), old(1, challengeIdOf('@b2', 1), false)]);
    online = false;
    const started = await api.startAssessment({ kind: 'campaign', learnerId: 'learner-retry', campaignCode: 'RETRYA234' });
    if (!started.ok) throw new Error(`not started: ${started.reason}`);
    const frozen = (await log(started.assessmentId)).assessment.carriedOver;
    expect(frozen?.map((ke) => [ke.skillId, ke.status]).sort()).toEqual([['@a1', 'validated'], ['@a2', 'validated']]);
    // Another shared participation of this learner replicates in (from another machine): the retry keeps its start.
    await db.assessments.insert({ ...previous, id: 'prev-0', startedAt: 500, sharedAt: 900 });
    let answered = 0;
    for (let next = await api.nextChallenge({ assessmentId: started.assessmentId }); next.kind === 'challenge'; next = await api.nextChallenge({ assessmentId: started.assessmentId })) {
      expect(['a1', 'a2'].some((skill) => next.kind === 'challenge' && next.challenge.id.startsWith(`${skill}-`))).toBe(false);
      expect(await submit(started.assessmentId, next.challenge.id)).toMatchObject({ ok: true });
      answered++;
    }
    expect(answered).toBeGreaterThan(0);
    const recorded = await log(started.assessmentId);
    expect(recorded.assessment.carriedOver).toEqual(frozen);
    const relay = testResults({ content, assessment: recorded.assessment, answers: recorded.answers, campaignTargetSkillIds: targets });
    expect(relay.replay).toEqual({ matches: true, replayed: answered });
    expect(relay.results).toMatchObject({ participation: { validatedSkillCount: expect.any(Number) as number } });
    expect('participation' in relay.results && relay.results.knowledgeElements.filter((ke) => ke.skillId === '@a1' || ke.skillId === '@a2').every((ke) => ke.status === 'validated')).toBe(true);
  });

  it('[DOC-3] [RESULTS-2] time spent is recorded rounded and capped, and the result is judged on what is recorded', async () => {
    online = false;
    const id = await start('learner-time');
    let timedSeen = false;
    for (let n = 0; n < 12; n++) {
      const next = await api.nextChallenge({ assessmentId: id });
      if (next.kind !== 'challenge') break;
      const timed = next.challenge.timer !== undefined;
      timedSeen ||= timed;
      // On a 30 s timer, 30 000.4 ms rounds to 30 000 ms: not over the timer, on the machine and on the relay.
      const submitted = await submit(id, next.challenge.id, { timeSpentMs: timed ? 30_000.4 : n === 0 ? 1e12 : 2_000 });
      expect(submitted).toMatchObject({ ok: true, result: 'ok' });
    }
    expect(timedSeen).toBe(true);
    const recorded = await log(id);
    expect(recorded.answers[0]?.timeSpentMs).toBe(MAX_TIME_SPENT_MS);
    expect(recorded.answers.every((a) => Number.isInteger(a.timeSpentMs))).toBe(true);
    const relay = testResults({ content, assessment: recorded.assessment, answers: recorded.answers, campaignTargetSkillIds: null });
    expect(relay.answers.map((a) => a.result)).toEqual(recorded.answers.map((a) => a.result));
  });
});
