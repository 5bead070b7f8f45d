/**
 * TRUST_PROXY as Fastify takes it ([AUTH-2]). Fastify 5 no longer honours a hop count (it treats a number as "trust
 * nothing"), so a count becomes a trust function: the socket's peer and the next hops-1 forwarded addresses are
 * proxies, the address before them is the client. A count is only safe when the relay cannot be reached except
 * through those proxies (it listens on 127.0.0.1 or is firewalled): a client talking to it directly could otherwise
 * write its own X-Forwarded-For. Listing the proxies' addresses has no such condition.
 */
import type { TrustProxy } from '../config.ts';

export type FastifyTrustProxy = boolean | string[] | ((address: string, hop: number) => boolean);

export function fastifyTrustProxy(setting: TrustProxy | undefined): FastifyTrustProxy {
  if (setting === undefined || setting === false) return false;
  if (typeof setting === 'number') {
    const hops = setting;
    return (_address, hop) => hop < hops;
  }
  return setting;
}
