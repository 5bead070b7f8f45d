/**
 * Live pulls over Server-Sent Events. Every new connection first receives "RESYNC" (the client may have missed
 * writes while disconnected, so it re-runs a checkpointed pull); afterwards each committed batch is sent to the
 * subscribers of its organisation and collection. A combined stream follows several collections over one
 * connection, each event named after its collection, with one "RESYNC" for all: a browser opens at most six
 * connections to one origin, and a stream per collection per tab would use them all up. Connections are ended in Fastify's preClose so the relay stops
 * promptly.
 */
import type { ServerResponse } from 'node:http';
import type { StoredDocument } from '../store/store.ts';

/** Keeps idle connections open through proxies and lets dead ones be noticed. */
export const HEARTBEAT_MS = 15_000;

interface Subscriber {
  organizationId: string;
  /** The collections this connection follows: one for /C/stream, several for the combined /stream. */
  collections: ReadonlySet<string>;
  /** Combined streams name each event after its collection (`event: answers`); single ones keep plain events. */
  tagged: boolean;
  learnerId: string | undefined;
  res: ServerResponse;
}

export class StreamHub {
  private readonly subscribers = new Set<Subscriber>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor() {
    this.heartbeat = setInterval(() => {
      for (const s of this.subscribers) s.res.write(': keep-alive\n\n');
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  get size(): number {
    return this.subscribers.size;
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

  closeAll(): void {
    clearInterval(this.heartbeat);
    for (const s of this.subscribers) s.res.end();
    this.subscribers.clear();
  }

  private send(res: ServerResponse, data: string, event?: string): void {
    res.write(event ? `event: ${event}\ndata: ${data}\n\n` : `data: ${data}\n\n`);
  }
}
