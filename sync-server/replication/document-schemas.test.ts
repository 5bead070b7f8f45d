import { Ajv } from 'ajv';
import { checkSchema } from 'rxdb/plugins/dev-mode';
import { describe, expect, it } from 'vitest';
import { ANSWER_SPEC, ASSESSMENT_SPEC, MAX_PRIOR_CHALLENGES, MAX_TIME_SPENT_MS } from '../../src/core/sync/document-specs.ts';
import { REPLICATED_COLLECTIONS } from '../../src/core/sync/documents.ts';
import { learnerEventSchema } from '../../workers/db/event-schema.ts';
import { answerSchema, assessmentSchema, campaignSchema, certificationSessionSchema, learnerSchema } from '../../workers/db/schemas.ts';
import { answerDocumentSchema, assessmentDocumentSchema } from './document-schemas.ts';
import { learnerEventDocumentSchema } from './event-document-schema.ts';

type Json = Record<string, unknown>;

/** A field as RxDB says it: its non-null schema and whether null is allowed (`type: [t, 'null']`). */
function rxField(schema: Json): { base: Json; nullable: boolean } {
  const type = schema.type;
  if (Array.isArray(type) && type.includes('null')) return { base: { ...schema, type: type.find((t) => t !== 'null') }, nullable: true };
  return { base: schema, nullable: false };
}

/** A field as the relay's Ajv says it: `anyOf: [schema, {type: 'null'}]` when null is allowed. */
function pushField(schema: Json): { base: Json; nullable: boolean } {
  const anyOf = schema.anyOf as Json[] | undefined;
  if (anyOf?.length === 2 && anyOf.some((s) => s.type === 'null')) return { base: anyOf.find((s) => s.type !== 'null') ?? {}, nullable: true };
  return { base: schema, nullable: false };
}

const pushed = [
  { name: 'answers', rx: answerSchema, push: answerDocumentSchema },
  { name: 'assessments', rx: assessmentSchema, push: assessmentDocumentSchema },
  { name: 'events', rx: learnerEventSchema, push: learnerEventDocumentSchema },
] as const;
const rxSchemas = [answerSchema, assessmentSchema, learnerSchema, campaignSchema, learnerEventSchema, certificationSessionSchema];

describe('one description per replicated document', () => {
  for (const { name, rx, push } of pushed) {
    it(`[DOC-1] ${name}: the lab machine's RxDB schema and the relay's push schema agree field by field`, () => {
      const rxProperties = rx.properties as unknown as Record<string, Json>;
      expect(Object.keys(push.properties).sort()).toEqual(Object.keys(rxProperties).sort());
      for (const field of Object.keys(push.properties)) {
        // Types, enums, bounds, id patterns and nullability: the same on both sides.
        expect(pushField(push.properties[field] as Json), field).toEqual(rxField(rxProperties[field] ?? {}));
      }
      // Required: the same, except what the relay sets itself (a push may leave `updatedAt` out).
      expect([...push.required, 'updatedAt'].sort()).toEqual([...(rx.required ?? [])].sort());
      expect(push.additionalProperties).toBe(false);
    });
  }

  it('[DOC-1] every replicated collection has a spec the lab machine derives its schema from', () => {
    expect(rxSchemas.map((s) => s.title).sort()).toEqual([...REPLICATED_COLLECTIONS].sort());
  });

  it('[DOC-2] the derived RxDB schemas pass RxDB\'s own schema checks (indexed fields required and bounded)', () => {
    for (const schema of rxSchemas) {
      expect(() => checkSchema(schema as never), schema.title).not.toThrow();
      for (const index of schema.indexes ?? []) {
        for (const field of typeof index === 'string' ? [index] : index) expect(schema.required, `${schema.title}.${field}`).toContain(field);
      }
    }
  });

  describe('[DOC-1] the relay accepts exactly what the spec describes', () => {
    const ajv = new Ajv({ allErrors: true, strict: true });
    const validAnswer = {
      id: 'as-1:0', assessmentId: 'as-1', learnerId: 'learner-1', challengeId: 'rec-1', value: { kind: 'choice', selected: [1, 3] }, result: 'timedout',
      timeSpentMs: MAX_TIME_SPENT_MS, answeredAt: 1_767_225_600_000, deviceId: 'dev-1', index: 0, online: false, _deleted: false,
    };
    const validAssessment = {
      id: 'as-1', kind: 'campaign', learnerId: 'learner-1', campaignId: 'c-1', competenceId: null, sessionId: null, state: 'started', startedAt: 1, completedAt: null,
      sharedAt: null, deviceId: 'dev-1', contentVersion: '0123456789abcdef', priorChallengeIds: ['rec-1', 'rec-2'], _deleted: false,
    };

    it('answers: the flag of the choice is required; result, time, ids and values are bounded', () => {
      const valid = ajv.compile(answerDocumentSchema);
      expect(valid(validAnswer)).toBe(true);
      expect(valid({ ...validAnswer, value: { kind: 'fields', fields: { a: 'x'.repeat(2000) } }, updatedAt: 5 })).toBe(true);
      const { online: _online, ...withoutFlag } = validAnswer;
      for (const bad of [
        withoutFlag,
        { ...validAnswer, online: 'yes' },
        { ...validAnswer, result: 'maybe' },
        { ...validAnswer, timeSpentMs: MAX_TIME_SPENT_MS + 1 },
        { ...validAnswer, timeSpentMs: 1.5 },
        { ...validAnswer, id: 'as 1' },
        { ...validAnswer, challengeId: '' },
        { ...validAnswer, index: 1.5 },
        { ...validAnswer, answeredAt: 1.5 },
        { ...validAnswer, value: { kind: 'choice', selected: Array.from({ length: 17 }, () => 1) } },
        { ...validAnswer, value: { kind: 'fields', fields: { a: 'x'.repeat(2001) } } },
        { ...validAnswer, extra: 1 },
      ]) {
        expect(valid(bad), JSON.stringify(bad).slice(0, 120)).toBe(false);
      }
    });

    it('assessments: the frozen prior-seen list is required, unique and bounded', () => {
      const valid = ajv.compile(assessmentDocumentSchema);
      expect(valid(validAssessment)).toBe(true);
      expect(valid({ ...validAssessment, kind: 'competence', campaignId: null, competenceId: '3.4', priorChallengeIds: [] })).toBe(true);
      const carried = { skillId: '@a2', status: 'validated', source: 'inferred', answerId: 'as-0:1', assessmentId: 'as-0' };
      expect(valid({ ...validAssessment, carriedOver: [carried] })).toBe(true);
      expect(valid({ ...validAssessment, carriedOver: [{ ...carried, status: 'maybe' }] })).toBe(false);
      expect(valid({ ...validAssessment, carriedOver: [{ ...carried, extra: 1 }] })).toBe(false);
      const { priorChallengeIds: _prior, ...withoutPrior } = validAssessment;
      for (const bad of [
        withoutPrior,
        { ...validAssessment, priorChallengeIds: ['rec-1', 'rec-1'] },
        { ...validAssessment, priorChallengeIds: Array.from({ length: MAX_PRIOR_CHALLENGES + 1 }, (_, k) => `rec-${k}`) },
        { ...validAssessment, competenceId: '6.1' },
        { ...validAssessment, contentVersion: 'NOT-A-HASH' },
        { ...validAssessment, state: 'paused' },
        { ...validAssessment, campaignId: 'c 1' },
      ]) {
        expect(valid(bad), JSON.stringify(bad).slice(0, 120)).toBe(false);
      }
    });

    it('the specs name the fields of the replay', () => {
      expect(ANSWER_SPEC.fields.online.schema).toEqual({ type: 'boolean' });
      expect(ASSESSMENT_SPEC.fields.priorChallengeIds.schema).toMatchObject({ type: 'array', uniqueItems: true, maxItems: MAX_PRIOR_CHALLENGES });
      expect(ASSESSMENT_SPEC.fields.carriedOver).toMatchObject({ optional: true, schema: { type: 'array' } });
    });
  });
});
