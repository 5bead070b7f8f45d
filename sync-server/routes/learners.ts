import type { FastifyInstance } from 'fastify';
import { requireUser } from '../auth/caller.ts';
import type { Store } from '../store/store.ts';
import { issuePersonalCode, unlockLearnerSignIn } from '../use-cases/learner-sign-in.ts';
import { errorResponses, errorSchema } from './schemas.ts';

export function learnerRoutes(app: FastifyInstance, deps: { store: Store; now: () => number }): void {
  app.post<{ Params: { learnerId: string } }>(
    '/api/learners/:learnerId/personal-code',
    {
      schema: {
        tags: ['learners'],
        summary: 'Give a student a new personal code (replaces the previous one); the code is shown only in this answer',
        security: [{ bearer: [] }],
        params: { type: 'object', required: ['learnerId'], properties: { learnerId: { type: 'string', minLength: 1, maxLength: 100 } } },
        response: {
          201: { type: 'object', required: ['learnerId', 'code'], properties: { learnerId: { type: 'string' }, code: { type: 'string', description: 'e.g. ABCD-EFGH' } } },
          404: errorSchema,
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const caller = requireUser(request, ['admin', 'member']);
      const issued = await issuePersonalCode(deps.store, caller.organizationId, request.params.learnerId, deps.now());
      return reply.status(201).header('Cache-Control', 'no-store').send(issued);
    },
  );

  app.post<{ Params: { learnerId: string } }>(
    '/api/learners/:learnerId/unlock-sign-in',
    {
      schema: {
        tags: ['learners'],
        summary: "Lift the lock on a student's relay sign-in after too many failures (a teacher or admin of the school)",
        security: [{ bearer: [] }],
        params: { type: 'object', required: ['learnerId'], properties: { learnerId: { type: 'string', minLength: 1, maxLength: 100 } } },
        response: { 204: { type: 'null' }, 404: errorSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = requireUser(request, ['admin', 'member']);
      await unlockLearnerSignIn(deps.store, caller.organizationId, request.params.learnerId);
      return reply.status(204).send();
    },
  );
}
