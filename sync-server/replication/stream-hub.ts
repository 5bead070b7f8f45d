/**
 * Live pulls over Server-Sent Events. Every new connection first receives "RESYNC" (the client may have missed
 * writes while disconnected, so it re-runs a checkpointed pull); afterwards each committed batch is sent to the
 * subscribers of its organisation and collection. A combined stream follows several collections over one
 * connection, each event named after its collection, with one "RESYNC" for all: a browser opens at most six
 * connections to one origin, and a stream per collection per tab would use them all up. Connections are ended in
 * Fastify's preClose so the relay stops promptly.
 *
 * Each subscription remembers the token that opened it, so that revoking the token ends it ([AUTH-7]), and streams
 * are capped per caller and in total ([AUTH-6]): each one holds a socket and memory for as long as it is open.
 */
import type { ServerResponse } from 'node:http';
import type { StoredDocument } from '../store/store.ts';

/** Keeps idle connections open through proxies and lets dead ones be noticed. */
export const HEARTBEAT_MS = 15_000;

export interface StreamLimits {
  /** Streams one caller (a lab machine, a teacher, a student) may hold: a machine has one per open tab. */
  perCaller: number;
  /** Streams this relay holds at once, all callers together. */
  total: number;
}

export const DEFAULT_STREAM_LIMITS: StreamLimits = { perCaller: 8, total: 500 };

export interface Subscriber {
  organizationId: string;
  /** The collections this connection follows: one for /C/stream, several for the combined /stream. */
  collections: ReadonlySet<string>;
  /** Combined streams name each event after its collection (`event: answers`); single ones keep plain events. */
  tagged: boolean;
  learnerId: string | undefined;
  /** Who opened it (auth/caller.ts callerKey): the per-caller cap counts by it. */
  callerKey: string;
  /** The token that opened it: revoking that token ends the stream. */
  tokenHash: string;
  res: ServerResponse;
}

export type StreamRefusal = 'caller' | 'total';

export class StreamHub {
  private readonly subscribers = new Set<Subscriber>();
  private readonly heartbeat: NodeJS.Timeout;
  private readonly limits: StreamLimits;

  constructor(limits: Partial<StreamLimits> = {}) {
    this.limits = { ...DEFAULT_STREAM_LIMITS, ...limits };
    this.heartbeat = setInterval(() => {
      for (const s of this.subscribers) s.res.write(': keep-alive\n\n');
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  get size(): number {
    return this.subscribers.size;
  }

  /** Why this caller may not open one more stream now, or null when it may. */
  refusal(callerKey: string): StreamRefusal | null {
    if (this.subscribers.size >= this.limits.total) return 'total';
    let mine = 0;
    for (const s of this.subscribers) if (s.callerKey === callerKey) mine += 1;
    return mine >= this.limits.perCaller ? 'caller' : null;
  }

  subscribe(subscriber: Subscriber): void {
    this.subscribers.add(subscriber);
    subscriber.res.on('close', () => this.subscribers.delete(subscriber));
    this.send(subscriber.res, '"RESYNC"');
  }

  publish(organizationId: string, collection: string, written: StoredDocument[]): void {
    if (written.length === 0) return;
    for (const s of this.subscribers) {
      if (s.organizationId !== organizationId || !s.collections.has(collection)) continue;
      const visible = s.learnerId === undefined ? written : written.filter((d) => d.learnerId === s.learnerId);
      if (visible.length === 0) continue;
      const checkpoint = { seq: visible[visible.length - 1]?.seq ?? 0 };
      this.send(s.res, JSON.stringify({ documents: visible.map((d) => d.body), checkpoint }), s.tagged ? collection : undefined);
    }
  }

  /** The tokens that have streams open (checked again periodically: auth/stream-revocation.ts). */
  tokenHashes(): Set<string> {
    return new Set([...this.subscribers].map((s) => s.tokenHash));
  }

  /** Ends the streams a token opened (sign-out, expiry); answers how many. */
  closeToken(tokenHash: string): number {
    return this.closeWhere((s) => s.tokenHash === tokenHash);
  }

  /** Ends every stream of a caller, whatever token opened it (a withdrawn lab machine). */
  closeCaller(callerKey: string): number {
    return this.closeWhere((s) => s.callerKey === callerKey);
  }

  closeAll(): void {
    clearInterval(this.heartbeat);
    for (const s of this.subscribers) s.res.end();
    this.subscribers.clear();
  }

  private closeWhere(match: (s: Subscriber) => boolean): number {
    let closed = 0;
    for (const s of [...this.subscribers]) {
      if (!match(s)) continue;
      this.subscribers.delete(s);
      s.res.end();
      closed += 1;
    }
    return closed;
  }

  private send(res: ServerResponse, data: string, event?: string): void {
    res.write(event ? `event: ${event}\ndata: ${data}\n\n` : `data: ${data}\n\n`);
  }
}
