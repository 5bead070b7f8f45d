/** Who is calling: resolved once per request from the bearer token, then checked by the auth guard and each route. */
import type { FastifyRequest } from 'fastify';
import { HttpError } from '../http-error.ts';
import type { Role, Store } from '../store/store.ts';
import { hashToken } from './tokens.ts';

export type Caller =
  | { kind: 'user'; userId: string; organizationId: string; roles: Role[] }
  | { kind: 'device'; deviceId: string; organizationId: string }
  /** A student: their own answers and tests, nothing else. */
  | { kind: 'learner'; learnerId: string; organizationId: string };

/** A valid token and who it stands for. */
export interface ResolvedToken {
  caller: Caller;
  /** SHA-256 of the token, as stored: what revocation and the stream hub know a token by. */
  tokenHash: string;
}

/**
 * The token of an `Authorization: Bearer <token>` header, however it is spaced (RFC 9110: the scheme is
 * case-insensitive), or null. Extra spaces must not make a different token, nor a different rate-limit key ([AUTH-5]).
 */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

/** Who a stored token stands for, while it is valid (a withdrawn device, a deleted user or an inactive learner: null). */
export async function resolveTokenHash(store: Store, tokenHash: string, now: number): Promise<ResolvedToken | null> {
  const record = await store.findAuthToken(tokenHash, now);
  if (!record) return null;
  if (record.subjectType === 'device') {
    return { tokenHash, caller: { kind: 'device', deviceId: record.subjectId, organizationId: record.organizationId } };
  }
  if (record.subjectType === 'learner') {
    const [learner] = await store.getLearners([record.subjectId]);
    return learner?.active ? { tokenHash, caller: { kind: 'learner', learnerId: learner.id, organizationId: learner.organizationId } } : null;
  }
  const user = await store.getUser(record.subjectId);
  if (!user) return null;
  return { tokenHash, caller: { kind: 'user', userId: user.id, organizationId: user.organizationId, roles: user.roles } };
}

export async function resolveCaller(store: Store, request: FastifyRequest, now: number): Promise<ResolvedToken | null> {
  const token = bearerToken(request.headers.authorization);
  return token ? resolveTokenHash(store, hashToken(token), now) : null;
}

/** One key per person or machine (all tokens of a teacher share it): rate limits and stream caps count by it. */
export function callerKey(caller: Caller): string {
  if (caller.kind === 'device') return `device:${caller.deviceId}`;
  if (caller.kind === 'learner') return `learner:${caller.learnerId}`;
  return `user:${caller.userId}`;
}

/** The caller, or a 401 when the request carries no valid token. */
export function requireCaller(request: FastifyRequest): Caller {
  if (!request.caller) throw unauthorized();
  return request.caller;
}

export function unauthorized(): HttpError {
  return new HttpError(401, 'unauthorized', 'Authentification requise : jeton absent, invalide ou expiré.');
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
    /** The hash of the valid token the request carried (sign-out revokes it, streams remember it), or null. */
    tokenHash: string | null;
  }
}
