/**
 * Attempts counted per key in fixed windows, in memory. An attempt is counted when it starts (synchronously, so
 * that a burst of parallel requests cannot all pass the check before any failure is recorded) and refunded when it
 * succeeds: only failures use the allowance.
 *
 * Memory is bounded: past MAX_KEYS keys, ended windows are dropped first, then the oldest. Evicting a live key
 * forgets its count, so the per-address allowance (which bounds how many keys one address can create) must stay
 * far below MAX_KEYS.
 */
const MAX_KEYS = 100_000;

interface Window {
  startedAt: number;
  attempts: number;
}

export type Admission = { admitted: true; refund: () => void } | { admitted: false; retryAfterMs: number };

export class AttemptLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    readonly maxAttempts: number,
    readonly windowMs: number,
    private readonly maxKeys = MAX_KEYS,
  ) {}

  /** How long until `key` may try again (0: now). */
  retryAfterMs(key: string, now: number): number {
    const window = this.current(key, now);
    return window && window.attempts >= this.maxAttempts ? window.startedAt + this.windowMs - now : 0;
  }

  /** Counts one attempt under `key` unless its allowance is used up. */
  take(key: string, now: number): Admission {
    const wait = this.retryAfterMs(key, now);
    if (wait > 0) return { admitted: false, retryAfterMs: wait };
    let window = this.current(key, now);
    if (!window) {
      window = { startedAt: now, attempts: 0 };
      this.windows.delete(key);
      this.windows.set(key, window);
      this.prune(now);
    }
    window.attempts += 1;
    const counted = window;
    const refund = (): void => {
      counted.attempts = Math.max(0, counted.attempts - 1);
    };
    return { admitted: true, refund };
  }

  get size(): number {
    return this.windows.size;
  }

  private current(key: string, now: number): Window | undefined {
    const window = this.windows.get(key);
    return window && now < window.startedAt + this.windowMs ? window : undefined;
  }

  private prune(now: number): void {
    if (this.windows.size <= this.maxKeys) return;
    for (const [key, window] of this.windows) {
      if (now >= window.startedAt + this.windowMs) this.windows.delete(key);
    }
    // Map iteration follows insertion order: the first keys are the oldest windows.
    for (const key of this.windows.keys()) {
      if (this.windows.size <= this.maxKeys) break;
      this.windows.delete(key);
    }
  }
}
