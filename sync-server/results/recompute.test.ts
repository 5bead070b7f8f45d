import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Challenge } from '../../src/core/content/types.ts';
import type { CampaignDocument } from '../../src/core/sync/documents.ts';
import { bankPack, correctAnswer, wrongAnswer } from '../../test/bank.ts';
import { loginAs, startTestRelay } from '../../test/relay.ts';
import type { TestRelay } from '../../test/relay.ts';
import { answer, assessment } from '../replication/replication.contract.ts';
import type { ScoredTestResults as ComputedResults } from '../../src/core/results/test-results.ts';

let relay: TestRelay;
let teacher: string;
let device: string;
const pack = bankPack();

beforeAll(async () => {
  relay = await startTestRelay({ pack });
  teacher = await loginAs(relay.app, 'enseignant@demo.local');
  const enrolled = await relay.app.inject({ method: 'POST', url: '/api/devices', headers: { authorization: `Bearer ${teacher}` }, payload: { name: 'Poste' } });
  device = enrolled.json<{ token: string }>().token;
});
afterAll(async () => {
  await relay.close();
});

const push = (collection: string, docs: Record<string, unknown>[]) =>
  relay.app.inject({ method: 'POST', url: `/api/replication/${collection}/push`, headers: { authorization: `Bearer ${device}` }, payload: docs.map((d) => ({ newDocumentState: d, assumedMasterState: null })) });

function challengesOf(competenceId: string, n: number): Challenge[] {
  const tubes = new Set(pack.tubes.filter((t) => t.competenceId === competenceId).map((t) => t.id));
  const skills = new Set(pack.skills.filter((s) => tubes.has(s.tubeId)).map((s) => s.id));
  return pack.challenges.filter((c) => skills.has(c.skillId)).slice(0, n);
}

describe('campaigns and results on the relay', () => {
  it('a teacher creates and lists campaigns; lab machines receive them; others may not create', async () => {
    const created = await relay.app.inject({
      method: 'POST', url: '/api/campaigns', headers: { authorization: `Bearer ${teacher}` },
      payload: { name: 'Seconde A – rentrée', type: 'ASSESSMENT', title: 'Diagnostic', landingText: 'Bienvenue !', multipleSendings: false, target: { competenceIds: ['1.1'] } },
    });
    expect(created.statusCode).toBe(201);
    const campaign = created.json<CampaignDocument>();
    expect(campaign.code).toMatch(/^[A-HJKMNP-Z]{6}[2-9]{3}$/);
    expect(campaign.targetSkillIds.length).toBeGreaterThan(3);
    const list = await relay.app.inject({ method: 'GET', url: '/api/campaigns', headers: { authorization: `Bearer ${teacher}` } });
    expect(list.json()).toEqual([expect.objectContaining({ id: campaign.id, code: campaign.code, name: 'Seconde A – rentrée', type: 'ASSESSMENT' })]);
    const pulled = await relay.app.inject({ method: 'GET', url: '/api/replication/campaigns/pull?seq=0', headers: { authorization: `Bearer ${device}` } });
    expect(pulled.json<{ documents: { code: string }[] }>().documents.map((d) => d.code)).toEqual([campaign.code]);
    expect((await relay.app.inject({ method: 'GET', url: '/api/campaigns', headers: { authorization: `Bearer ${device}` } })).statusCode).toBe(403);
    const bad = await relay.app.inject({ method: 'POST', url: '/api/campaigns', headers: { authorization: `Bearer ${teacher}` }, payload: { name: 'x', type: 'ASSESSMENT', title: '', landingText: '', multipleSendings: false, target: { tubeIds: ['@nope'] } } });
    expect(bad.statusCode).toBe(400);
  });

  it('recomputes results from the answers: a result claimed by the machine is checked again', async () => {
    const [c1, c2, c3] = challengesOf('1.1', 3) as [Challenge, Challenge, Challenge];
    await push('assessments', [assessment('as-r1', { kind: 'competence', campaignId: null, competenceId: '1.1', contentVersion: pack.version, state: 'completed', completedAt: 1_767_225_700_000 })]);
    await push('answers', [
      answer('as-r1:0', { assessmentId: 'as-r1', challengeId: c1.id, value: correctAnswer(c1), result: 'ok', index: 0 }),
      // Tampered: a wrong value claimed as right.
      answer('as-r1:1', { assessmentId: 'as-r1', challengeId: c2.id, value: wrongAnswer(c2), result: 'ok', index: 1 }),
      answer('as-r1:2', { assessmentId: 'as-r1', challengeId: c3.id, value: { kind: 'choice', selected: [] }, result: 'aband', index: 2 }),
    ]);
    await relay.app.recompute.drain();
    const [record] = await relay.store.getAssessmentResults('demo-org', ['as-r1']);
    const body = record?.body as unknown as ComputedResults;
    expect(body.answers.map((a) => [a.clientResult, a.result])).toEqual([['ok', 'ok'], ['ok', 'ko'], ['aband', 'aband']]);
    expect(body.results).toHaveProperty('participation.masteryPercent');
    expect(record?.contentVersion).toBe(pack.version);
  });

  it('[SYNC-OWN-2] answers that arrive before their assessment are retried (409), then scored once it arrives', async () => {
    const [c1] = challengesOf('4.1', 1) as [Challenge];
    const early = answer('as-r2:0', { assessmentId: 'as-r2', challengeId: c1.id, value: correctAnswer(c1), index: 0 });
    expect((await push('answers', [early])).statusCode).toBe(409);
    await relay.app.recompute.drain();
    expect(await relay.store.getAssessmentResults('demo-org', ['as-r2'])).toEqual([]);
    await push('assessments', [assessment('as-r2', { kind: 'certification', campaignId: null, sessionId: 'sess-1', contentVersion: pack.version })]);
    expect((await push('answers', [early])).json()).toEqual([]);
    await relay.app.recompute.drain();
    const [record] = await relay.store.getAssessmentResults('demo-org', ['as-r2']);
    expect((record?.body as unknown as ComputedResults).results).toMatchObject({ certification: { status: 'cancelled', reason: 'too-few-answers', answerCount: 1 } });
  });

  it('a relay stopped between a push and its recomputation catches up at its next start', async () => {
    const [c1, c2] = challengesOf('2.1', 2) as [Challenge, Challenge];
    // Written as a push commits them, but the recomputation never ran (the process was killed in between).
    const write = (collection: string, doc: Record<string, unknown>, parentId: string | null, now = Date.now() - 60_000) =>
      relay.store.writeDocuments({
        collection, organizationId: 'demo-org', ids: [String(doc.id)], now,
        decide: () => ({ writes: [{ id: String(doc.id), learnerId: 'demo-learner-05', parentId, deleted: false, body: doc }], conflicts: [] }),
      });
    await write('assessments', assessment('as-r3', { learnerId: 'demo-learner-05', kind: 'competence', campaignId: null, competenceId: '2.1', contentVersion: pack.version }), null);
    await write('answers', answer('as-r3:0', { assessmentId: 'as-r3', learnerId: 'demo-learner-05', challengeId: c1.id, value: correctAnswer(c1), index: 0 }), 'as-r3');
    expect(await relay.store.getAssessmentResults('demo-org', ['as-r3'])).toEqual([]);

    expect(await relay.app.recompute.catchUp()).toBeGreaterThanOrEqual(1);
    const [first] = await relay.store.getAssessmentResults('demo-org', ['as-r3']);
    expect((first?.body as unknown as ComputedResults).answers).toHaveLength(1);
    // Up to date now: a second pass finds nothing for it; a later answer makes it stale again.
    expect((await relay.store.listAssessmentsNeedingResults(null, 1000)).map((a) => a.id)).not.toContain('as-r3');
    await write('answers', answer('as-r3:1', { assessmentId: 'as-r3', learnerId: 'demo-learner-05', challengeId: c2.id, value: wrongAnswer(c2), index: 1 }), 'as-r3', Date.now() + 60_000);
    expect((await relay.store.listAssessmentsNeedingResults(null, 1000)).map((a) => a.id)).toContain('as-r3');
    await relay.app.recompute.catchUp();
    const [second] = await relay.store.getAssessmentResults('demo-org', ['as-r3']);
    expect((second?.body as unknown as ComputedResults).answers.map((a) => a.result)).toEqual(['ok', 'ko']);
  });
});
