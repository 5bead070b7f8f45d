/**
 * The invitee's side of "Inviter un membre" ([TEAM-5], [TEAM-6]): public routes (they have no account yet), their
 * wrong codes limited per address. Looking an invitation up says which school and address it is for; accepting
 * creates the account, once.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { addressKey } from '../auth/address-key.ts';
import type { Admission } from '../auth/attempt-limiter.ts';
import type { InvitationLimits } from '../auth/invitation-limits.ts';
import { HttpError } from '../http-error.ts';
import { ROLES } from '../store/store.ts';
import type { Store } from '../store/store.ts';
import { acceptInvitation, MIN_PASSWORD_LENGTH, previewInvitation } from '../use-cases/invitations.ts';
import { errorResponses, errorSchema } from './schemas.ts';

export interface InvitationDeps {
  store: Store;
  now: () => number;
  limits: InvitationLimits;
}

const code = { type: 'string', minLength: 1, maxLength: 64, description: 'the code of the link, e.g. 7KQ2-M9XD-4TRA-PZ3H (case and dashes ignored)' } as const;
const name = { type: 'string', minLength: 1, maxLength: 100, pattern: '\\S' } as const;

/** One answer for an unknown, used, cancelled or expired code: the invitee can only ask for a new one. */
function invalidInvitation(): HttpError {
  return new HttpError(
    404,
    'invitation_invalid',
    "Cette invitation n'est pas valable : elle a déjà servi, a été annulée ou a expiré (7 jours). Demandez-en une nouvelle à l'administrateur de votre établissement.",
  );
}

/** 429 with Retry-After (seconds) once an address has used up its allowance of wrong codes. */
function tooManyAttempts(reply: FastifyReply, retryAfterMs: number): FastifyReply {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  const minutes = Math.ceil(seconds / 60);
  return reply
    .status(429)
    .header('retry-after', String(seconds))
    .send({ error: 'too_many_attempts', message: `Trop de codes d'invitation erronés depuis ce poste : réessayez dans ${minutes <= 1 ? '1 minute' : `${minutes} minutes`}.` });
}

function attempt(deps: InvitationDeps, request: FastifyRequest): Admission {
  return deps.limits.attempt(`address:${addressKey(request.ip)}`, deps.now());
}

export function invitationRoutes(app: FastifyInstance, deps: InvitationDeps): void {
  app.post<{ Body: { code: string } }>(
    '/api/invitations/lookup',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['team'],
        summary: 'Which school, address and role an invitation code is for (public; wrong codes are limited per address)',
        body: { type: 'object', required: ['code'], additionalProperties: false, properties: { code } },
        response: {
          200: {
            type: 'object',
            required: ['organizationName', 'email', 'role', 'expiresAt'],
            properties: { organizationName: { type: 'string' }, email: { type: 'string' }, role: { enum: ROLES }, expiresAt: { type: 'integer' } },
          },
          404: errorSchema,
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const admission = attempt(deps, request);
      if (!admission.admitted) return tooManyAttempts(reply, admission.retryAfterMs);
      const preview = await previewInvitation(deps.store, request.body.code, deps.now());
      if (!preview) throw invalidInvitation();
      admission.refund();
      return preview;
    },
  );

  app.post<{ Body: { code: string; firstName: string; lastName: string; password: string } }>(
    '/api/invitations/accept',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['team'],
        summary: 'Accept an invitation: creates the account (the invited address, role and school) with the name and password chosen; a code is used once',
        description: `The password has at least ${MIN_PASSWORD_LENGTH} characters. Then sign in with \`POST /api/auth/login\`.`,
        body: {
          type: 'object',
          required: ['code', 'firstName', 'lastName', 'password'],
          additionalProperties: false,
          properties: { code, firstName: name, lastName: name, password: { type: 'string', minLength: 1, maxLength: 256 } },
        },
        response: {
          201: {
            type: 'object',
            required: ['email', 'role', 'organizationName'],
            properties: { email: { type: 'string' }, role: { enum: ROLES }, organizationName: { type: 'string' } },
          },
          404: errorSchema,
          409: errorSchema,
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const admission = attempt(deps, request);
      if (!admission.admitted) return tooManyAttempts(reply, admission.retryAfterMs);
      const result = await acceptInvitation(deps.store, request.body, deps.now());
      if (!result.ok && result.reason === 'invalid') throw invalidInvitation();
      // The code was good: what follows is no guess, and does not use the allowance.
      admission.refund();
      if (!result.ok && result.reason === 'weak-password') {
        throw new HttpError(400, 'weak_password', `Choisissez un mot de passe d'au moins ${MIN_PASSWORD_LENGTH} caractères.`);
      }
      if (!result.ok) {
        throw new HttpError(409, 'email_taken', "Un compte utilise déjà l'adresse de cette invitation : demandez à l'administrateur de vous inviter avec une autre adresse.");
      }
      return reply.status(201).send(result.account);
    },
  );
}
