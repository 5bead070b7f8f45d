/**
 * [DEVICE-STATUS-1..3] Lab machines report what they hold back (`POST /api/devices/me/status`, a device token);
 * teachers and admins read the latest report of each of their school's machines (`GET /api/devices/statuses`).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireCaller, requireUser } from '../auth/caller.ts';
import type { Caller } from '../auth/caller.ts';
import { HttpError } from '../http-error.ts';
import type { Store } from '../store/store.ts';
import { listLabMachineStatuses, reportDeviceStatus } from '../use-cases/device-status.ts';
import type { DeviceStatusReport } from '../use-cases/device-status.ts';
import { errorResponses } from './schemas.ts';

/** Refused documents one report lists (the machine counts them all in `refusedCount`). */
export const MAX_REPORTED_REFUSED = 100;

const count = { type: 'integer', minimum: 0, maximum: 10_000_000 } as const;

const refusedDocument = {
  type: 'object',
  required: ['id', 'collection', 'status', 'code', 'message', 'refusedAt'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', minLength: 1, maxLength: 100 },
    collection: { type: 'string', pattern: '^[a-z][A-Za-z]{0,39}$' },
    status: { type: 'integer', minimum: 0, maximum: 599 },
    code: { type: 'string', minLength: 1, maxLength: 100 },
    message: { type: 'string', maxLength: 1000 },
    refusedAt: { type: 'integer', minimum: 0 },
  },
} as const;

const reportProperties = {
  pendingAnswers: count,
  refusedCount: count,
  refusedDocuments: { type: 'array', maxItems: MAX_REPORTED_REFUSED, items: refusedDocument },
  contentVersion: { anyOf: [{ type: 'string', pattern: '^[0-9a-f]{8,64}$' }, { type: 'null' }] },
  appVersion: { type: 'string', minLength: 1, maxLength: 50 },
} as const;

const reportSchema = {
  type: 'object',
  required: ['pendingAnswers', 'refusedCount', 'refusedDocuments', 'contentVersion', 'appVersion'],
  additionalProperties: false,
  properties: reportProperties,
} as const;

const machineStatusSchema = {
  type: 'object',
  required: ['deviceId', 'name', ...reportSchema.required, 'reportedAt'],
  properties: { deviceId: { type: 'string' }, name: { type: 'string' }, ...reportProperties, reportedAt: { type: 'integer', description: 'relay clock, ms since epoch' } },
} as const;

/** Only a lab machine reports; checked before the body is read, like the caller itself ([AUTH-1]). */
function requireDevice(request: FastifyRequest): Extract<Caller, { kind: 'device' }> {
  const caller = requireCaller(request);
  if (caller.kind !== 'device') throw new HttpError(403, 'forbidden', 'Seul un poste inscrit peut envoyer son état.');
  return caller;
}

export function deviceStatusRoutes(app: FastifyInstance, deps: { store: Store; now: () => number }): void {
  app.post<{ Body: DeviceStatusReport }>(
    '/api/devices/me/status',
    {
      preParsing: async (request, _reply, payload) => {
        requireDevice(request);
        return payload;
      },
      schema: {
        tags: ['devices'],
        summary: 'A lab machine reports its state (device token): answers not yet sent, documents the relay refused, content and app versions',
        security: [{ bearer: [] }],
        body: reportSchema,
        response: { 200: { type: 'object', required: ['reportedAt'], properties: { reportedAt: { type: 'integer' } } }, ...errorResponses },
      },
    },
    async (request) => reportDeviceStatus(deps.store, requireDevice(request), request.body, deps.now()),
  );

  app.get(
    '/api/devices/statuses',
    {
      schema: {
        tags: ['devices'],
        summary: "The latest report of each of the organisation's enrolled lab machines, in enrolment order (admin or teacher token)",
        security: [{ bearer: [] }],
        response: { 200: { type: 'array', items: machineStatusSchema }, ...errorResponses },
      },
    },
    async (request) => listLabMachineStatuses(deps.store, requireUser(request, ['admin', 'member']).organizationId),
  );
}
