import type { FastifyInstance } from 'fastify';
import { requireUser } from '../auth/caller.ts';
import type { Store } from '../store/store.ts';
import { enrolDevice } from '../use-cases/enrol-device.ts';
import { errorResponses } from './schemas.ts';

export function deviceRoutes(app: FastifyInstance, deps: { store: Store; now: () => number }): void {
  app.post<{ Body: { name: string } }>(
    '/api/devices',
    {
      schema: {
        tags: ['devices'],
        summary: "Enrol a lab machine for the caller's organisation (admin or teacher token)",
        security: [{ bearer: [] }],
        body: {
          type: 'object',
          required: ['name'],
          additionalProperties: false,
          properties: { name: { type: 'string', minLength: 1, maxLength: 100, pattern: '\\S' } },
        },
        response: {
          201: { type: 'object', required: ['deviceId', 'token'], properties: { deviceId: { type: 'string' }, token: { type: 'string' } } },
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const caller = requireUser(request, ['admin', 'member']);
      const enrolled = await enrolDevice(deps.store, { name: request.body.name, organizationId: caller.organizationId, enrolledBy: caller.userId }, deps.now());
      return reply.status(201).send(enrolled);
    },
  );
}
