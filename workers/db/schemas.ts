/**
 * RxDB schemas of the lab machine's replicated collections (few, as RxDB's free storage opens at most ~13).
 * Indexed fields are required (Dexie storage). `updatedAt` is 0 until the relay has stored the document: that is
 * how a machine counts what it still has to send.
 */
import type { RxJsonSchema } from 'rxdb/plugins/core';
import type { AnswerDocument, AssessmentDocument, CampaignDocument, LearnerDocument } from '../../src/core/sync/documents.ts';

const id = { type: 'string', maxLength: 100 } as const;
const updatedAt = { type: 'number', minimum: 0, maximum: 8_640_000_000_000_000, multipleOf: 1 } as const;
const nullableString = { type: ['string', 'null'] } as const;
const nullableNumber = { type: ['number', 'null'] } as const;

export const answerSchema: RxJsonSchema<AnswerDocument> = {
  title: 'answers',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id,
    assessmentId: id,
    learnerId: id,
    challengeId: { type: 'string' },
    value: { type: 'object' },
    result: { type: 'string' },
    timeSpentMs: { type: 'number' },
    answeredAt: { type: 'number' },
    deviceId: { type: 'string' },
    index: { type: 'number', minimum: 0, maximum: 10_000, multipleOf: 1 },
    updatedAt,
    _deleted: { type: 'boolean' },
  },
  required: ['id', 'assessmentId', 'learnerId', 'challengeId', 'value', 'result', 'timeSpentMs', 'answeredAt', 'deviceId', 'index', 'updatedAt'],
  indexes: ['updatedAt', ['assessmentId', 'index']],
};

export const assessmentSchema: RxJsonSchema<AssessmentDocument> = {
  title: 'assessments',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id,
    kind: { type: 'string' },
    learnerId: id,
    campaignId: nullableString,
    competenceId: nullableString,
    sessionId: nullableString,
    state: { type: 'string' },
    startedAt: { type: 'number' },
    completedAt: nullableNumber,
    sharedAt: nullableNumber,
    deviceId: { type: 'string' },
    contentVersion: { type: 'string' },
    updatedAt,
    _deleted: { type: 'boolean' },
  },
  required: ['id', 'kind', 'learnerId', 'state', 'startedAt', 'deviceId', 'contentVersion', 'updatedAt'],
  indexes: ['learnerId', 'updatedAt'],
};

export const learnerSchema: RxJsonSchema<LearnerDocument> = {
  title: 'learners',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id,
    organizationId: { type: 'string' },
    lastName: { type: 'string' },
    firstName: { type: 'string' },
    className: { type: 'string', maxLength: 100 },
    birthDateHash: { type: 'string' },
    birthDateSalt: { type: 'string' },
    personalCodeHash: { type: 'string' },
    active: { type: 'boolean' },
    updatedAt,
    _deleted: { type: 'boolean' },
  },
  required: ['id', 'organizationId', 'lastName', 'firstName', 'className', 'birthDateHash', 'birthDateSalt', 'active', 'updatedAt'],
  indexes: ['className'],
};

export const campaignSchema: RxJsonSchema<CampaignDocument> = {
  title: 'campaigns',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id,
    organizationId: { type: 'string' },
    code: { type: 'string', maxLength: 20 },
    name: { type: 'string' },
    type: { type: 'string' },
    title: { type: 'string' },
    landingText: { type: 'string' },
    targetSkillIds: { type: 'array', items: { type: 'string' } },
    multipleSendings: { type: 'boolean' },
    archivedAt: nullableNumber,
    updatedAt,
    _deleted: { type: 'boolean' },
  },
  required: ['id', 'organizationId', 'code', 'name', 'type', 'updatedAt'],
  indexes: ['code'],
};
