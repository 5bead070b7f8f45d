/** JSON schemas of the campaign routes (published in the OpenAPI document; responses keep every field listed). */
import { ID_MAX_LENGTH, ID_PATTERN } from '../../src/core/sync/document-specs.ts';
import { CAMPAIGN_TYPES, TARGET_PROFILE_KINDS } from '../../src/core/sync/documents.ts';

export const campaignIdParams = {
  type: 'object',
  required: ['campaignId'],
  properties: { campaignId: { type: 'string', minLength: 1, maxLength: ID_MAX_LENGTH, pattern: ID_PATTERN } },
} as const;

export const participantParams = {
  type: 'object',
  required: ['campaignId', 'learnerId'],
  properties: { ...campaignIdParams.properties, learnerId: { type: 'string', minLength: 1, maxLength: ID_MAX_LENGTH, pattern: ID_PATTERN } },
} as const;

const nullableString = { type: ['string', 'null'] } as const;

export const campaignViewSchema = {
  type: 'object',
  required: ['id', 'code', 'name', 'type', 'title', 'landingText', 'targetSkillIds', 'multipleSendings', 'archivedAt', 'participantCount', 'sharedCount'],
  properties: {
    id: { type: 'string' },
    organizationId: { type: 'string' },
    code: { type: 'string' },
    name: { type: 'string' },
    type: { enum: CAMPAIGN_TYPES },
    title: { type: 'string' },
    landingText: { type: 'string' },
    targetSkillIds: { type: 'array', items: { type: 'string' } },
    multipleSendings: { type: 'boolean' },
    archivedAt: { type: ['integer', 'null'] },
    contentVersion: { type: 'string' },
    externalIdLabel: { type: 'string' },
    targetProfile: { type: 'object', properties: { kind: { enum: TARGET_PROFILE_KINDS }, ids: { type: 'array', items: { type: 'string' } } } },
    ownerId: { type: 'string' },
    createdAt: { type: 'integer' },
    updatedAt: { type: 'integer' },
    _deleted: { type: 'boolean' },
    owner: { type: ['object', 'null'], properties: { id: { type: 'string' }, firstName: { type: 'string' }, lastName: { type: 'string' } } },
    participantCount: { type: 'integer' },
    sharedCount: { type: 'integer' },
    contentPackName: nullableString,
  },
} as const;
