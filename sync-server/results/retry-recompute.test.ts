/**
 * A campaign retry on the relay ([RETRY-3], [RETRY-5]): a lab machine's retry starts from what the learner's earlier
 * participation validated; the relay, from the same log, must replay the same choices and find the same results,
 * not flag the retry as a tampered test nor score it without what was carried over.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RETRY_DELAY_MS } from '../../src/core/campaign/retry.ts';
import type { ScoredTestResults } from '../../src/core/results/test-results.ts';
import type { CampaignDocument } from '../../src/core/sync/documents.ts';
import { correctAnswer, wrongAnswer } from '../../test/bank.ts';
import { createBankRuntime } from '../../test/bank-runtime.ts';
import type { BankRuntime } from '../../test/bank-runtime.ts';
import { enrolDevice, loginAs, startTestRelay } from '../../test/relay.ts';
import type { TestRelay } from '../../test/relay.ts';
import { addStudent, signedInTab } from '../../test/student-machine.ts';
import type { EngineApi } from '../../workers/engine-api.ts';

let relay: TestRelay;
let lab: BankRuntime;
let device: string;
const student = { id: 'demo-learner-01', birthDate: '14/03/2010' };

beforeAll(async () => {
  lab = createBankRuntime();
  relay = await startTestRelay({ pack: lab.content.pack });
  device = await enrolDevice(relay.app);
  const teacher = await loginAs(relay.app, 'enseignant@demo.local');
  const created = await relay.app.inject({
    method: 'POST', url: '/api/campaigns', headers: { authorization: `Bearer ${teacher}` },
    payload: { name: 'Rentrée', type: 'ASSESSMENT', title: 'Diagnostic', landingText: '', multipleSendings: true, target: { competenceIds: ['1.1'] } },
  });
  expect(created.statusCode).toBe(201);
  // The machine holds the campaign as the relay sent it.
  await (await lab.runtime.db()).campaigns.insert({ ...created.json<CampaignDocument>() });
  await addStudent(lab.runtime, student);
});

afterAll(async () => {
  await relay.close();
  await lab.dispose();
});

async function runToEnd(tab: EngineApi, assessmentId: string): Promise<void> {
  for (let n = 0; n < 100; n++) {
    const next = await tab.nextChallenge({ assessmentId });
    if (next.kind !== 'challenge') return;
    const challenge = lab.challenge(next.challenge.id);
    const submitted = await tab.submitAnswer({ assessmentId, challengeId: challenge.id, value: n % 3 === 1 ? wrongAnswer(challenge) : correctAnswer(challenge), skipped: false, timeSpentMs: 2_000, focusedOut: false });
    expect(submitted.ok).toBe(true);
  }
  throw new Error('the test did not end');
}

/** What replication would send: the machine's documents without RxDB's and the relay's bookkeeping. */
async function pushAll(): Promise<void> {
  const db = await lab.runtime.db();
  const strip = (doc: Record<string, unknown>) => Object.fromEntries(Object.entries(doc).filter(([key]) => key !== 'updatedAt' && (key === '_deleted' || !key.startsWith('_'))));
  const rows = (docs: { toJSON(withMeta: true): unknown }[]) => docs.map((d) => ({ newDocumentState: { ...strip(d.toJSON(true) as Record<string, unknown>), _deleted: false }, assumedMasterState: null }));
  for (const collection of ['assessments', 'answers'] as const) {
    const docs = await db[collection].find().exec();
    const response = await relay.app.inject({ method: 'POST', url: `/api/replication/${collection}/push`, headers: { authorization: `Bearer ${device}` }, payload: rows(docs) });
    expect(response.statusCode, response.body).toBe(200);
  }
}

describe('a campaign retry recomputed on the relay', () => {
  it('[RETRY-5] [RETRY-3] [REPLAY-5] the relay replays the retry with what was carried over: same choices, same mastery', async () => {
    let tab = await signedInTab(lab.runtime, student);
    const first = await tab.startAssessment({ kind: 'campaign', campaignCode: (await (await lab.runtime.db()).campaigns.findOne().exec())?.code ?? '' });
    if (!first.ok) throw new Error(first.reason);
    await runToEnd(tab, first.assessmentId);
    expect(await tab.shareResults({ assessmentId: first.assessmentId })).toEqual({ ok: true });
    lab.clock.now += RETRY_DELAY_MS;
    tab = await signedInTab(lab.runtime, student);
    const campaignCode = (await (await lab.runtime.db()).campaigns.findOne().exec())?.code ?? '';
    const retry = await tab.startAssessment({ kind: 'campaign', campaignCode, retry: true });
    if (!retry.ok) throw new Error(retry.reason);
    await runToEnd(tab, retry.assessmentId);
    const seen = await tab.assessmentResults({ assessmentId: retry.assessmentId });
    if (seen?.kind !== 'campaign') throw new Error('no campaign results on the machine');

    await pushAll();
    await relay.app.recompute.drain();
    const [stored] = await relay.store.getAssessmentResults('demo-org', [retry.assessmentId]);
    const body = stored?.body as unknown as ScoredTestResults | undefined;
    expect(body?.status).toBe('scored');
    expect(body?.replay).toMatchObject({ matches: true });
    const relayParticipation = body && 'participation' in body.results ? body.results.participation : undefined;
    expect(relayParticipation?.validatedSkillCount).toBe(seen.participation.validatedSkillCount);
    expect(relayParticipation?.masteryPercent).toBe(seen.participation.masteryPercent);
    // The first participation is scored on its own, as before.
    const [firstStored] = await relay.store.getAssessmentResults('demo-org', [first.assessmentId]);
    expect((firstStored?.body as unknown as ScoredTestResults | undefined)?.replay).toMatchObject({ matches: true });
  }, 60_000);
});
