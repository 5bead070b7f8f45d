import type { FastifyInstance } from 'fastify';
import { HttpError } from '../http-error.ts';
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

/** Sign-in attempts per minute and per email+address: slows down password guessing without locking a lab out. */
const LOGIN_ATTEMPTS_PER_MINUTE = 20;
/** Student sign-ins per minute and per address and school: a class of 35 signing in at once from one lab passes. */
const LEARNER_SIGN_INS_PER_MINUTE = 60;

const learnerSchema = {
  type: 'object',
  required: ['id', 'organizationId', 'lastName', 'firstName', 'className'],
  properties: { id: { type: 'string' }, organizationId: { type: 'string' }, lastName: { type: 'string' }, firstName: { type: 'string' }, className: { type: 'string' } },
} as const;

const uai = { type: 'string', pattern: '^\\s*[0-9]{7}[A-Za-z]\\s*$', description: "The school's UAI, e.g. 0000000A" } as const;

export function authRoutes(app: FastifyInstance, deps: { store: Store; now: () => number }): void {
  app.post<{ Body: { email: string; password: string } }>(
    '/api/auth/login',
    {
      config: {
        rateLimit: {
          max: LOGIN_ATTEMPTS_PER_MINUTE,
          timeWindow: 60_000,
          keyGenerator: (request) => {
            const body = request.body as { email?: unknown } | undefined;
            return `login:${request.ip}:${typeof body?.email === 'string' ? body.email.toLowerCase() : ''}`;
          },
        },
      },
      schema: {
        tags: ['auth'],
        summary: 'Sign in a teacher, invigilator or admin',
        body: {
          type: 'object',
          required: ['email', 'password'],
          additionalProperties: false,
          properties: { email: { type: 'string', minLength: 3, maxLength: 254 }, password: { type: 'string', minLength: 1, maxLength: 256 } },
        },
        response: { 200: { type: 'object', required: ['token', 'user'], properties: { token: { type: 'string' }, user: userSchema } }, ...errorResponses },
      },
    },
    async (request) => {
      const result = await login(deps.store, request.body, deps.now());
      if (!result) throw new HttpError(401, 'invalid_credentials', 'Adresse e-mail ou mot de passe incorrect.');
      return result;
    },
  );

  app.post<{ Body: LearnerCredentials }>(
    '/api/auth/learner',
    {
      config: {
        rateLimit: {
          max: LEARNER_SIGN_INS_PER_MINUTE,
          timeWindow: 60_000,
          keyGenerator: (request) => {
            const body = request.body as { uai?: unknown } | undefined;
            return `learner:${request.ip}:${typeof body?.uai === 'string' ? body.uai.trim().toUpperCase() : ''}`;
          },
        },
      },
      schema: {
        tags: ['auth'],
        summary: "Sign in a student to see their own work: the school's UAI and either name and birth date or a personal code",
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
    async (request) => {
      const result = await signInLearner(deps.store, request.body, deps.now());
      if (!result) throw new HttpError(401, 'invalid_credentials', 'Nous ne vous avons pas reconnu : vérifiez le code de votre établissement, vos nom, prénom et date de naissance, ou votre code personnel.');
      return result;
    },
  );
}
