import type { FastifyInstance } from 'fastify';
import { requireUser } from '../auth/caller.ts';
import type { Store } from '../store/store.ts';
import { enrolDevice } from '../use-cases/enrol-device.ts';
import { listLabMachines, withdrawLabMachine } from '../use-cases/lab-machines.ts';
import { errorResponses, errorSchema } from './schemas.ts';

export interface DeviceDeps {
  store: Store;
  now: () => number;
  /** Ends the open event streams of a withdrawn machine, and forgets its last-contact bookkeeping. */
  onWithdrawn: (deviceId: string) => void;
}

const labMachineSchema = {
  type: 'object',
  required: ['id', 'name', 'enrolledAt', 'lastSeenAt'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    enrolledAt: { type: 'integer', description: 'ms since epoch' },
    lastSeenAt: { type: ['integer', 'null'], description: 'last call to the relay (to the minute), ms since epoch; null before the first' },
  },
} as const;

export function deviceRoutes(app: FastifyInstance, deps: DeviceDeps): void {
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

  app.get(
    '/api/devices',
    {
      schema: {
        tags: ['devices'],
        summary: "The organisation's enrolled lab machines, in enrolment order (admin or teacher token); withdrawn ones are not listed",
        security: [{ bearer: [] }],
        response: { 200: { type: 'array', items: labMachineSchema }, ...errorResponses },
      },
    },
    async (request) => {
      const caller = requireUser(request, ['admin', 'member']);
      return listLabMachines(deps.store, caller.organizationId);
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/api/devices/:id',
    {
      schema: {
        tags: ['devices'],
        summary: 'Withdraw a lab machine ("Retirer ce poste"): its token stops working at once and its open event streams end',
        security: [{ bearer: [] }],
        params: { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1, maxLength: 100 } } },
        response: { 204: { type: 'null' }, 404: errorSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = requireUser(request, ['admin', 'member']);
      await withdrawLabMachine(deps.store, caller.organizationId, request.params.id, deps.now());
      deps.onWithdrawn(request.params.id);
      return reply.status(204).send();
    },
  );
}
