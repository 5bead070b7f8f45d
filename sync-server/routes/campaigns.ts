/**
 * Campaigns ("Campagnes", [CAMPAIGNS-1] … [CAMPAIGNS-5]): list, create, read, "Modifier", "Archiver". Admins and
 * teachers of the school only; every lookup is made within the caller's organisation, so another school's campaign
 * is the same 404 as one that does not exist.
 */
import type { FastifyInstance } from 'fastify';
import { requireUser } from '../auth/caller.ts';
import type { ContentLibrary } from '../content/content-library.ts';
import type { Store } from '../store/store.ts';
import { createCampaign, getCampaign, listCampaigns, MAX_CAMPAIGN_NAME } from '../use-cases/campaigns.ts';
import type { CampaignInput } from '../use-cases/campaigns.ts';
import { editCampaign, setArchived } from '../use-cases/edit-campaign.ts';
import type { CampaignChanges } from '../use-cases/edit-campaign.ts';
import { MAX_EXTERNAL_ID_LABEL } from '../../src/core/sync/document-specs.ts';
import { CAMPAIGN_TYPES } from '../../src/core/sync/documents.ts';
import { campaignIdParams, campaignViewSchema } from './campaign-schemas.ts';
import { errorResponses, errorSchema } from './schemas.ts';

/** Body guards only: the limits teachers meet (5000 characters of landing text…) are checked with French messages. */
const LONG_TEXT = 20_000;

const targetSchema = {
  oneOf: [
    { type: 'object', required: ['competenceIds'], additionalProperties: false, properties: { competenceIds: { type: 'array', minItems: 1, maxItems: 16, items: { type: 'string', pattern: '^[1-5]\\.[1-4]$' } } } },
    { type: 'object', required: ['tubeIds'], additionalProperties: false, properties: { tubeIds: { type: 'array', minItems: 1, maxItems: 500, items: { type: 'string', minLength: 2, maxLength: 100 } } } },
  ],
} as const;

const editableProperties = {
  name: { type: 'string', maxLength: MAX_CAMPAIGN_NAME * 4 },
  title: { type: 'string', maxLength: MAX_CAMPAIGN_NAME * 4 },
  landingText: { type: 'string', maxLength: LONG_TEXT },
  multipleSendings: { type: 'boolean' },
  target: targetSchema,
  externalIdLabel: { type: ['string', 'null'], maxLength: MAX_EXTERNAL_ID_LABEL },
  contentVersion: { type: ['string', 'null'], pattern: '^[0-9a-f]{8,64}$' },
} as const;

export function campaignRoutes(app: FastifyInstance, deps: { store: Store; library: ContentLibrary; now: () => number }): void {
  app.get(
    '/api/campaigns',
    {
      schema: {
        tags: ['campaigns'],
        summary: "The caller's organisation's campaigns, newest first, with creator, participants and results received",
        security: [{ bearer: [] }],
        response: { 200: { type: 'array', items: campaignViewSchema }, ...errorResponses },
      },
    },
    async (request) => {
      const caller = requireUser(request, ['admin', 'member']);
      return listCampaigns(deps.store, caller.organizationId);
    },
  );

  app.post<{ Body: CampaignInput }>(
    '/api/campaigns',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'Create a campaign (code generated); it replicates to the lab machines',
        description:
          'A profiles collection needs no target. `contentVersion`: a pack the school imported (GET /api/content/packs), or null for the built-in pack. ' +
          'The landing text is at most 5000 characters; the name is required.',
        security: [{ bearer: [] }],
        body: {
          type: 'object',
          required: ['name', 'type', 'title', 'landingText', 'multipleSendings'],
          additionalProperties: false,
          properties: { ...editableProperties, type: { enum: CAMPAIGN_TYPES } },
        },
        response: { 201: campaignViewSchema, 503: errorSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = requireUser(request, ['admin', 'member']);
      const campaign = await createCampaign(deps, caller.organizationId, caller.userId, request.body, deps.now());
      return reply.status(201).send(campaign);
    },
  );

  app.get<{ Params: { campaignId: string } }>(
    '/api/campaigns/:campaignId',
    {
      schema: { tags: ['campaigns'], summary: 'One campaign of the organisation', security: [{ bearer: [] }], params: campaignIdParams, response: { 200: campaignViewSchema, 404: errorSchema, ...errorResponses } },
    },
    async (request) => {
      const caller = requireUser(request, ['admin', 'member']);
      return getCampaign(deps.store, caller.organizationId, request.params.campaignId);
    },
  );

  app.patch<{ Params: { campaignId: string }; Body: CampaignChanges }>(
    '/api/campaigns/:campaignId',
    {
      schema: {
        tags: ['campaigns'],
        summary: '"Modifier": texts at any time; multiple sendings, target profile and content pack only until someone took part (409 campaign_started)',
        description: 'Its creator and the school admins only (403); an archived campaign is not edited (409 campaign_archived).',
        security: [{ bearer: [] }],
        params: campaignIdParams,
        body: { type: 'object', additionalProperties: false, minProperties: 1, properties: editableProperties },
        response: { 200: campaignViewSchema, 404: errorSchema, 409: errorSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = requireUser(request, ['admin', 'member']);
      return editCampaign(deps, caller, request.params.campaignId, request.body, deps.now());
    },
  );

  for (const [action, archived] of [['archive', true], ['unarchive', false]] as const) {
    app.post<{ Params: { campaignId: string } }>(
      `/api/campaigns/:campaignId/${action}`,
      {
        schema: {
          tags: ['campaigns'],
          summary: archived ? '"Archiver": students can no longer start it; it is still followed and exported' : '"Désarchiver": students can start it again',
          security: [{ bearer: [] }],
          params: campaignIdParams,
          response: { 200: campaignViewSchema, 404: errorSchema, ...errorResponses },
        },
      },
      async (request) => {
        const caller = requireUser(request, ['admin', 'member']);
        return setArchived(deps, caller, request.params.campaignId, archived, deps.now());
      },
    );
  }
}
