/**
 * [AUTH-8] How the school's students may sign in on the relay: by name and birth date or a personal code (the
 * default), or by personal code only, so that a birth date reversed from a lab machine's roster opens nothing on
 * the relay (docs/adr/0004). Lab machines' offline sign-in is not concerned.
 */
import type { FastifyInstance } from 'fastify';
import { requireUser } from '../auth/caller.ts';
import { LEARNER_SIGN_IN_MODES } from '../store/store.ts';
import type { LearnerSignInMode, Store } from '../store/store.ts';
import { errorResponses } from './schemas.ts';

const modeSchema = {
  type: 'object',
  required: ['mode'],
  additionalProperties: false,
  properties: {
    mode: {
      enum: LEARNER_SIGN_IN_MODES,
      description: "'birth-date-or-code': name and birth date, or a personal code; 'personal-code-only': a personal code only",
    },
  },
} as const;

export function learnerSignInModeRoutes(app: FastifyInstance, deps: { store: Store }): void {
  app.get(
    '/api/organization/learner-sign-in',
    {
      schema: {
        tags: ['learners'],
        summary: "How the school's students sign in on the relay (admin or teacher token)",
        security: [{ bearer: [] }],
        response: { 200: modeSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = requireUser(request, ['admin', 'member']);
      return { mode: await deps.store.getLearnerSignInMode(caller.organizationId) };
    },
  );

  app.put<{ Body: { mode: LearnerSignInMode } }>(
    '/api/organization/learner-sign-in',
    {
      schema: {
        tags: ['learners'],
        summary: "Choose how the school's students sign in on the relay (admin token); personal codes only is the stronger option",
        security: [{ bearer: [] }],
        body: modeSchema,
        response: { 200: modeSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = requireUser(request, ['admin']);
      await deps.store.setLearnerSignInMode(caller.organizationId, request.body.mode);
      return { mode: request.body.mode };
    },
  );
}
