/**
 * JSON schemas of the documents clients push (and, for OpenAPI, of what they pull). Pushed documents may omit
 * `updatedAt` (the relay sets it); anything not listed is refused so that a typo cannot slip into the log.
 */
import { ANSWER_RESULTS } from '../../src/core/content/types.ts';
import { ASSESSMENT_KINDS, ASSESSMENT_STATES } from '../../src/core/sync/documents.ts';

const id = { type: 'string', minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_.:-]+$' } as const;
const timestamp = { type: 'number', minimum: 0, maximum: 8_640_000_000_000_000 } as const;
const nullableId = { anyOf: [id, { type: 'null' }] } as const;

const answerValue = {
  oneOf: [
    {
      type: 'object',
      required: ['kind', 'selected'],
      additionalProperties: false,
      properties: { kind: { const: 'choice' }, selected: { type: 'array', maxItems: 16, items: { type: 'integer', minimum: 1, maximum: 16 } } },
    },
    {
      type: 'object',
      required: ['kind', 'fields'],
      additionalProperties: false,
      properties: {
        kind: { const: 'fields' },
        fields: { type: 'object', maxProperties: 16, additionalProperties: { type: 'string', maxLength: 2000 } },
      },
    },
  ],
} as const;

export const answerDocumentSchema = {
  type: 'object',
  required: ['id', 'assessmentId', 'learnerId', 'challengeId', 'value', 'result', 'timeSpentMs', 'answeredAt', 'deviceId', 'index', '_deleted'],
  additionalProperties: false,
  properties: {
    id,
    assessmentId: id,
    learnerId: id,
    challengeId: { type: 'string', minLength: 1, maxLength: 200 },
    value: answerValue,
    result: { enum: ANSWER_RESULTS },
    timeSpentMs: { type: 'integer', minimum: 0, maximum: 86_400_000 },
    answeredAt: timestamp,
    deviceId: id,
    index: { type: 'integer', minimum: 0, maximum: 10_000 },
    updatedAt: timestamp,
    _deleted: { type: 'boolean' },
  },
} as const;

export const assessmentDocumentSchema = {
  type: 'object',
  required: ['id', 'kind', 'learnerId', 'campaignId', 'competenceId', 'sessionId', 'state', 'startedAt', 'completedAt', 'sharedAt', 'deviceId', 'contentVersion', '_deleted'],
  additionalProperties: false,
  properties: {
    id,
    kind: { enum: ASSESSMENT_KINDS },
    learnerId: id,
    campaignId: nullableId,
    competenceId: { anyOf: [{ type: 'string', pattern: '^[1-5]\\.[1-4]$' }, { type: 'null' }] },
    sessionId: nullableId,
    state: { enum: ASSESSMENT_STATES },
    startedAt: timestamp,
    completedAt: { anyOf: [timestamp, { type: 'null' }] },
    sharedAt: { anyOf: [timestamp, { type: 'null' }] },
    deviceId: id,
    contentVersion: { type: 'string', pattern: '^[0-9a-f]{8,64}$' },
    updatedAt: timestamp,
    _deleted: { type: 'boolean' },
  },
} as const;

/** Pull-only collections are described loosely: the relay writes them itself. */
export const serverDocumentSchema = {
  type: 'object',
  required: ['id', 'updatedAt', '_deleted'],
  additionalProperties: true,
  properties: { id: { type: 'string' }, updatedAt: { type: 'number' }, _deleted: { type: 'boolean' } },
} as const;
