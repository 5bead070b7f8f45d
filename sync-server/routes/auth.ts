import type { FastifyInstance } from 'fastify';
import { HttpError } from '../http-error.ts';
import type { Store } from '../store/store.ts';
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
}
