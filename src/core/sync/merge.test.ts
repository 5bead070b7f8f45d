/**
 * Unit tests of every merge rule of merge.ts ([SYNC-MERGE-1], [SYNC-MERGE-2], [SYNC-MERGE-3]): the relay and the
 * lab machines' conflict handlers both use them, so a wrong rule would make the two sides diverge.
 */
import { describe, expect, it } from 'vitest';
import type { AnswerDocument, AssessmentDocument, AssessmentState } from './documents.ts';
import { ASSESSMENT_STATES } from './documents.ts';
import { ASSESSMENT_IDENTITY_FIELDS, mergeAssessment, sameAnswer, sameAssessmentIdentity, stableStringify } from './merge.ts';

const T0 = 1_767_225_600_000;

function assessment(overrides: Partial<AssessmentDocument> = {}): AssessmentDocument {
  return {
    id: 'as-1',
    kind: 'campaign',
    learnerId: 'learner-01',
    campaignId: 'camp-1',
    competenceId: null,
    sessionId: null,
    state: 'started',
    startedAt: T0,
    completedAt: null,
    sharedAt: null,
    deviceId: 'dev-1',
    contentVersion: '0123456789abcdef',
    priorChallengeIds: [],
    updatedAt: 10,
    _deleted: false,
    ...overrides,
  };
}

function answer(overrides: Partial<AnswerDocument> = {}): AnswerDocument {
  return {
    id: 'a-1',
    assessmentId: 'as-1',
    learnerId: 'learner-01',
    challengeId: 'rec1',
    value: { kind: 'choice', selected: [2] },
    result: 'ok',
    timeSpentMs: 1_000,
    answeredAt: T0,
    deviceId: 'dev-1',
    index: 0,
    online: true,
    updatedAt: 10,
    _deleted: false,
    ...overrides,
  };
}

/** The fields a merge decides (progress), as opposed to identity and bookkeeping. */
const progress = (doc: AssessmentDocument) => ({ state: doc.state, startedAt: doc.startedAt, completedAt: doc.completedAt, sharedAt: doc.sharedAt, _deleted: doc._deleted });

describe('[SYNC-MERGE-1] assessments merge field by field, forward only', () => {
  it('the state moves forward: started < completed < aborted / ended-by-invigilator < shared, whichever side holds it', () => {
    const expected: [AssessmentState, AssessmentState, AssessmentState][] = [
      ['started', 'completed', 'completed'],
      ['started', 'aborted', 'aborted'],
      ['started', 'ended-by-invigilator', 'ended-by-invigilator'],
      ['started', 'shared', 'shared'],
      ['completed', 'aborted', 'aborted'],
      ['completed', 'ended-by-invigilator', 'ended-by-invigilator'],
      ['completed', 'shared', 'shared'],
      ['aborted', 'shared', 'shared'],
      ['ended-by-invigilator', 'shared', 'shared'],
    ];
    for (const [earlier, later, merged] of expected) {
      expect(mergeAssessment(assessment({ state: earlier }), assessment({ state: later })).state, `${earlier} then ${later}`).toBe(merged);
      expect(mergeAssessment(assessment({ state: later }), assessment({ state: earlier })).state, `${later} then ${earlier}`).toBe(merged);
    }
  });

  it('same state on both sides stays that state', () => {
    for (const state of ASSESSMENT_STATES) expect(mergeAssessment(assessment({ state }), assessment({ state })).state).toBe(state);
  });

  it('aborted and ended by the invigilator rank the same: the invigilator decision stands, in either order', () => {
    expect(mergeAssessment(assessment({ state: 'aborted' }), assessment({ state: 'ended-by-invigilator' })).state).toBe('ended-by-invigilator');
    expect(mergeAssessment(assessment({ state: 'ended-by-invigilator' }), assessment({ state: 'aborted' })).state).toBe('ended-by-invigilator');
  });

  it('the first start wins', () => {
    expect(mergeAssessment(assessment({ startedAt: T0 + 5 }), assessment({ startedAt: T0 })).startedAt).toBe(T0);
    expect(mergeAssessment(assessment({ startedAt: T0 }), assessment({ startedAt: T0 + 5 })).startedAt).toBe(T0);
  });

  it('the first completion and the first sharing win; a missing date never erases a known one', () => {
    const done = assessment({ state: 'completed', completedAt: T0 + 100 });
    expect(mergeAssessment(done, assessment()).completedAt).toBe(T0 + 100);
    expect(mergeAssessment(assessment(), done).completedAt).toBe(T0 + 100);
    expect(mergeAssessment(done, assessment({ state: 'completed', completedAt: T0 + 50 })).completedAt).toBe(T0 + 50);
    expect(mergeAssessment(assessment({ state: 'completed', completedAt: T0 + 50 }), done).completedAt).toBe(T0 + 50);
    expect(mergeAssessment(assessment(), assessment()).completedAt).toBeNull();

    const shared = assessment({ state: 'shared', completedAt: T0 + 100, sharedAt: T0 + 200 });
    expect(mergeAssessment(shared, assessment()).sharedAt).toBe(T0 + 200);
    expect(mergeAssessment(assessment(), shared).sharedAt).toBe(T0 + 200);
    expect(mergeAssessment(shared, { ...shared, sharedAt: T0 + 150 }).sharedAt).toBe(T0 + 150);
    expect(mergeAssessment({ ...shared, sharedAt: T0 + 150 }, shared).sharedAt).toBe(T0 + 150);
    expect(mergeAssessment(assessment(), assessment()).sharedAt).toBeNull();
  });

  it('a deletion is kept once either side has it', () => {
    expect(mergeAssessment(assessment({ _deleted: true }), assessment())._deleted).toBe(true);
    expect(mergeAssessment(assessment(), assessment({ _deleted: true }))._deleted).toBe(true);
    expect(mergeAssessment(assessment(), assessment())._deleted).toBe(false);
  });

  it('everything else comes from the stored side: identity, the starting device, the server updatedAt', () => {
    const stored = assessment({ deviceId: 'dev-1', updatedAt: 10 });
    const incoming = assessment({ kind: 'competence', learnerId: 'learner-02', campaignId: null, competenceId: '1.1', sessionId: 's', contentVersion: 'ffffffffffffffff', deviceId: 'dev-2', updatedAt: 99 });
    const merged = mergeAssessment(stored, incoming);
    expect(merged).toEqual({ ...stored, ...progress(merged) });
    expect(merged.deviceId).toBe('dev-1');
    expect(merged.updatedAt).toBe(10);
  });

  it('commutative, associative and idempotent on progress, over every pair and triple of states', () => {
    const docs = ASSESSMENT_STATES.flatMap((state, i) => [
      assessment({ state, startedAt: T0 + i, completedAt: state === 'started' ? null : T0 + 10 * i, sharedAt: state === 'shared' ? T0 + 100 + i : null }),
      assessment({ state, startedAt: T0 + 7 - i, completedAt: state === 'started' ? null : T0 + 40 - i, sharedAt: state === 'shared' ? T0 + 90 : null, _deleted: i % 2 === 0 }),
    ]);
    for (const a of docs) {
      expect(progress(mergeAssessment(a, a))).toEqual(progress(a));
      for (const b of docs) {
        expect(progress(mergeAssessment(a, b))).toEqual(progress(mergeAssessment(b, a)));
        for (const c of docs) expect(progress(mergeAssessment(mergeAssessment(a, b), c))).toEqual(progress(mergeAssessment(a, mergeAssessment(b, c))));
      }
    }
  });
});

describe('[SYNC-MERGE-2] answers are append-only: only the same content under the same id is the same answer', () => {
  it('ignores the server updatedAt and the order of keys', () => {
    const reordered = Object.fromEntries(Object.entries(answer()).reverse()) as unknown as AnswerDocument;
    expect(sameAnswer(answer(), answer({ updatedAt: 12_345 }))).toBe(true);
    expect(sameAnswer(answer(), reordered)).toBe(true);
  });

  it('any other difference is another answer', () => {
    const changes: Partial<AnswerDocument>[] = [
      { value: { kind: 'choice', selected: [3] } },
      { value: { kind: 'fields', fields: { x: '2' } } },
      { result: 'ko' },
      { learnerId: 'learner-02' },
      { assessmentId: 'as-2' },
      { challengeId: 'rec2' },
      { timeSpentMs: 1_001 },
      { answeredAt: T0 + 1 },
      { deviceId: 'dev-2' },
      { index: 1 },
      { online: false },
      { _deleted: true },
    ];
    for (const change of changes) expect(sameAnswer(answer(), answer(change)), JSON.stringify(change)).toBe(false);
  });
});

describe('[SYNC-MERGE-3] an assessment identity never changes once written', () => {
  it('names kind, learner, campaign, competence, session, content version and the frozen replay inputs', () => {
    expect([...ASSESSMENT_IDENTITY_FIELDS]).toEqual(['kind', 'learnerId', 'campaignId', 'competenceId', 'sessionId', 'contentVersion', 'priorChallengeIds', 'carriedOver']);
  });

  it('a change of any identity field is another identity', () => {
    const changes: Partial<AssessmentDocument>[] = [
      { kind: 'competence' },
      { learnerId: 'learner-02' },
      { campaignId: 'camp-2' },
      { campaignId: null },
      { competenceId: '1.1' },
      { sessionId: 'session-1' },
      { contentVersion: 'fedcba9876543210' },
      { priorChallengeIds: ['chal-seen-elsewhere'] },
      { carriedOver: [] },
    ];
    for (const change of changes) {
      expect(sameAssessmentIdentity(assessment(), assessment(change)), JSON.stringify(change)).toBe(false);
      expect(sameAssessmentIdentity(assessment(change), assessment()), JSON.stringify(change)).toBe(false);
    }
  });

  it('progress, the starting device and bookkeeping are not identity', () => {
    const moved = assessment({ state: 'shared', startedAt: T0 - 5, completedAt: T0 + 1, sharedAt: T0 + 2, deviceId: 'dev-2', updatedAt: 77, _deleted: true });
    expect(sameAssessmentIdentity(assessment(), moved)).toBe(true);
  });
});

describe('stableStringify: equal documents compare equal whatever their key order', () => {
  it('sorts keys at every depth and keeps array order', () => {
    expect(stableStringify({ b: 1, a: { d: [3, { f: 1, e: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"e":2,"f":1}]},"b":1}');
    expect(stableStringify([2, 1])).toBe('[2,1]');
    expect(stableStringify([2, 1])).not.toBe(stableStringify([1, 2]));
  });

  it('leaves out undefined fields, as JSON does', () => {
    expect(stableStringify({ a: 1, b: undefined })).toBe('{"a":1}');
  });

  it('writes primitives as JSON', () => {
    expect(stableStringify('é "x"')).toBe('"é \\"x\\""');
    expect(stableStringify(1.5)).toBe('1.5');
    expect(stableStringify(null)).toBe('null');
    expect(stableStringify(false)).toBe('false');
  });
});
