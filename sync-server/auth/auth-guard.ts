/**
 * [AUTH-1] Every /api route needs a caller unless it declares `config: { auth: 'public' }`, so a new route is
 * protected by default. The check runs in preParsing, after the caller is resolved (onRequest) and the rate limit
 * has counted the request, and before the body is read: a request without a valid token is answered 401 and learns
 * nothing of the route's schema, and its body is never parsed.
 */
import type { FastifyInstance } from 'fastify';
import { unauthorized } from './caller.ts';

export type RouteAuth = 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** 'public': callable without a token (health, sign-in, the content manifest, the API description). */
    auth?: RouteAuth;
  }
}

export function registerAuthGuard(app: FastifyInstance): void {
  app.addHook('preParsing', async (request, _reply, payload) => {
    const url = request.routeOptions.url;
    // Unknown paths (url undefined) keep their 404; routes outside /api (the app itself) are static files.
    if (url === undefined || !url.startsWith('/api/')) return payload;
    if (request.routeOptions.config.auth === 'public') return payload;
    if (!request.caller) throw unauthorized();
    return payload;
  });
}
