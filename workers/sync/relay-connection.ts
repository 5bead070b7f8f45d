/**
 * How a lab machine talks to the relay: base URL, device token, and a record of reachability that the sync
 * indicator shows (last success, unreachable since when).
 */

/** The replication protocol this client speaks (see sync-server/version.ts). */
export const CLIENT_PROTOCOL_VERSION = 1;
/**
 * Longest wait for one request. A lab Wi-Fi that drops packets can leave a request hanging forever, and a hung
 * request would stop the replication's retries; past this, it fails and is retried.
 */
export const REQUEST_TIMEOUT_MS = 20_000;

export interface Reachability {
  lastSuccessAt: number | null;
  unreachableSince: number | null;
}

export class RelayUnreachableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RelayUnreachableError';
  }
}

/** The relay answered with a 4xx: `code` and `message` are its JSON error (SYNC.md), or stand-ins when it sent none. */
export class RelayRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly relayMessage: string,
    what: string,
  ) {
    super(`${what}: ${status} ${relayMessage}`);
    this.name = 'RelayRequestError';
  }
}

/** The JSON error body of a refusal; a proxy's HTML page or an empty body gives stand-ins. */
function errorOf(text: string, status: number): { code: string; message: string } {
  try {
    const body = JSON.parse(text) as { error?: unknown; message?: unknown } | null;
    if (typeof body?.error === 'string' && typeof body.message === 'string') return { code: body.error, message: body.message };
  } catch {
    // not JSON
  }
  return { code: `http_${status}`, message: `HTTP ${status}` };
}

export class RelayConnection {
  private reachability: Reachability = { lastSuccessAt: null, unreachableSince: null };
  private readonly listeners = new Set<(r: Reachability) => void>();

  constructor(
    readonly baseUrl: string,
    private readonly token: string,
    private readonly fetchImpl: typeof fetch = (input, init) => fetch(input, init),
    private readonly now: () => number = () => Date.now(),
  ) {}

  get state(): Reachability {
    return this.reachability;
  }

  onChange(listener: (r: Reachability) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * A JSON request; network failures and 5xx mark the relay unreachable and throw RelayUnreachableError (RxDB
   * retries later); a 4xx throws RelayRequestError with the relay's error code.
   */
  async request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.baseUrl}${path}`, {
        method,
        headers: this.headers(body !== undefined),
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      this.markFailure();
      throw new RelayUnreachableError(error instanceof Error ? error.message : String(error));
    }
    if (response.status >= 500) {
      this.markFailure();
      throw new RelayUnreachableError(`relay answered ${response.status}`);
    }
    this.markSuccess();
    if (!response.ok) {
      const { code, message } = errorOf(await response.text(), response.status);
      throw new RelayRequestError(response.status, code, message, `${method} ${path}`);
    }
    return (await response.json()) as T;
  }

  /** Opens a streaming GET (SSE) with the device token; the caller reads the body. */
  async openStream(path: string, signal: AbortSignal): Promise<Response> {
    try {
      const response = await this.fetchImpl(`${this.baseUrl}${path}`, { headers: { ...this.headers(false), accept: 'text/event-stream' }, signal });
      if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
      this.markSuccess();
      return response;
    } catch (error) {
      if (!signal.aborted) this.markFailure();
      throw error;
    }
  }

  markSuccess(): void {
    if (this.reachability.unreachableSince === null && this.reachability.lastSuccessAt !== null && this.now() - this.reachability.lastSuccessAt < 1000) {
      this.reachability = { ...this.reachability, lastSuccessAt: this.now() };
      return;
    }
    this.reachability = { lastSuccessAt: this.now(), unreachableSince: null };
    this.emit();
  }

  markFailure(): void {
    if (this.reachability.unreachableSince !== null) return;
    this.reachability = { ...this.reachability, unreachableSince: this.now() };
    this.emit();
  }

  /**
   * Something the sync indicator shows changed without a change of reachability (documents set aside by the relay's
   * refusal, or released): listeners read the status again ([LIVE-3]: the indicator is told, it does not poll).
   */
  announceChange(): void {
    this.emit();
  }

  private headers(json: boolean): Record<string, string> {
    return {
      authorization: `Bearer ${this.token}`,
      'x-protocol-version': String(CLIENT_PROTOCOL_VERSION),
      ...(json ? { 'content-type': 'application/json' } : {}),
    };
  }

  private emit(): void {
    for (const listener of this.listeners) listener(this.reachability);
  }
}
