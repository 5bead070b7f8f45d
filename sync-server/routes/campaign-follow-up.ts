/**
 * Following a campaign ([CAMPAIGNS-6] … [CAMPAIGNS-9]): "Activité", "Résultats", "Analyse", a participant's page and
 * "Exporter les résultats (.csv)". Admins and teachers of the campaign's school only; another school's campaign or
 * learner is the same 404 as an unknown one. Results are those the relay recomputed, and only once sent.
 */
import type { FastifyInstance } from 'fastify';
import { requireUser } from '../auth/caller.ts';
import { PARTICIPATION_STATUSES } from '../../src/core/campaign/participation-status.ts';
import type { ContentLibrary } from '../content/content-library.ts';
import type { RecomputeQueue } from '../results/recompute-queue.ts';
import type { Store } from '../store/store.ts';
import { campaignActivity } from '../use-cases/campaign-activity.ts';
import type { ActivityFilters } from '../use-cases/campaign-activity.ts';
import { campaignAnalysis } from '../use-cases/campaign-analysis.ts';
import { exportCampaign } from '../use-cases/campaign-export.ts';
import { campaignParticipant } from '../use-cases/campaign-participant.ts';
import { campaignResults } from '../use-cases/campaign-results.ts';
import { campaignIdParams, participantParams } from './campaign-schemas.ts';
import { errorResponses, errorSchema } from './schemas.ts';

export interface FollowUpDeps {
  store: Store;
  library: ContentLibrary;
  recompute: Pick<RecomputeQueue, 'settled'>;
}

/** Follow-up answers are documented in the OpenAPI description; their nested figures are passed through whole. */
const openObject = { type: 'object', additionalProperties: true } as const;
const tags = ['campaigns'];
const security = [{ bearer: [] }];

export function campaignFollowUpRoutes(app: FastifyInstance, deps: FollowUpDeps): void {
  app.get<{ Params: { campaignId: string }; Querystring: ActivityFilters }>(
    '/api/campaigns/:campaignId/activity',
    {
      schema: {
        tags,
        security,
        summary: '"Activité": participants by status (STARTED, TO_SHARE, SHARED), participation per day, the participant list filtered by class, status and name',
        params: campaignIdParams,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { className: { type: 'string', maxLength: 100 }, status: { enum: PARTICIPATION_STATUSES }, name: { type: 'string', maxLength: 100 } },
        },
        response: { 200: openObject, 404: errorSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = requireUser(request, ['admin', 'member']);
      return campaignActivity(deps, caller.organizationId, request.params.campaignId, request.query);
    },
  );

  app.get<{ Params: { campaignId: string } }>(
    '/api/campaigns/:campaignId/results',
    {
      schema: {
        tags,
        security,
        summary: '"Résultats": sent results only: stages with their counts, per-competence averages, participants with their stage (or, for a profiles collection, their profile)',
        params: campaignIdParams,
        response: { 200: openObject, 404: errorSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = requireUser(request, ['admin', 'member']);
      return campaignResults(deps, caller.organizationId, request.params.campaignId);
    },
  );

  app.get<{ Params: { campaignId: string } }>(
    '/api/campaigns/:campaignId/analysis',
    {
      schema: {
        tags,
        security,
        summary: '"Analyse": topics least mastered, tutorials to suggest, distribution per competence (assessment campaigns; 409 for a profiles collection)',
        params: campaignIdParams,
        response: { 200: openObject, 404: errorSchema, 409: errorSchema, 503: errorSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = requireUser(request, ['admin', 'member']);
      return campaignAnalysis(deps, caller.organizationId, request.params.campaignId);
    },
  );

  app.get<{ Params: { campaignId: string; learnerId: string } }>(
    '/api/campaigns/:campaignId/participants/:learnerId',
    {
      schema: {
        tags,
        security,
        summary: "A participant's page: progress, dates, attempts; mastery and per-competence figures once sent",
        params: participantParams,
        response: { 200: openObject, 404: errorSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = requireUser(request, ['admin', 'member']);
      return campaignParticipant(deps, caller.organizationId, request.params.campaignId, request.params.learnerId);
    },
  );

  app.get<{ Params: { campaignId: string } }>(
    '/api/campaigns/:campaignId/export.csv',
    {
      schema: {
        tags,
        security,
        summary: '"Exporter les résultats (.csv)": UTF-8 with BOM, `;` separated, French dates, cells safe from formulas; the columns of DOMAIN.md',
        params: campaignIdParams,
        produces: ['text/csv'],
        response: { 200: { type: 'string' }, 404: errorSchema, 503: errorSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = requireUser(request, ['admin', 'member']);
      const file = await exportCampaign(deps, caller.organizationId, request.params.campaignId);
      return reply
        .type('text/csv; charset=utf-8')
        .header('Content-Disposition', `attachment; filename="${file.fileName}"`)
        .header('Cache-Control', 'no-store')
        .send(file.csv);
    },
  );
}
