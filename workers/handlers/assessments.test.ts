import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPackIndex } from '../../src/core/content/pack-index.ts';
import { createFlashBank } from '../../src/core/flash/flash-bank.ts';
import { flashItemsFromPack } from '../../src/core/flash/content-pack-items.ts';
import type { Challenge } from '../../src/core/content/types.ts';
import { bankPack, correctAnswer, wrongAnswer } from '../../test/bank.ts';
import type { LoadedContent } from '../content/content-cache.ts';
import { DeviceDb } from '../db/device-db.ts';
import { openLabDatabase } from '../db/lab-database.ts';
import { LabRuntime } from '../runtime/lab-runtime.ts';
import { createAssessmentHandlers } from './assessments.ts';
import type { AssessmentHandlers } from './assessments.ts';

let runtime: LabRuntime;
let api: AssessmentHandlers;
let content: LoadedContent;
let clock = 1_800_000_000_000;

beforeAll(async () => {
  const pack = bankPack();
  const index = buildPackIndex(pack);
  const bank = createFlashBank(flashItemsFromPack(pack));
  content = { version: pack.version, pack, index, flashBank: () => bank };
  const name = `lab${randomUUID().slice(0, 8)}`;
  runtime = new LabRuntime({
    openLabDb: () => openLabDatabase({ name, storage: getRxStorageMemory(), multiInstance: false }),
    deviceDb: new DeviceDb(`device-${name}`),
    baseUrl: 'http://127.0.0.1:9',
    now: () => (clock += 1000),
    loadContent: (version) => Promise.resolve(version === undefined || version === pack.version ? content : null),
  });
  api = createAssessmentHandlers(runtime, runtime.deps.loadContent);
  const db = await runtime.db();
  await db.campaigns.insert({
    id: 'camp-1', organizationId: 'demo-org', code: 'QWERTY234', name: 'Seconde – rentrée', type: 'ASSESSMENT', title: 'Diagnostic de rentrée',
    landingText: 'Bienvenue', targetSkillIds: pack.skills.filter((s) => s.tubeId.startsWith('@') && ['1.1', '4.1'].includes(index.competenceIdBySkill.get(s.id) ?? '')).map((s) => s.id),
    multipleSendings: false, archivedAt: null, updatedAt: 1, _deleted: false,
  });
});

afterAll(async () => {
  await (await runtime.db()).remove();
});

function full(id: string): Challenge {
  const challenge = content.index.challengeById.get(id);
  if (!challenge) throw new Error(`unknown challenge ${id}`);
  return challenge;
}

/** Runs a test to its end, answering with `answer`; returns the challenges asked, in order. */
async function runToEnd(assessmentId: string, answer: (c: Challenge, n: number) => 'right' | 'wrong' | 'skip', limit = 200): Promise<string[]> {
  const asked: string[] = [];
  for (let n = 0; n < limit; n++) {
    const next = await api.nextChallenge({ assessmentId });
    if (next.kind !== 'challenge') return asked;
    expect(JSON.stringify(next.challenge)).not.toMatch(/"solution"|"solutionGroups"|"solutions"|"explanation"/);
    asked.push(next.challenge.id);
    const challenge = full(next.challenge.id);
    const how = answer(challenge, n);
    const submitted = await api.submitAnswer({
      assessmentId, challengeId: challenge.id, value: how === 'wrong' ? wrongAnswer(challenge) : correctAnswer(challenge),
      skipped: how === 'skip', timeSpentMs: 4_000, focusedOut: false,
    });
    expect(submitted).toMatchObject({ ok: true, answered: n + 1, result: how === 'right' ? 'ok' : how === 'skip' ? 'aband' : 'ko' });
  }
  throw new Error('the test did not end');
}

describe('assessments in the engine worker (real bank, RxDB memory storage)', () => {
  it('competence training: right answers all the way give full mastery and the test ends', async () => {
    const started = await api.startAssessment({ kind: 'competence', learnerId: 'learner-a', competenceId: '1.1' });
    expect(started).toMatchObject({ ok: true, resumed: false });
    if (!started.ok) return;
    const asked = await runToEnd(started.assessmentId, () => 'right');
    expect(asked.length).toBeGreaterThan(2);
    expect(new Set(asked).size).toBe(asked.length);
    const results = await api.assessmentResults({ assessmentId: started.assessmentId });
    expect(results).toMatchObject({ kind: 'competence', participation: { masteryPercent: 100 } });
    expect(await api.nextChallenge({ assessmentId: started.assessmentId })).toEqual({ kind: 'end' });
  });

  it('campaign: resumes at the same challenge, refuses a stale submit, shows a checkpoint every 5 answers, and shares', async () => {
    const first = await api.startAssessment({ kind: 'campaign', learnerId: 'learner-b', campaignCode: 'qwerty 234' });
    expect(first).toMatchObject({ ok: true, resumed: false, campaign: { title: 'Diagnostic de rentrée' } });
    if (!first.ok) return;
    const a = await api.nextChallenge({ assessmentId: first.assessmentId });
    const again = await api.startAssessment({ kind: 'campaign', learnerId: 'learner-b', campaignCode: 'QWERTY234' });
    expect(again).toMatchObject({ ok: true, resumed: true, assessmentId: first.assessmentId });
    expect(await api.nextChallenge({ assessmentId: first.assessmentId })).toEqual(a);
    expect(await api.submitAnswer({ assessmentId: first.assessmentId, challengeId: 'not-the-current-one', value: { kind: 'choice', selected: [1] }, skipped: false, timeSpentMs: 1, focusedOut: false })).toEqual({ ok: false, reason: 'not-current' });

    let checkpoints = 0;
    const asked: string[] = [];
    for (let n = 0; n < 200; n++) {
      const next = await api.nextChallenge({ assessmentId: first.assessmentId });
      if (next.kind !== 'challenge') break;
      expect(next.progress).toEqual({ current: (n % 5) + 1, total: 5 });
      asked.push(next.challenge.id);
      const challenge = full(next.challenge.id);
      const submitted = await api.submitAnswer({ assessmentId: first.assessmentId, challengeId: challenge.id, value: n % 3 === 0 ? wrongAnswer(challenge) : correctAnswer(challenge), skipped: false, timeSpentMs: 2_000, focusedOut: false });
      if (submitted.ok && submitted.checkpointDue) {
        checkpoints++;
        const items = await api.checkpoint({ assessmentId: first.assessmentId });
        expect(items.length).toBeGreaterThan(0);
        expect(items.length).toBeLessThanOrEqual(5);
        expect(items.at(-1)?.challengeId).toBe(challenge.id);
      }
    }
    expect(checkpoints).toBeGreaterThanOrEqual(Math.floor(asked.length / 5));
    const results = await api.assessmentResults({ assessmentId: first.assessmentId });
    expect(results?.kind).toBe('campaign');
    if (results?.kind === 'campaign') {
      expect(results.participation.masteryPercent).toBeGreaterThan(0);
      expect(results.participation.masteryPercent).toBeLessThan(100);
    }
    expect(await api.shareResults({ assessmentId: first.assessmentId })).toEqual({ ok: true });
    const db = await runtime.db();
    expect((await db.assessments.findOne(first.assessmentId).exec())?.state).toBe('shared');
    expect(await api.startAssessment({ kind: 'campaign', learnerId: 'learner-b', campaignCode: 'NOPENO234' })).toEqual({ ok: false, reason: 'unknown-campaign' });
  });

  it('certification: 32 challenges, one per tube, every competence, then a score', async () => {
    const started = await api.startAssessment({ kind: 'certification', learnerId: 'learner-c', sessionId: 'session-1' });
    if (!started.ok) throw new Error('not started');
    const asked = await runToEnd(started.assessmentId, (_c, n) => (n % 4 === 3 ? 'wrong' : n === 7 ? 'skip' : 'right'));
    expect(asked).toHaveLength(32);
    const tubes = asked.map((id) => content.index.skillById.get(full(id).skillId)?.tubeId);
    expect(new Set(tubes).size).toBe(32);
    const competences = new Set(asked.map((id) => content.index.competenceIdBySkill.get(full(id).skillId)));
    expect(competences.size).toBe(16);
    const results = await api.assessmentResults({ assessmentId: started.assessmentId });
    expect(results).toMatchObject({ kind: 'certification', certification: { status: 'scored', answerCount: 32 } });
    if (results?.kind === 'certification' && results.certification.status === 'scored') {
      expect(results.certification.score).toBeGreaterThan(0);
      expect(results.certification.score).toBeLessThanOrEqual(895);
    }
  });

  it('every answer is in the log once, in order, with its position as id', async () => {
    const db = await runtime.db();
    const answers = await db.answers.find().exec();
    const byAssessment = new Map<string, number[]>();
    for (const a of answers) byAssessment.set(a.assessmentId, [...(byAssessment.get(a.assessmentId) ?? []), a.index]);
    for (const [assessmentId, indexes] of byAssessment) {
      expect(indexes.sort((x, y) => x - y)).toEqual(indexes.map((_, i) => i));
      expect(await db.answers.findOne(`${assessmentId}:0`).exec()).not.toBeNull();
    }
  });
});
