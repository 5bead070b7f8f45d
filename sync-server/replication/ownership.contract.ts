/**
 * Ownership of pushed documents over real HTTP handling (inject), a real store and real recomputation, run on SQLite
 * and PostgreSQL: an answer can only change its own learner's test in its own organisation ([SYNC-OWN-1]), an
 * answer whose test has not arrived yet is retried rather than refused ([SYNC-OWN-2]), a test's identity never
 * changes ([SYNC-OWN-3]) and ids never reveal another organisation's documents ([SYNC-OWN-4]).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Challenge } from '../../src/core/content/types.ts';
import { mergeAssessment } from '../../src/core/sync/merge.ts';
import type { AssessmentDocument } from '../../src/core/sync/documents.ts';
import { bankPack, correctAnswer, wrongAnswer } from '../../test/bank.ts';
import { enrolDevice as enrolOverHttp, startTestRelay } from '../../test/relay.ts';
import type { StoreFactory, TestRelay } from '../../test/relay.ts';
import type { ComputedResults } from '../results/compute-results.ts';
import type { AssessmentResultRecord } from '../store/store.ts';
import { enrolDevice } from '../use-cases/enrol-device.ts';
import { answer, assessment } from './replication.contract.ts';

type Doc = Record<string, unknown>;

const SCHOOL_A = 'demo-org';
const SCHOOL_B = 'org-b';
const VICTIM = 'as-victim';
const pack = bankPack();

function challenge(id: string): Challenge {
  const found = pack.challenges.find((c) => c.id === id);
  if (!found) throw new Error(`the bank has no challenge ${id}`);
  return found;
}

// One tube of competence 1.1 ("requête web", levels 1 to 5): right at level 2 validates levels 1–2, wrong at level 4
// invalidates levels 4–5; a forged right answer at level 3 would validate one more skill.
const c1 = challenge('1.1-requete-web-2-a');
const c2 = challenge('1.1-requete-web-4-a');
const c3 = challenge('1.1-requete-web-3-a');

/** Student 01's competence test in school A: one right answer, one wrong. */
const victimAssessment = assessment(VICTIM, { kind: 'competence', campaignId: null, competenceId: '1.1', contentVersion: pack.version, state: 'completed', completedAt: 1_767_225_700_000 });
const victimAnswers = [
  answer(`${VICTIM}:0`, { assessmentId: VICTIM, challengeId: c1.id, value: correctAnswer(c1), result: 'ok', index: 0 }),
  answer(`${VICTIM}:1`, { assessmentId: VICTIM, challengeId: c2.id, value: wrongAnswer(c2), result: 'ko', index: 1 }),
];

/** What a forged answer would add to the victim's test if it got through: a right answer to a third challenge. */
const forged = (id: string, overrides: Doc) => answer(id, { assessmentId: VICTIM, challengeId: c3.id, value: correctAnswer(c3), result: 'ok', index: 2, ...overrides });

const rows = (docs: Doc[]) => docs.map((d) => ({ newDocumentState: d, assumedMasterState: null }));

/** The parts of a result an attack would move: which answers count, how they were judged, what is validated. */
function summary(record: AssessmentResultRecord | undefined) {
  const body = record?.body as unknown as ComputedResults | undefined;
  if (body?.status !== 'scored') return { status: body?.status };
  const participation = 'participation' in body.results ? body.results.participation : undefined;
  return {
    answers: body.answers.map((a) => [a.id, a.challengeId, a.result]),
    tested: participation?.testedSkillCount,
    validated: participation?.validatedSkillCount,
    mastery: participation?.masteryPercent,
  };
}

export function ownershipContract(name: string, storeFactory: StoreFactory): void {
  describe(`ownership of pushed documents: ${name}`, () => {
    let relay: TestRelay;
    let deviceA: string;
    let deviceB: string;
    let victimBefore: AssessmentResultRecord | undefined;

    const push = (collection: string, docs: Doc[], token: string) =>
      relay.app.inject({ method: 'POST', url: `/api/replication/${collection}/push`, headers: { authorization: `Bearer ${token}` }, payload: rows(docs) });
    const pull = async (collection: string, token: string) =>
      (await relay.app.inject({ method: 'GET', url: `/api/replication/${collection}/pull?seq=0&limit=1000`, headers: { authorization: `Bearer ${token}` } })).json<{ documents: Doc[]; checkpoint: { seq: number } }>();
    const resultOf = async (organizationId: string, assessmentId: string) => {
      await relay.app.recompute.drain();
      return (await relay.store.getAssessmentResults(organizationId, [assessmentId]))[0];
    };

    beforeEach(async () => {
      relay = await startTestRelay({ storeFactory, pack });
      deviceA = await enrolOverHttp(relay.app, 'Poste A');
      await relay.store.createOrganization({ id: SCHOOL_B, name: 'Collège B', uai: '1111111B', createdAt: 0 });
      await relay.store.createUser({ id: 'user-b', organizationId: SCHOOL_B, email: 'prof@college-b.fr', firstName: 'P', lastName: 'B', passwordHash: 'x', roles: ['member'], createdAt: 0 });
      await relay.store.upsertLearners([{ id: 'b-learner-01', organizationId: SCHOOL_B, lastName: 'B', firstName: 'Élève', className: '3E', birthDate: '2011-01-01', nationalId: null, active: true, updatedAt: 0 }]);
      deviceB = (await enrolDevice(relay.store, { name: 'Poste B', organizationId: SCHOOL_B, enrolledBy: 'user-b' }, Date.now())).token;

      expect((await push('assessments', [victimAssessment], deviceA)).json()).toEqual([]);
      expect((await push('answers', victimAnswers, deviceA)).json()).toEqual([]);
      victimBefore = await resultOf(SCHOOL_A, VICTIM);
      // The victim's result from its own two answers only: 4 of the competence's 21 skills tested, 2 validated, 10 %.
      expect(summary(victimBefore)).toEqual({ answers: [[`${VICTIM}:0`, c1.id, 'ok'], [`${VICTIM}:1`, c2.id, 'ko']], tested: 4, validated: 2, mastery: 10 });
    });
    afterEach(async () => {
      await relay.close();
    });

    it('[SYNC-OWN-1] another learner of the same school cannot answer into a test: 403, nothing written, the result unchanged', async () => {
      const response = await push('answers', [forged('intrus-1', { learnerId: 'demo-learner-02' })], deviceA);
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ error: 'forbidden', message: expect.stringContaining('élève') as unknown });
      expect((await pull('answers', deviceA)).documents.map((d) => d.id)).toEqual([`${VICTIM}:0`, `${VICTIM}:1`]);
      expect(await resultOf(SCHOOL_A, VICTIM)).toEqual(victimBefore);
    });

    it('[SYNC-OWN-1] a batch holding one answer into another learner\'s test is refused whole', async () => {
      const mine = answer('own-1', { assessmentId: 'as-02', learnerId: 'demo-learner-02', challengeId: c3.id, value: correctAnswer(c3) });
      await push('assessments', [assessment('as-02', { learnerId: 'demo-learner-02', contentVersion: pack.version })], deviceA);
      const response = await push('answers', [mine, forged('intrus-2', { learnerId: 'demo-learner-02' })], deviceA);
      expect(response.statusCode).toBe(403);
      expect((await pull('answers', deviceA)).documents.map((d) => d.id)).toEqual([`${VICTIM}:0`, `${VICTIM}:1`]);
      expect((await push('answers', [mine], deviceA)).json()).toEqual([]);
    });

    it('[SYNC-OWN-1] another school\'s machine cannot answer for the victim: 403, nothing written, the result unchanged', async () => {
      const response = await push('answers', [forged('intrus-3', {})], deviceB);
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ error: 'forbidden' });
      expect((await pull('answers', deviceA)).documents).toHaveLength(2);
      expect((await pull('answers', deviceB)).documents).toEqual([]);
      expect(await resultOf(SCHOOL_A, VICTIM)).toEqual(victimBefore);
    });

    it('[SYNC-OWN-4] another school\'s machine answering into the victim\'s test id for its own student gets what an unknown id gets, and the victim is untouched', async () => {
      const intoVictim = await push('answers', [forged('intrus-4', { learnerId: 'b-learner-01' })], deviceB);
      const intoNothing = await push('answers', [forged('intrus-5', { learnerId: 'b-learner-01', assessmentId: 'as-nowhere' })], deviceB);
      expect(intoVictim.statusCode).toBe(409);
      expect(intoVictim.json()).toEqual({ error: 'assessment_not_yet_received', message: expect.any(String) as unknown });
      expect(intoNothing.statusCode).toBe(intoVictim.statusCode);
      expect(intoNothing.json<{ message: string }>().message).toBe(intoVictim.json<{ message: string }>().message.replace(VICTIM, 'as-nowhere'));
      expect((await pull('answers', deviceA)).documents).toHaveLength(2);
      expect((await pull('answers', deviceB)).documents).toEqual([]);
      expect(await resultOf(SCHOOL_A, VICTIM)).toEqual(victimBefore);
    });

    it('[SYNC-OWN-4] ids belong to each school: B writes its own test and answers under A\'s ids, as if they were new, and A sees and scores nothing of it', async () => {
      const seqA = (await pull('assessments', deviceA)).checkpoint.seq;
      const ownTest = assessment(VICTIM, { learnerId: 'b-learner-01', kind: 'competence', campaignId: null, competenceId: '1.1', contentVersion: pack.version });
      const pushed = await push('assessments', [ownTest], deviceB);
      expect([pushed.statusCode, pushed.json()]).toEqual([200, []]);
      const sameAnswerId = answer(`${VICTIM}:0`, { assessmentId: VICTIM, learnerId: 'b-learner-01', challengeId: c3.id, value: correctAnswer(c3) });
      const answered = await push('answers', [sameAnswerId], deviceB);
      expect([answered.statusCode, answered.json()]).toEqual([200, []]);

      const seenByA = await pull('assessments', deviceA);
      expect(seenByA.documents).toEqual([expect.objectContaining({ id: VICTIM, learnerId: 'demo-learner-01', state: 'completed' })]);
      expect(seenByA.checkpoint.seq).toBe(seqA);
      expect((await pull('answers', deviceA)).documents.map((d) => [d.id, d.learnerId])).toEqual([[`${VICTIM}:0`, 'demo-learner-01'], [`${VICTIM}:1`, 'demo-learner-01']]);
      expect((await pull('answers', deviceB)).documents.map((d) => [d.id, d.learnerId])).toEqual([[`${VICTIM}:0`, 'b-learner-01']]);
      expect(await resultOf(SCHOOL_A, VICTIM)).toEqual(victimBefore);
      expect(summary(await resultOf(SCHOOL_B, VICTIM)).answers).toEqual([[`${VICTIM}:0`, c3.id, 'ok']]);
    });

    it('[STORE-SCOPE-2] a log written before ownership was checked: recomputation counts only the test\'s own learner\'s answers', async () => {
      // As the relay stored it before [SYNC-OWN-1] held: student 02's answer under student 01's test.
      const intruder = forged('intrus-old', { learnerId: 'demo-learner-02' });
      await relay.store.writeDocuments({
        collection: 'answers', organizationId: SCHOOL_A, ids: ['intrus-old'], now: Date.now() + 60_000,
        decide: () => ({ writes: [{ id: 'intrus-old', learnerId: 'demo-learner-02', parentId: VICTIM, deleted: false, body: intruder }], conflicts: [] }),
      });
      // The test is stale (an answer newer than its result): the catch-up recomputes it, without the intruder.
      expect(await relay.app.recompute.catchUp()).toBe(1);
      const after = await resultOf(SCHOOL_A, VICTIM);
      expect(summary(after)).toEqual(summary(victimBefore));
      expect(after?.body).toEqual(victimBefore?.body);
    });

    it('[SYNC-OWN-2] an answer whose test has not arrived yet gets 409 assessment_not_yet_received (retry), then is accepted once the test arrives', async () => {
      const early = answer('as-late:0', { assessmentId: 'as-late', learnerId: 'demo-learner-03', challengeId: c1.id, value: correctAnswer(c1) });
      const first = await push('answers', [early], deviceA);
      expect(first.statusCode).toBe(409);
      expect(first.json()).toEqual({ error: 'assessment_not_yet_received', message: expect.stringContaining('as-late') as unknown });
      expect((await pull('answers', deviceA)).documents).toHaveLength(2);

      await push('assessments', [assessment('as-late', { learnerId: 'demo-learner-03', kind: 'competence', campaignId: null, competenceId: '1.1', contentVersion: pack.version })], deviceA);
      const retried = await push('answers', [early], deviceA);
      expect([retried.statusCode, retried.json()]).toEqual([200, []]);
      expect(summary(await resultOf(SCHOOL_A, 'as-late')).answers).toEqual([['as-late:0', c1.id, 'ok']]);
    });

    it('[SYNC-OWN-3] a push that changes a test\'s identity gets the stored test back as a conflict and changes nothing', async () => {
      const stored = (await pull('assessments', deviceA)).documents[0] as Doc;
      const changes: Doc[] = [
        { learnerId: 'demo-learner-02' },
        { kind: 'campaign', campaignId: 'camp-1', competenceId: null },
        { competenceId: '1.2' },
        { sessionId: 'session-1' },
        { contentVersion: 'ffffffffffffffff' },
      ];
      for (const change of changes) {
        // Progress in the same push is not taken either: the document is answered as a whole.
        const response = await push('assessments', [{ ...victimAssessment, ...change, state: 'shared', sharedAt: 1_767_225_800_000 }], deviceA);
        expect([response.statusCode, response.json()], JSON.stringify(change)).toEqual([200, [stored]]);
      }
      expect((await pull('assessments', deviceA)).documents).toEqual([stored]);
      expect(await resultOf(SCHOOL_A, VICTIM)).toEqual(victimBefore);

      // The lab machine resolves the conflict with the shared merge (the relay's identity wins) and is then accepted.
      const resolved = mergeAssessment(stored as unknown as AssessmentDocument, { ...victimAssessment, learnerId: 'demo-learner-02', state: 'shared', sharedAt: 1_767_225_800_000 } as unknown as AssessmentDocument);
      expect((await push('assessments', [resolved as unknown as Doc], deviceA)).json()).toEqual([]);
      expect((await pull('assessments', deviceA)).documents).toEqual([expect.objectContaining({ learnerId: 'demo-learner-01', state: 'shared', sharedAt: 1_767_225_800_000 })]);
    });
  });
}
