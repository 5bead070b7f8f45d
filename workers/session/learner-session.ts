/**
 * Who is signed in on this tab ([SESSION-1] … [SESSION-4], workers/SPEC.md). One engine worker per tab, so the
 * worker's memory is the tab's session; it is also kept in the machine's device database under a key the tab
 * holds in its sessionStorage, so a reload (a new worker) finds it again, while another tab, or the same tab
 * after it was closed, does not.
 */
import type { LabRuntime } from '../runtime/lab-runtime.ts';

export interface SessionLearner {
  id: string;
  lastName: string;
  firstName: string;
  className: string;
}

/** A session left open this long ends by itself (one school day): the next student on the machine signs in. */
export const SESSION_MAX_AGE_MS = 8 * 3_600_000;
/** Keys of the device database's `meta` table that hold a tab's session. */
const META_PREFIX = 'learner-session:';
/** What a tab key looks like (a UUID from the tab's sessionStorage): anything else is refused, never stored. */
const TAB_KEY_PATTERN = /^[A-Za-z0-9-]{16,64}$/;

interface StoredSession {
  learnerId: string;
  signedInAt: number;
}

export function isTabKey(value: unknown): value is string {
  return typeof value === 'string' && TAB_KEY_PATTERN.test(value);
}

export class LearnerSession {
  private learner: SessionLearner | null = null;
  private signedInAt = 0;
  private tabKey: string | null = null;
  private readonly listeners = new Set<(learner: SessionLearner | null) => void>();

  constructor(private readonly runtime: LabRuntime) {}

  /** The learner signed in on this tab, or null ([SESSION-3]: after the maximum age, nobody). */
  current(): SessionLearner | null {
    if (this.learner && this.runtime.now() - this.signedInAt >= SESSION_MAX_AGE_MS) this.forget();
    return this.learner;
  }

  /** Called when the learner changes, so live subscriptions follow the new learner. */
  onChange(listener: (learner: SessionLearner | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * [SESSION-2] The tab says which key it holds; a session stored under it, still fresh, for a learner still in the
   * roster, becomes this worker's.
   */
  async attachTab(tabKey: string): Promise<SessionLearner | null> {
    this.tabKey = tabKey;
    if (this.current()) {
      await this.persist();
      return this.learner;
    }
    const meta = await this.runtime.deviceDb.meta.get(META_PREFIX + tabKey);
    if (!meta) return null;
    const stored = parse(meta.value);
    if (!stored || this.runtime.now() - stored.signedInAt >= SESSION_MAX_AGE_MS) {
      await this.runtime.deviceDb.meta.delete(META_PREFIX + tabKey);
      return null;
    }
    const db = await this.runtime.db();
    const learner = await db.learners.findOne(stored.learnerId).exec();
    if (!learner?.active) return null;
    this.set({ id: learner.id, lastName: learner.lastName, firstName: learner.firstName, className: learner.className }, stored.signedInAt);
    return this.learner;
  }

  async begin(learner: SessionLearner): Promise<void> {
    this.set(learner, this.runtime.now());
    await this.persist();
  }

  async end(): Promise<void> {
    this.forget();
    if (this.tabKey) await this.runtime.deviceDb.meta.delete(META_PREFIX + this.tabKey);
  }

  private set(learner: SessionLearner, signedInAt: number): void {
    const changed = this.learner?.id !== learner.id;
    this.learner = learner;
    this.signedInAt = signedInAt;
    if (changed) for (const listener of this.listeners) listener(learner);
  }

  private forget(): void {
    if (!this.learner) return;
    this.learner = null;
    for (const listener of this.listeners) listener(null);
  }

  private async persist(): Promise<void> {
    if (!this.tabKey || !this.learner) return;
    const value: StoredSession = { learnerId: this.learner.id, signedInAt: this.signedInAt };
    await this.runtime.deviceDb.meta.put({ key: META_PREFIX + this.tabKey, value: JSON.stringify(value) });
  }
}

function parse(value: string): StoredSession | null {
  try {
    const parsed = JSON.parse(value) as Partial<StoredSession>;
    return typeof parsed.learnerId === 'string' && typeof parsed.signedInAt === 'number' ? { learnerId: parsed.learnerId, signedInAt: parsed.signedInAt } : null;
  } catch {
    return null;
  }
}

/** What every student method answers when nobody is signed in on this tab, or the thing asked for is another's. */
export type SessionRefusal = { ok: false; reason: 'not-signed-in' | 'not-yours' };

export const NOT_SIGNED_IN = { ok: false, reason: 'not-signed-in' } as const satisfies SessionRefusal;
export const NOT_YOURS = { ok: false, reason: 'not-yours' } as const satisfies SessionRefusal;
