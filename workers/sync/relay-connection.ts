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

  /** A JSON request; network failures and 5xx mark the relay unreachable and throw (RxDB retries later). */
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
    const payload: unknown = await response.json();
    if (!response.ok) {
      const message = (payload as { message?: string } | null)?.message ?? `HTTP ${response.status}`;
      throw new Error(`${method} ${path}: ${response.status} ${message}`);
    }
    return payload as T;
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
