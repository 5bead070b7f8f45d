/** Who is calling: resolved once per request from the bearer token, then checked by each route. */
import type { FastifyRequest } from 'fastify';
import { HttpError } from '../http-error.ts';
import type { Role, Store } from '../store/store.ts';
import { hashToken } from './tokens.ts';

export type Caller =
  | { kind: 'user'; userId: string; organizationId: string; roles: Role[] }
  | { kind: 'device'; deviceId: string; organizationId: string }
  /** A student: their own answers and tests, nothing else. */
  | { kind: 'learner'; learnerId: string; organizationId: string };

export async function resolveCaller(store: Store, request: FastifyRequest, now: number): Promise<Caller | null> {
  const header = request.headers.authorization;
  if (!header?.startsWith('Bearer ')) return null;
  const token = header.slice('Bearer '.length).trim();
  if (!token) return null;
  const record = await store.findAuthToken(hashToken(token), now);
  if (!record) return null;
  if (record.subjectType === 'device') {
    return { kind: 'device', deviceId: record.subjectId, organizationId: record.organizationId };
  }
  if (record.subjectType === 'learner') {
    const [learner] = await store.getLearners([record.subjectId]);
    return learner?.active ? { kind: 'learner', learnerId: learner.id, organizationId: learner.organizationId } : null;
  }
  const user = await store.getUser(record.subjectId);
  if (!user) return null;
  return { kind: 'user', userId: user.id, organizationId: user.organizationId, roles: user.roles };
}

/** The caller, or a 401 when the request carries no valid token. */
export function requireCaller(request: FastifyRequest): Caller {
  if (!request.caller) throw new HttpError(401, 'unauthorized', 'Authentification requise : jeton absent, invalide ou expiré.');
  return request.caller;
}

/** A signed-in user with one of the roles, else 401 (nobody) or 403 (someone else). */
export function requireUser(request: FastifyRequest, roles: readonly Role[]): Extract<Caller, { kind: 'user' }> {
  const caller = requireCaller(request);
  if (caller.kind !== 'user' || !caller.roles.some((role) => roles.includes(role))) {
    throw new HttpError(403, 'forbidden', "Vous n'avez pas les droits nécessaires pour cette action.");
  }
  return caller;
}

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller | null;
  }
}
