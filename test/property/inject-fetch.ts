/**
 * A fetch served by a relay's `inject()` (the whole Fastify pipeline, no socket): the real lab-machine replication
 * can talk to an in-process relay that restarts between requests, without ports. `loseNextPushResponse()` makes the
 * next push reach the relay and be applied, then fail on the machine's side as a network error would.
 */
import type { FastifyInstance } from 'fastify';

export interface InjectNetwork {
  fetch: typeof fetch;
  loseNextPushResponse(): void;
  /** Push responses lost so far. */
  readonly lost: number;
}

export function injectNetwork(app: () => FastifyInstance): InjectNetwork {
  let loseNext = false;
  let lost = 0;
  const injected: typeof fetch = async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const response = await app().inject({
      method: (init?.method ?? 'GET') as 'GET' | 'POST',
      url: url.pathname + url.search,
      headers: (init?.headers ?? {}) as Record<string, string>,
      ...(typeof init?.body === 'string' ? { payload: init.body } : {}),
    });
    if (loseNext && init?.method === 'POST' && url.pathname.endsWith('/push')) {
      loseNext = false;
      lost++;
      throw new TypeError('fetch failed (injected: response lost)');
    }
    return new Response(response.body, { status: response.statusCode, headers: { 'content-type': String(response.headers['content-type'] ?? 'application/json') } });
  };
  return {
    fetch: injected,
    loseNextPushResponse() {
      loseNext = true;
    },
    get lost() {
      return lost;
    },
  };
}
