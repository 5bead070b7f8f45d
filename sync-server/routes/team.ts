/**
 * "Équipe" ([TEAM-1] … [TEAM-4]): admins and members of a school read its members; only admins read and manage
 * invitations, change roles and remove members. Roles are checked before any body is read.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireUser } from '../auth/caller.ts';
import { ROLES } from '../store/store.ts';
import type { Role, Store } from '../store/store.ts';
import { cancelInvitation, inviteMember, listPendingInvitations } from '../use-cases/invitations.ts';
import { changeMemberRole, listTeamMembers, removeTeamMember } from '../use-cases/team-members.ts';
import { errorResponses, errorSchema } from './schemas.ts';

export interface TeamDeps {
  store: Store;
  now: () => number;
  /** Ends the open event streams of a removed member (their tokens are already gone). */
  onMemberRemoved: (userId: string) => void;
}

const memberSchema = {
  type: 'object',
  required: ['id', 'email', 'firstName', 'lastName', 'role', 'createdAt'],
  properties: {
    id: { type: 'string' },
    email: { type: 'string' },
    firstName: { type: 'string' },
    lastName: { type: 'string' },
    role: { enum: ROLES },
    createdAt: { type: 'integer', description: 'ms since epoch' },
  },
} as const;

const invitationSchema = {
  type: 'object',
  required: ['id', 'email', 'role', 'createdAt', 'expiresAt'],
  properties: {
    id: { type: 'string' },
    email: { type: 'string' },
    role: { enum: ROLES },
    createdAt: { type: 'integer', description: 'ms since epoch' },
    expiresAt: { type: 'integer', description: 'ms since epoch: 7 days after it was made' },
  },
} as const;

const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1, maxLength: 100 } } } as const;

/** Only an admin gets past, before the body is read ([AUTH-1]): a member learns nothing of the schema. */
function adminOnly(request: FastifyRequest, _reply: unknown, done: () => void): void {
  requireUser(request, ['admin']);
  done();
}

export function teamRoutes(app: FastifyInstance, deps: TeamDeps): void {
  app.get(
    '/api/team/members',
    {
      schema: {
        tags: ['team'],
        summary: "The school's staff accounts with their role, in name order (admin or teacher token)",
        security: [{ bearer: [] }],
        response: { 200: { type: 'array', items: memberSchema }, ...errorResponses },
      },
    },
    async (request) => listTeamMembers(deps.store, requireUser(request, ['admin', 'member']).organizationId),
  );

  app.get(
    '/api/team/invitations',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['team'],
        summary: 'Pending invitations (not accepted, cancelled or expired), newest first (admin token)',
        security: [{ bearer: [] }],
        response: { 200: { type: 'array', items: invitationSchema }, ...errorResponses },
      },
    },
    async (request) => listPendingInvitations(deps.store, requireUser(request, ['admin']).organizationId, deps.now()),
  );

  app.post<{ Body: { email: string; role: Role } }>(
    '/api/team/invitations',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['team'],
        summary: '"Inviter un membre" (admin token): a single-use code for the address, valid 7 days, answered only here',
        description: 'Nothing is e-mailed: the admin passes the link (`path`, on this relay) or the code on. A new invitation to the same address cancels the previous one.',
        security: [{ bearer: [] }],
        body: {
          type: 'object',
          required: ['email', 'role'],
          additionalProperties: false,
          properties: {
            email: { type: 'string', minLength: 3, maxLength: 254, pattern: '^\\s*[^\\s@]+@[^\\s@]+\\.[^\\s@]+\\s*$' },
            role: { enum: ROLES },
          },
        },
        response: {
          201: {
            type: 'object',
            required: ['invitation', 'code', 'path'],
            properties: { invitation: invitationSchema, code: { type: 'string', description: 'XXXX-XXXX-XXXX-XXXX' }, path: { type: 'string', description: '/invitation/<code>' } },
          },
          409: errorSchema,
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const caller = requireUser(request, ['admin']);
      const created = await inviteMember(deps.store, caller, request.body, deps.now());
      return reply.status(201).header('Cache-Control', 'no-store').send(created);
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/api/team/invitations/:id',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['team'],
        summary: 'Cancel a pending invitation (admin token): its code stops working',
        security: [{ bearer: [] }],
        params: idParams,
        response: { 204: { type: 'null' }, 404: errorSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = requireUser(request, ['admin']);
      await cancelInvitation(deps.store, caller.organizationId, request.params.id, deps.now());
      return reply.status(204).send();
    },
  );

  app.put<{ Params: { id: string }; Body: { role: Role } }>(
    '/api/team/members/:id/role',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['team'],
        summary: "Change a member's role (admin token); never one's own, never the school's last admin",
        security: [{ bearer: [] }],
        params: idParams,
        body: { type: 'object', required: ['role'], additionalProperties: false, properties: { role: { enum: ROLES } } },
        response: { 200: memberSchema, 404: errorSchema, 409: errorSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = requireUser(request, ['admin']);
      return changeMemberRole(deps.store, caller, request.params.id, request.body.role);
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/api/team/members/:id',
    {
      onRequest: adminOnly,
      schema: {
        tags: ['team'],
        summary: 'Remove a member (admin token): their sign-in and tokens end at once; never oneself, never the last admin',
        security: [{ bearer: [] }],
        params: idParams,
        response: { 204: { type: 'null' }, 404: errorSchema, 409: errorSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const caller = requireUser(request, ['admin']);
      await removeTeamMember(deps.store, caller, request.params.id, deps.now());
      deps.onMemberRemoved(request.params.id);
      return reply.status(204).send();
    },
  );
}
