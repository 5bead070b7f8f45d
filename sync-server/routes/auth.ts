import type { FastifyInstance, FastifyReply } from 'fastify';
import { addressKey } from '../auth/address-key.ts';
import { requireCaller } from '../auth/caller.ts';
import type { SignInLimits } from '../auth/sign-in-limits.ts';
import { HttpError } from '../http-error.ts';
import { normalizeEmail } from '../store/store.ts';
import type { Store } from '../store/store.ts';
import { signInLearner } from '../use-cases/learner-sign-in.ts';
import type { LearnerCredentials } from '../use-cases/learner-sign-in.ts';
import { login } from '../use-cases/login.ts';
import { errorResponses } from './schemas.ts';

const userSchema = {
  type: 'object',
  required: ['id', 'email', 'roles', 'organizationId'],
  properties: {
    id: { type: 'string' },
    email: { type: 'string' },
    roles: { type: 'array', items: { enum: ['admin', 'member', 'invigilator'] } },
    organizationId: { type: 'string' },
    firstName: { type: 'string' },
    lastName: { type: 'string' },
  },
} as const;

export interface AuthDeps {
  store: Store;
  now: () => number;
  limits: SignInLimits;
  /** Ends the event streams a revoked token had open. */
  streams: { closeToken(tokenHash: string): number };
}

/** 429 with Retry-After (seconds), for sign-in attempts over their allowance ([AUTH-3], [AUTH-4]). */
function tooManyAttempts(reply: FastifyReply, retryAfterMs: number, message: (minutes: number) => string): FastifyReply {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return reply
    .status(429)
    .header('retry-after', String(seconds))
    .send({ error: 'too_many_attempts', message: message(Math.ceil(seconds / 60)) });
}

const minutes = (n: number): string => (n <= 1 ? '1 minute' : `${n} minutes`);

const learnerSchema = {
  type: 'object',
  required: ['id', 'organizationId', 'lastName', 'firstName', 'className'],
  properties: { id: { type: 'string' }, organizationId: { type: 'string' }, lastName: { type: 'string' }, firstName: { type: 'string' }, className: { type: 'string' } },
} as const;

const uai = { type: 'string', pattern: '^\\s*[0-9]{7}[A-Za-z]\\s*$', description: "The school's UAI, e.g. 0000000A" } as const;

export function authRoutes(app: FastifyInstance, deps: AuthDeps): void {
  app.post<{ Body: { email: string; password: string } }>(
    '/api/auth/login',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Sign in a teacher, invigilator or admin',
        description:
          'Failed attempts are counted per e-mail (10 per 15 minutes) and per address (100 per 15 minutes, all e-mails together); ' +
          'beyond either, 429 `too_many_attempts` with Retry-After, even for the right password.',
        body: {
          type: 'object',
          required: ['email', 'password'],
          additionalProperties: false,
          properties: { email: { type: 'string', minLength: 3, maxLength: 254 }, password: { type: 'string', minLength: 1, maxLength: 256 } },
        },
        response: { 200: { type: 'object', required: ['token', 'user'], properties: { token: { type: 'string' }, user: userSchema } }, ...errorResponses },
      },
    },
    async (request, reply) => {
      const now = deps.now();
      const attempt = deps.limits.loginAttempt(`email:${normalizeEmail(request.body.email)}`, `address:${addressKey(request.ip)}`, now);
      if (!attempt.admitted) {
        return tooManyAttempts(reply, attempt.retryAfterMs, (n) => `Trop de tentatives de connexion : réessayez dans ${minutes(n)}.`);
      }
      const result = await login(deps.store, request.body, now);
      if (!result) throw new HttpError(401, 'invalid_credentials', 'Adresse e-mail ou mot de passe incorrect.');
      attempt.refund();
      return result;
    },
  );

  app.post<{ Body: LearnerCredentials }>(
    '/api/auth/learner',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['auth'],
        summary: "Sign in a student to see their own work: the school's UAI and either name and birth date or a personal code",
        description:
          "Five failures lock that learner's relay sign-in for 15 minutes, then each new failure for twice as long (up to a day); " +
          'a teacher of the school can unlock it (`POST /api/learners/{learnerId}/unlock-sign-in`). A locked learner, a wrong credential and a ' +
          'school that requires personal codes all get the same 401. Failures per address are limited too (429 `too_many_attempts` with Retry-After).',
        body: {
          oneOf: [
            {
              type: 'object',
              required: ['uai', 'lastName', 'firstName', 'birthDate'],
              additionalProperties: false,
              properties: {
                uai,
                lastName: { type: 'string', minLength: 1, maxLength: 100 },
                firstName: { type: 'string', minLength: 1, maxLength: 100 },
                birthDate: { type: 'string', minLength: 8, maxLength: 12, description: 'jj/mm/aaaa' },
              },
            },
            { type: 'object', required: ['uai', 'personalCode'], additionalProperties: false, properties: { uai, personalCode: { type: 'string', minLength: 8, maxLength: 12 } } },
          ],
        },
        response: { 200: { type: 'object', required: ['token', 'learner'], properties: { token: { type: 'string' }, learner: learnerSchema } }, ...errorResponses },
      },
    },
    async (request, reply) => {
      const now = deps.now();
      const attempt = deps.limits.learnerAttempt(`address:${addressKey(request.ip)}`, now);
      if (!attempt.admitted) {
        return tooManyAttempts(reply, attempt.retryAfterMs, (n) => `Trop de tentatives de connexion depuis ce poste : réessayez dans ${minutes(n)}.`);
      }
      const result = await signInLearner(deps.store, request.body, now);
      if (!result) {
        throw new HttpError(
          401,
          'invalid_credentials',
          'Nous ne vous avons pas reconnu : vérifiez le code de votre établissement, vos nom, prénom et date de naissance, ou votre code personnel. ' +
            'Après plusieurs essais manqués, la connexion est suspendue un moment : votre enseignant peut la rétablir.',
        );
      }
      attempt.refund();
      return result;
    },
  );

  app.post(
    '/api/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign out: revokes the token of this request (staff or student); its open event streams end',
        security: [{ bearer: [] }],
        response: { 204: { type: 'null' }, ...errorResponses },
      },
    },
    async (request, reply) => {
      requireCaller(request);
      const tokenHash = request.tokenHash;
      if (tokenHash) {
        await deps.store.deleteAuthToken(tokenHash);
        deps.streams.closeToken(tokenHash);
      }
      return reply.status(204).send();
    },
  );
}
