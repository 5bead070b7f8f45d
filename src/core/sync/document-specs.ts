/**
 * One description of each replicated document ([DOC-1]): its fields, their types, enums and bounds, which are
 * required, which may be null, which the relay sets. The lab machine's RxDB schemas (workers/db/schemas.ts) and
 * the relay's push validation (sync-server/replication/document-schemas.ts) are both derived from these, so a
 * document one side accepts is a document the other side accepts. Field schemas use only the JSON-schema words
 * both RxDB and Ajv read the same way (no `const`, no `$ref`).
 */
import { ANSWER_RESULTS } from '../content/types.ts';
import { KNOWLEDGE_SOURCES, KNOWLEDGE_STATUSES } from '../knowledge/knowledge-element.ts';
import type { AnswerDocument, AssessmentDocument, CampaignDocument, CertificationSessionDocument, CollectionName, DocumentBase, LearnerDocument, LearnerEventDocument } from './documents.ts';
import { ASSESSMENT_KINDS, ASSESSMENT_STATES, CAMPAIGN_TYPES, CERTIFICATION_ABORT_REASONS, CERTIFICATION_SESSION_STATUSES, LEARNER_EVENT_KINDS, MAX_PROBLEM_COMMENT, PROBLEM_CATEGORIES, TARGET_PROFILE_KINDS } from './documents.ts';

/** The JSON-schema subset of the specs (what RxDB's JsonSchema and Ajv both understand). */
export interface FieldSchema {
  readonly type?: 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array';
  readonly enum?: readonly string[];
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly multipleOf?: number;
  readonly items?: FieldSchema;
  readonly maxItems?: number;
  readonly uniqueItems?: boolean;
  readonly properties?: Readonly<Record<string, FieldSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | FieldSchema;
  readonly maxProperties?: number;
  readonly oneOf?: readonly FieldSchema[];
}

export interface FieldSpec {
  readonly schema: FieldSchema;
  /** Always present, and may be null. */
  readonly nullable?: boolean;
  /** May be absent altogether. */
  readonly optional?: boolean;
  /** Set by the relay when it stores the document: a client may leave it out of a push. */
  readonly serverSet?: boolean;
}

export interface DocumentSpec<T extends DocumentBase> {
  readonly collection: CollectionName;
  /** Every field of the document type, no more (the mapped type makes the compiler check both ways). */
  readonly fields: { readonly [K in keyof T]-?: FieldSpec };
  /**
   * Indexes on the lab machine. RxDB requires indexed fields to be required and bounded (maxLength for strings;
   * minimum, maximum and multipleOf for numbers): the spec's bounds serve both sides.
   */
  readonly indexes: readonly ((keyof T & string) | readonly (keyof T & string)[])[];
}

/** Longest id of a document (RxDB indexes need a bound); ids are ASCII, so a push cannot smuggle look-alikes. */
export const ID_MAX_LENGTH = 100;
export const ID_PATTERN = '^[A-Za-z0-9_.:-]+$';
/** A day: time spent on one challenge is recorded up to this (the lab machine caps what it records). */
export const MAX_TIME_SPENT_MS = 86_400_000;
/** Highest answer position in one assessment. */
export const MAX_ANSWER_INDEX = 10_000;
/** Most challenges a test's frozen prior-seen list holds ([REPLAY-2]); the machine keeps the first ones by id. */
export const MAX_PRIOR_CHALLENGES = 1000;
/** Most knowledge elements a retry carries over ([REPLAY-5]): one per target skill at most. */
export const MAX_CARRIED_OVER = 2000;
/** Longest label of a campaign's external id ("Numéro d'élève"). */
export const MAX_EXTERNAL_ID_LABEL = 255;
/** Largest JavaScript Date, in ms since epoch. */
const MAX_TIMESTAMP = 8_640_000_000_000_000;

const id: FieldSchema = { type: 'string', minLength: 1, maxLength: ID_MAX_LENGTH, pattern: ID_PATTERN };
const text: FieldSchema = { type: 'string' };
const boolean: FieldSchema = { type: 'boolean' };
const timestamp: FieldSchema = { type: 'integer', minimum: 0, maximum: MAX_TIMESTAMP, multipleOf: 1 };
const challengeId: FieldSchema = { type: 'string', minLength: 1, maxLength: 200 };
const contentVersion: FieldSchema = { type: 'string', maxLength: 64, pattern: '^[0-9a-f]{8,64}$' };
const competenceId: FieldSchema = { type: 'string', maxLength: 3, pattern: '^[1-5]\\.[1-4]$' };

const answerValue: FieldSchema = {
  oneOf: [
    {
      type: 'object',
      required: ['kind', 'selected'],
      additionalProperties: false,
      properties: {
        kind: { type: 'string', enum: ['choice'] },
        selected: { type: 'array', maxItems: 16, items: { type: 'integer', minimum: 1, maximum: 16 } },
      },
    },
    {
      type: 'object',
      required: ['kind', 'fields'],
      additionalProperties: false,
      properties: {
        kind: { type: 'string', enum: ['fields'] },
        fields: { type: 'object', maxProperties: 16, additionalProperties: { type: 'string', maxLength: 2000 } },
      },
    },
  ],
};

const base = {
  id: { schema: id },
  updatedAt: { schema: timestamp, serverSet: true },
  _deleted: { schema: boolean },
} as const satisfies Record<keyof DocumentBase, FieldSpec>;

export const ANSWER_SPEC: DocumentSpec<AnswerDocument> = {
  collection: 'answers',
  fields: {
    ...base,
    assessmentId: { schema: id },
    learnerId: { schema: id },
    challengeId: { schema: challengeId },
    value: { schema: answerValue },
    result: { schema: { type: 'string', enum: ANSWER_RESULTS } },
    timeSpentMs: { schema: { type: 'integer', minimum: 0, maximum: MAX_TIME_SPENT_MS } },
    answeredAt: { schema: timestamp },
    deviceId: { schema: id },
    index: { schema: { type: 'integer', minimum: 0, maximum: MAX_ANSWER_INDEX, multipleOf: 1 } },
    online: { schema: boolean },
  },
  indexes: ['updatedAt', ['assessmentId', 'index']],
};

export const ASSESSMENT_SPEC: DocumentSpec<AssessmentDocument> = {
  collection: 'assessments',
  fields: {
    ...base,
    kind: { schema: { type: 'string', enum: ASSESSMENT_KINDS } },
    learnerId: { schema: id },
    campaignId: { schema: id, nullable: true },
    competenceId: { schema: competenceId, nullable: true },
    sessionId: { schema: id, nullable: true },
    state: { schema: { type: 'string', enum: ASSESSMENT_STATES } },
    startedAt: { schema: timestamp },
    completedAt: { schema: timestamp, nullable: true },
    sharedAt: { schema: timestamp, nullable: true },
    deviceId: { schema: id },
    contentVersion: { schema: contentVersion },
    priorChallengeIds: { schema: { type: 'array', maxItems: MAX_PRIOR_CHALLENGES, uniqueItems: true, items: challengeId } },
    carriedOver: {
      schema: {
        type: 'array',
        maxItems: MAX_CARRIED_OVER,
        items: {
          type: 'object',
          required: ['skillId', 'status', 'source', 'answerId', 'assessmentId'],
          additionalProperties: false,
          properties: {
            skillId: { type: 'string', minLength: 1, maxLength: 200 },
            status: { type: 'string', enum: KNOWLEDGE_STATUSES },
            source: { type: 'string', enum: KNOWLEDGE_SOURCES },
            answerId: id,
            assessmentId: id,
          },
        },
      },
      optional: true,
    },
  },
  indexes: ['learnerId', 'updatedAt'],
};

/** Written by the relay only (pull-only): the spec gives the lab machine its schema. */
export const LEARNER_SPEC: DocumentSpec<LearnerDocument> = {
  collection: 'learners',
  fields: {
    ...base,
    organizationId: { schema: id },
    lastName: { schema: text },
    firstName: { schema: text },
    className: { schema: { type: 'string', maxLength: 100 } },
    birthDateHash: { schema: text },
    birthDateSalt: { schema: text },
    personalCodeHash: { schema: text, optional: true },
    active: { schema: boolean },
  },
  indexes: ['className'],
};

/** Written by the relay only (pull-only): the spec gives the lab machine its schema. */
export const CAMPAIGN_SPEC: DocumentSpec<CampaignDocument> = {
  collection: 'campaigns',
  fields: {
    ...base,
    organizationId: { schema: id },
    code: { schema: { type: 'string', maxLength: 20 } },
    name: { schema: text },
    type: { schema: { type: 'string', enum: CAMPAIGN_TYPES } },
    title: { schema: text },
    landingText: { schema: text },
    targetSkillIds: { schema: { type: 'array', items: text } },
    multipleSendings: { schema: boolean },
    archivedAt: { schema: timestamp, nullable: true },
    contentVersion: { schema: contentVersion, optional: true },
    externalIdLabel: { schema: { type: 'string', maxLength: MAX_EXTERNAL_ID_LABEL }, optional: true },
    targetProfile: {
      schema: {
        type: 'object',
        required: ['kind', 'ids'],
        additionalProperties: false,
        properties: { kind: { type: 'string', enum: TARGET_PROFILE_KINDS }, ids: { type: 'array', maxItems: 500, items: { type: 'string', maxLength: 100 } } },
      },
      optional: true,
    },
    ownerId: { schema: id, optional: true },
    createdAt: { schema: timestamp, optional: true },
  },
  indexes: ['code'],
};

/**
 * What a student does besides answering (problem reports, tutorials, competence resets): append-only like answers.
 * Which fields each kind fills is a rule across fields, added by the relay to the derived schema
 * (sync-server/replication/event-document-schema.ts).
 */
export const LEARNER_EVENT_SPEC: DocumentSpec<LearnerEventDocument> = {
  collection: 'events',
  fields: {
    ...base,
    kind: { schema: { type: 'string', enum: LEARNER_EVENT_KINDS } },
    learnerId: { schema: id },
    assessmentId: { schema: id, nullable: true },
    challengeId: { schema: challengeId, nullable: true },
    competenceId: { schema: competenceId, nullable: true },
    category: { schema: { type: 'string', enum: PROBLEM_CATEGORIES }, nullable: true },
    comment: { schema: { type: 'string', maxLength: MAX_PROBLEM_COMMENT }, nullable: true },
    tutorialId: { schema: { type: 'string', minLength: 1, maxLength: 200 }, nullable: true },
    at: { schema: timestamp },
    deviceId: { schema: id },
  },
  indexes: ['learnerId', 'updatedAt'],
};

/** Most candidates in one certification session (DOMAIN.md, [CERT-4]). */
export const MAX_SESSION_CANDIDATES = 20;

const certificationCandidate: FieldSchema = {
  type: 'object',
  required: ['id', 'learnerId', 'lastName', 'firstName', 'birthplace', 'extraTimePercent', 'externalId', 'accessibilityNeeds', 'addedAt'],
  additionalProperties: false,
  properties: {
    id,
    learnerId: id,
    lastName: { type: 'string', maxLength: 200 },
    firstName: { type: 'string', maxLength: 200 },
    birthplace: { type: 'string', maxLength: 200 },
    extraTimePercent: { type: 'integer', minimum: 0, maximum: 100 },
    externalId: { type: 'string', maxLength: 255 },
    accessibilityNeeds: { type: 'string', maxLength: 1000 },
    addedAt: timestamp,
    presenceConfirmedAt: timestamp,
    endedByInvigilatorAt: timestamp,
    resumeAuthorizations: { type: 'integer', minimum: 0, maximum: 1000 },
    abortReason: { type: 'string', enum: CERTIFICATION_ABORT_REASONS },
  },
};

/**
 * Written by the relay only (pull-only, [CERT-1]): a session with its candidates embedded, so that a lab machine
 * holds in one collection what its candidates need offline (RxDB's free storage opens few collections).
 */
export const CERTIFICATION_SESSION_SPEC: DocumentSpec<CertificationSessionDocument> = {
  collection: 'certification-sessions',
  fields: {
    ...base,
    organizationId: { schema: id },
    room: { schema: { type: 'string', maxLength: 200 } },
    address: { schema: { type: 'string', maxLength: 500 } },
    date: { schema: { type: 'string', maxLength: 10, pattern: '^\\d{4}-\\d{2}-\\d{2}$' } },
    time: { schema: { type: 'string', maxLength: 5, pattern: '^\\d{2}:\\d{2}$' } },
    examiner: { schema: { type: 'string', maxLength: 200 } },
    description: { schema: { type: 'string', maxLength: 2000 } },
    accessCode: { schema: { type: 'string', maxLength: 20 } },
    status: { schema: { type: 'string', enum: CERTIFICATION_SESSION_STATUSES } },
    createdAt: { schema: timestamp },
    createdBy: { schema: id },
    candidates: { schema: { type: 'array', maxItems: MAX_SESSION_CANDIDATES, items: certificationCandidate } },
    finalisedAt: { schema: timestamp, nullable: true },
    finalisation: {
      schema: {
        type: 'object',
        required: ['comment', 'hasIncident', 'hasJoiningIssue'],
        additionalProperties: false,
        properties: { comment: { type: 'string', maxLength: 5000 }, hasIncident: boolean, hasJoiningIssue: boolean },
      },
      nullable: true,
    },
    processedAt: { schema: timestamp, nullable: true },
  },
  indexes: ['accessCode'],
};

/** Field names of a spec, in declaration order. */
export function fieldNames<T extends DocumentBase>(spec: DocumentSpec<T>): (keyof T & string)[] {
  return Object.keys(spec.fields) as (keyof T & string)[];
}
