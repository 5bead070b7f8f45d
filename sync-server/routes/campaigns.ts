import type { FastifyInstance } from 'fastify';
import { requireUser } from '../auth/caller.ts';
import type { ContentLibrary } from '../content/content-library.ts';
import type { Store } from '../store/store.ts';
import { createCampaign, listCampaigns } from '../use-cases/campaigns.ts';
import type { CampaignInput } from '../use-cases/campaigns.ts';
import { errorResponses } from './schemas.ts';

const campaignSchema = {
  type: 'object',
  required: ['id', 'code', 'name', 'type'],
  additionalProperties: true,
  properties: { id: { type: 'string' }, code: { type: 'string' }, name: { type: 'string' }, type: { enum: ['ASSESSMENT', 'PROFILES_COLLECTION'] } },
} as const;

/** Longest landing text a teacher may write (DOMAIN.md). */
export const MAX_LANDING_TEXT = 5000;

export function campaignRoutes(app: FastifyInstance, deps: { store: Store; library: ContentLibrary; now: () => number }): void {
  app.get(
    '/api/campaigns',
    { schema: { tags: ['campaigns'], summary: "The caller's organisation's campaigns", security: [{ bearer: [] }], response: { 200: { type: 'array', items: campaignSchema }, ...errorResponses } } },
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
        security: [{ bearer: [] }],
        body: {
          type: 'object',
          required: ['name', 'type', 'title', 'landingText', 'multipleSendings', 'target'],
          additionalProperties: false,
          properties: {
            name: { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S' },
            type: { enum: ['ASSESSMENT', 'PROFILES_COLLECTION'] },
            title: { type: 'string', maxLength: 200 },
            landingText: { type: 'string', maxLength: MAX_LANDING_TEXT },
            multipleSendings: { type: 'boolean' },
            target: {
              oneOf: [
                { type: 'object', required: ['competenceIds'], additionalProperties: false, properties: { competenceIds: { type: 'array', minItems: 1, maxItems: 16, items: { type: 'string', pattern: '^[1-5]\\.[1-4]$' } } } },
                { type: 'object', required: ['tubeIds'], additionalProperties: false, properties: { tubeIds: { type: 'array', minItems: 1, maxItems: 500, items: { type: 'string', minLength: 2, maxLength: 100 } } } },
              ],
            },
          },
        },
        response: { 201: campaignSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = requireUser(request, ['admin', 'member']);
      const campaign = await createCampaign(deps.store, deps.library, caller.organizationId, request.body, deps.now());
      return reply.status(201).send(campaign);
    },
  );
}
