/**
 * [REPLAY-1] … [REPLAY-4], [RESULTS-4] The relay replays what the lab machine chose. Generated tests of every kind
 * (a campaign, competence training, certification) are taken on the real worker handlers (RxDB on memory storage)
 * with the connection dropping and coming back, between a challenge being shown and answered too, the worker
 * restarting mid-question, and another machine's answers for the same learner replicating in during the test.
 * Each test is then pushed to a real relay, which recomputes it: its replay must equal the challenges the machine
 * showed, position by position. A copy of the log with two challenges swapped, or one substituted, is flagged at
 * the first position that differs.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPackIndex } from '../../src/core/content/pack-index.ts';
import type { Challenge, ContentPack } from '../../src/core/content/types.ts';
import { createFlashBank } from '../../src/core/flash/flash-bank.ts';
import { flashItemsFromPack } from '../../src/core/flash/content-pack-items.ts';
import { COMPETENCE_IDS } from '../../src/core/referential.ts';
import { replayAssessment } from '../../src/core/replay/replay-assessment.ts';
import type { TestResults } from '../../src/core/results/test-results.ts';
import { testTargetSkillIds } from '../../src/core/results/test-target.ts';
import type { AnswerDocument, AssessmentDocument, CampaignDocument } from '../../src/core/sync/documents.ts';
import { makePack } from '../../src/core/test/make-pack.ts';
import { enrolDevice, loginAs, startTestRelay } from '../../test/relay.ts';
import type { TestRelay } from '../../test/relay.ts';
import type { LoadedContent } from '../../workers/content/content-cache.ts';
import { DeviceDb } from '../../workers/db/device-db.ts';
import { openLabDatabase } from '../../workers/db/lab-database.ts';
import type { LabDatabase } from '../../workers/db/lab-database.ts';
import { createAssessmentHandlers } from '../../workers/handlers/assessments.ts';
import type { AssessmentHandlers, StartInput } from '../../workers/handlers/assessments.ts';
import { LabRuntime } from '../../workers/runtime/lab-runtime.ts';
import { withVersion } from '../content/pack-version.ts';
import { computeResults } from './compute-results.ts';

/** Runs per `vitest run`: every kind many times, in ~10 s. */
const NUM_RUNS = 30;

// Sixteen competences of two tubes (a certification needs 32 tubes). Variant "a" of every skill needs the Internet,
// so each outage changes the choice; level-3 skills are timed, so timeouts steer smart random ([SR-6]).
const pack: ContentPack = (() => {
  const { version: _test, ...unversioned } = makePack({
    competences: COMPETENCE_IDS.map((id, k) => ({ id, tubes: [{ id: `@t${k}a`, levels: [1, 2, 3, 4, 5], variants: 2 }, { id: `@t${k}b`, levels: [1, 2, 3, 4], variants: 2 }] })),
    challenge: ({ skill, variant }) => ({ ...(variant === 0 ? { requiresInternet: true } : {}), ...(skill.level === 3 ? { timer: 30 } : {}) }),
  });
  return withVersion(unversioned);
})();
const content: LoadedContent = (() => {
  const bank = createFlashBank(flashItemsFromPack(pack));
  return { version: pack.version, pack, index: buildPackIndex(pack), flashBank: () => bank };
})();

type How = 'right' | 'wrong' | 'skip' | 'late';
interface Step {
  how: How;
  /** Connectivity when the challenge is shown, and when it is answered. */
  onlineAtShow: boolean;
  onlineAtSubmit: boolean;
  /** The worker restarts between showing and answering (a new handlers object: its memory is gone). */
  restart: boolean;
  /** Another machine's answer for this learner replicates in before this step. */
  replicated: boolean;
}

const step: fc.Arbitrary<Step> = fc.record({
  how: fc.constantFrom<How>('right', 'right', 'wrong', 'skip', 'late'),
  onlineAtShow: fc.boolean(),
  onlineAtSubmit: fc.boolean(),
  restart: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
  replicated: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
});

const scenario = fc.record({
  kind: fc.constantFrom('campaign', 'competence', 'certification'),
  competence: fc.constantFrom(...COMPETENCE_IDS),
  learner: fc.integer({ min: 1, max: 25 }),
  steps: fc.array(step, { minLength: 1, maxLength: 40 }),
  swap: fc.tuple(fc.nat(), fc.nat()),
});

let relay: TestRelay;
let device: string;
let campaign: CampaignDocument;
let runtime: LabRuntime;
let db: LabDatabase;
let online = true;
const newHandlers = (): AssessmentHandlers => createAssessmentHandlers(runtime, (version) => Promise.resolve(version === undefined || version === pack.version ? content : null), { isOnline: () => online });

beforeAll(async () => {
  relay = await startTestRelay({ pack });
  device = await enrolDevice(relay.app);
  const teacher = await loginAs(relay.app, 'enseignant@demo.local');
  const created = await relay.app.inject({
    method: 'POST', url: '/api/campaigns', headers: { authorization: `Bearer ${teacher}` },
    payload: { name: 'Rejeu', type: 'ASSESSMENT', title: 'Rejeu', landingText: '', multipleSendings: true, target: { tubeIds: ['@t0a', '@t0b', '@t5a', '@t12b'] } },
  });
  expect(created.statusCode, created.body).toBe(201);
  campaign = created.json<CampaignDocument>();
  const name = `lab${randomUUID().slice(0, 8)}`;
  let clock = 1_800_000_000_000;
  runtime = new LabRuntime({
    openLabDb: () => openLabDatabase({ name, storage: getRxStorageMemory(), multiInstance: false }),
    deviceDb: new DeviceDb(`device-${name}`),
    baseUrl: 'http://127.0.0.1:9',
    now: () => (clock += 1000),
    loadContent: () => Promise.resolve(content),
  });
  db = await runtime.db();
  // As replication brings it: the relay's campaign document, targets included.
  await db.campaigns.insert(campaign);
});

afterAll(async () => {
  await db.remove();
  await relay.close();
});

function valueFor(challenge: Challenge, how: How): AnswerDocument['value'] {
  if (how === 'skip') return { kind: 'choice', selected: [] };
  return { kind: 'choice', selected: [how === 'wrong' ? 2 : 1] };
}

/**
 * Takes the test on the worker as a student would, appending to `shown` each challenge shown and accepted, as it
 * goes (a run that fails half-way leaves it exact for the runs fast-check tries next on the same database).
 */
async function takeTest(assessmentId: string, learnerId: string, steps: readonly Step[], shown: string[]): Promise<void> {
  let api = newHandlers();
  for (const [n, s] of steps.entries()) {
    if (s.replicated) {
      const other = content.pack.challenges[(n * 7 + shown.length) % content.pack.challenges.length]?.id ?? '';
      await db.answers.insert({
        id: `other-${randomUUID()}`, assessmentId: `other-${randomUUID()}`, learnerId, challengeId: other, value: { kind: 'choice', selected: [1] },
        result: 'ok', timeSpentMs: 1_000, answeredAt: 1, deviceId: 'another-machine', index: 0, online: true, updatedAt: 7, _deleted: false,
      });
    }
    online = s.onlineAtShow;
    let next = await api.nextChallenge({ assessmentId });
    if (next.kind !== 'challenge') break;
    if (s.restart) api = newHandlers();
    online = s.onlineAtSubmit;
    const answer = (challenge: Challenge) =>
      api.submitAnswer({
        assessmentId, challengeId: challenge.id, value: valueFor(challenge, s.how), skipped: s.how === 'skip',
        timeSpentMs: s.how === 'late' && challenge.timer !== undefined ? (challenge.timer + 1) * 1000 : 4_000, focusedOut: false,
      });
    const full = (id: string) => content.index.challengeById.get(id) as Challenge;
    let submitted = await answer(full(next.challenge.id));
    if (!submitted.ok) {
      // Only after a restart with other connectivity: the screen asks again, and shows the new choice.
      expect(s.restart && submitted.reason === 'not-current').toBe(true);
      next = await api.nextChallenge({ assessmentId });
      if (next.kind !== 'challenge') break;
      submitted = await answer(full(next.challenge.id));
      expect(submitted.ok).toBe(true);
    }
    shown.push(next.challenge.id);
    if (submitted.ok && submitted.finished) break;
  }
}

async function push(collection: string, docs: object[]): Promise<void> {
  const response = await relay.app.inject({ method: 'POST', url: `/api/replication/${collection}/push`, headers: { authorization: `Bearer ${device}` }, payload: docs.map((d) => ({ newDocumentState: d, assumedMasterState: null })) });
  expect(response.statusCode, response.body).toBe(200);
  expect(response.json()).toEqual([]);
}

describe('the relay replays the lab machine', () => {
  it('[REPLAY-1] [REPLAY-2] [REPLAY-3] [REPLAY-4] [RESULTS-4] generated tests of every kind, with outages: replay = sequence shown; tampering is flagged', async () => {
    const kinds = new Set<string>();
    let offlineAnswers = 0;
    // A learner's started (or finished, unsent) test is resumed by a later run: what it showed accumulates.
    const shownSoFar = new Map<string, string[]>();
    await fc.assert(
      fc.asyncProperty(scenario, async ({ kind, competence, learner, steps, swap }) => {
        const learnerId = `demo-learner-${String(learner).padStart(2, '0')}`;
        const input: StartInput =
          kind === 'campaign' ? { kind, learnerId, campaignCode: campaign.code } : kind === 'competence' ? { kind, learnerId, competenceId: competence } : { kind, learnerId, sessionId: 'session-1' };
        const started = await newHandlers().startAssessment(input);
        if (!started.ok) throw new Error(`not started: ${started.reason}`);
        const shown = shownSoFar.get(started.assessmentId) ?? [];
        shownSoFar.set(started.assessmentId, shown);
        await takeTest(started.assessmentId, learnerId, steps, shown);
        kinds.add(kind);

        const assessment = (await db.assessments.findOne(started.assessmentId).exec())?.toJSON() as AssessmentDocument;
        const answers = (await db.answers.find({ selector: { assessmentId: assessment.id } }).exec()).map((d) => d.toJSON() as AnswerDocument);
        offlineAnswers += answers.filter((a) => !a.online).length;
        // As the replication sends them (RxDB's toJSON leaves `_deleted` out; the relay sets `updatedAt`).
        const { updatedAt: _a, ...pushedAssessment } = assessment;
        await push('assessments', [{ ...pushedAssessment, _deleted: false }]);
        if (answers.length > 0) await push('answers', answers.map(({ updatedAt: _u, ...a }) => ({ ...a, _deleted: false })));
        await relay.app.recompute.drain();

        // What the relay stored: a replay equal to what the machine showed.
        const [record] = await relay.store.getAssessmentResults('demo-org', [assessment.id]);
        const stored = record?.body as unknown as TestResults;
        expect(stored.status).toBe('scored');
        if (stored.status !== 'scored') return;
        expect(stored.replay).toEqual({ matches: true, replayed: shown.length });
        expect(stored.answers.map((a) => a.challengeId)).toEqual(shown);
        const targetSkillIds = testTargetSkillIds(content.index, assessment, assessment.campaignId ? campaign.targetSkillIds : null);
        const replayed = replayAssessment({ content, assessment, targetSkillIds, answers: stored.answers });
        expect(replayed.sequence).toEqual(shown);

        // Tampered copies of the log, recomputed by the relay's own function: flagged where they first differ.
        const ordered = [...answers].sort((x, y) => x.index - y.index);
        const [i, j] = [swap[0] % Math.max(1, ordered.length), swap[1] % Math.max(1, ordered.length)].sort((x, y) => x - y) as [number, number];
        const campaignTargets = assessment.campaignId ? campaign.targetSkillIds : null;
        if (ordered.length >= 2 && i !== j && ordered[i]?.challengeId !== ordered[j]?.challengeId) {
          const swapped = ordered.map((a, k) => (k === i ? { ...a, challengeId: ordered[j]?.challengeId ?? '' } : k === j ? { ...a, challengeId: ordered[i]?.challengeId ?? '' } : a));
          expect(computeResults(content, assessment, swapped, campaignTargets)).toMatchObject({ replay: { matches: false, firstMismatchIndex: i } });
        }
        if (ordered.length >= 1) {
          const substitute = content.pack.challenges.find((c) => !ordered.some((a) => a.challengeId === c.id))?.id ?? '';
          const substituted = ordered.map((a, k) => (k === j ? { ...a, challengeId: substitute } : a));
          expect(computeResults(content, assessment, substituted, campaignTargets)).toMatchObject({ replay: { matches: false, firstMismatchIndex: j, recordedChallengeId: substitute } });
        }
      }),
      { numRuns: NUM_RUNS },
    );
    // The generator met every kind, and outages that were recorded.
    expect([...kinds].sort()).toEqual(['campaign', 'certification', 'competence']);
    expect(offlineAnswers).toBeGreaterThan(0);
  });
});
