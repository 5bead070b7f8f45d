/**
 * A fetch that loses requests the way a lab's Wi-Fi does, decided by a seeded generator so that a failing run can
 * be replayed: some requests never leave (the relay sees nothing), some reach the relay and are applied but their
 * response is lost (the client must re-push the same documents), and some are cut off mid-flight (either).
 */
import type { Random } from '../../src/core/random.ts';

export interface FaultRates {
  /** Fails before sending: the relay never sees the request. */
  beforeSend: number;
  /** Sends, waits for the whole response, then fails: the relay applied the request, the client does not know. */
  responseLost: number;
  /** Aborts after 0–`maxInFlightMs` ms: the relay may or may not have applied it. */
  inFlight: number;
  maxInFlightMs: number;
}

export interface FaultCounts {
  passed: number;
  beforeSend: number;
  responseLost: number;
  inFlight: number;
  /** Responses with a 5xx status that reached the client: the relay failed, not the network. */
  serverErrors: number;
  /** Requests sent and not answered yet (a gauge): lets a test kill the relay while a push is in flight. */
  pending: number;
}

export function emptyFaultCounts(): FaultCounts {
  return { passed: 0, beforeSend: 0, responseLost: 0, inFlight: 0, serverErrors: 0, pending: 0 };
}

/** The error undici gives for a network failure, so callers treat injected faults like real ones. */
function networkError(what: string): TypeError {
  return new TypeError(`fetch failed (injected: ${what})`);
}

function countStatus(response: Response, counts: FaultCounts): Response {
  if (response.status >= 500) counts.serverErrors++;
  return response;
}

async function tracked<T>(counts: FaultCounts, request: () => Promise<T>): Promise<T> {
  counts.pending++;
  try {
    return await request();
  } finally {
    counts.pending--;
  }
}

export function faultyFetch(random: Random, rates: FaultRates, counts: FaultCounts, base: typeof fetch = fetch): typeof fetch {
  const inner: typeof fetch = (input, init) => tracked(counts, () => base(input, init));
  return async (input, init) => {
    const roll = random.next();
    if (roll < rates.beforeSend) {
      counts.beforeSend++;
      throw networkError('request not sent');
    }
    if (roll < rates.beforeSend + rates.responseLost) {
      const response = await inner(input, init);
      // Read the whole body so the relay has finished the request before the client "loses" the answer.
      await response.arrayBuffer();
      countStatus(response, counts);
      counts.responseLost++;
      throw networkError('response lost');
    }
    if (roll < rates.beforeSend + rates.responseLost + rates.inFlight) {
      counts.inFlight++;
      const cut = AbortSignal.timeout(Math.floor(random.next() * rates.maxInFlightMs));
      const signal = init?.signal ? AbortSignal.any([init.signal, cut]) : cut;
      // The body is read under the same signal, so a cut while it streams fails the fetch itself (a network
      // error), not the caller's later response.json(). A cut after the whole response arrived is no fault at all.
      const response = await inner(input, { ...init, signal });
      const body = await response.arrayBuffer();
      return countStatus(new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers }), counts);
    }
    counts.passed++;
    return countStatus(await inner(input, init), counts);
  };
}
