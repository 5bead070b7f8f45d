/**
 * Changes pushed to the screens as they happen ([LIVE-1] … [LIVE-4], workers/SPEC.md): RxDB change streams of the
 * replicated collections (what this tab wrote, what another tab wrote, what the relay sent), the relay's
 * reachability and the session. A screen subscribes to topics and re-reads what it shows when told; it never
 * polls. Documents of another learner than the one signed in are not announced.
 */
import type { RxCollection } from 'rxdb/plugins/core';
import type { Subscription } from 'rxjs';
import { REPLICATED_COLLECTIONS } from '../../src/core/sync/documents.ts';
import type { LabDatabase } from '../db/lab-database.ts';
import type { LabRuntime } from '../runtime/lab-runtime.ts';
import type { RelayConnection } from '../sync/relay-connection.ts';
import type { LearnerSession } from '../session/learner-session.ts';

/** Every replicated collection is a topic (a new one needs nothing here), plus the session and the sync state. */
export const LIVE_TOPICS = [...REPLICATED_COLLECTIONS, 'session', 'sync'] as const;
export type LiveTopic = (typeof LIVE_TOPICS)[number];

export interface LiveChange {
  topic: LiveTopic;
  /** Ids of the documents that changed (none for 'session' and 'sync'). */
  ids: string[];
}

export type LiveCallback = (change: LiveChange) => unknown;

/**
 * Changes within this delay reach a subscriber as one message per topic: a pull of 200 answers is one message,
 * not 200, and "resume authorised" still arrives within a frame.
 */
export const LIVE_COALESCE_MS = 10;

/** The log the student writes: a change there also changes what waits to be sent ([LIVE-3]). */
const LOG: ReadonlySet<string> = new Set(['answers', 'assessments', 'events']);
const isCollectionTopic = (name: string): name is (typeof REPLICATED_COLLECTIONS)[number] => (REPLICATED_COLLECTIONS as readonly string[]).includes(name);

export const isLiveTopic = (value: unknown): value is LiveTopic => typeof value === 'string' && (LIVE_TOPICS as readonly string[]).includes(value);

interface Subscriber {
  topics: ReadonlySet<LiveTopic>;
  callback: LiveCallback;
  pending: Map<LiveTopic, Set<string>>;
  timer: ReturnType<typeof setTimeout> | null;
}

export class LiveHub {
  private readonly subscribers = new Map<string, Subscriber>();
  private streams: Subscription[] = [];
  private listening: Promise<void> | null = null;
  private relay: RelayConnection | null = null;
  private stopRelay: (() => void) | null = null;

  constructor(
    private readonly runtime: LabRuntime,
    private readonly session: LearnerSession,
  ) {
    session.onChange(() => this.announce('session', []));
  }

  async subscribe(topics: readonly LiveTopic[], callback: LiveCallback): Promise<string> {
    const id = crypto.randomUUID();
    this.subscribers.set(id, { topics: new Set(topics), callback, pending: new Map(), timer: null });
    this.listening ??= this.listen();
    await this.listening;
    return id;
  }

  unsubscribe(id: string): boolean {
    const subscriber = this.subscribers.get(id);
    if (subscriber?.timer) clearTimeout(subscriber.timer);
    return this.subscribers.delete(id);
  }

  get size(): number {
    return this.subscribers.size;
  }

  stop(): void {
    for (const id of [...this.subscribers.keys()]) this.unsubscribe(id);
    for (const stream of this.streams) stream.unsubscribe();
    this.streams = [];
    this.stopRelay?.();
    this.listening = null;
  }

  private async listen(): Promise<void> {
    const db: LabDatabase = await this.runtime.db();
    // Whatever replicated collections this database holds, including ones the lab machine opens later.
    for (const [name, collection] of Object.entries(db.collections as unknown as Record<string, RxCollection>)) {
      if (!isCollectionTopic(name)) continue;
      this.streams.push(
        collection.$.subscribe((event) => {
          const doc = (event.documentData ?? event.previousDocumentData) as { learnerId?: unknown } | undefined;
          // [LIVE-2] A document that belongs to a learner is announced to that learner's tab only.
          const mine = typeof doc?.learnerId !== 'string' || doc.learnerId === this.session.current()?.id;
          if (mine) this.announce(name, [event.documentId]);
          // [LIVE-3] Whatever changes in the log changes what is waiting to be sent.
          if (LOG.has(name)) this.announce('sync', []);
          this.followRelay();
        }),
      );
    }
    await this.runtime.startSync().catch(() => false);
    this.followRelay();
  }

  /** The relay connection appears once the machine is enrolled (and is replaced on a new enrolment). */
  private followRelay(): void {
    const relay = this.runtime.relay;
    if (relay === this.relay) return;
    this.stopRelay?.();
    this.relay = relay;
    this.stopRelay = relay ? relay.onChange(() => this.announce('sync', [])) : null;
  }

  private announce(topic: LiveTopic, ids: readonly string[]): void {
    for (const [id, subscriber] of this.subscribers) {
      if (!subscriber.topics.has(topic)) continue;
      const pending = subscriber.pending.get(topic) ?? new Set<string>();
      for (const docId of ids) pending.add(docId);
      subscriber.pending.set(topic, pending);
      subscriber.timer ??= setTimeout(() => this.flush(id), LIVE_COALESCE_MS);
    }
  }

  private flush(id: string): void {
    const subscriber = this.subscribers.get(id);
    if (!subscriber) return;
    subscriber.timer = null;
    const changes = [...subscriber.pending].map(([topic, ids]) => ({ topic, ids: [...ids] }));
    subscriber.pending.clear();
    for (const change of changes) {
      // [LIVE-4] A subscriber that cannot be reached any more (its page is gone) is dropped, not retried.
      try {
        const result = subscriber.callback(change);
        if (result instanceof Promise) result.catch(() => this.unsubscribe(id));
      } catch {
        this.unsubscribe(id);
      }
    }
  }
}
