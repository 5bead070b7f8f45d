import { describe, expect, it } from 'vitest';
import { AttemptLimiter } from './attempt-limiter.ts';

describe('[AUTH-3] AttemptLimiter', () => {
  it('admits max attempts per window, says how long to wait, and starts again when the window ends', () => {
    const limiter = new AttemptLimiter(2, 1_000);
    expect(limiter.take('k', 0).admitted).toBe(true);
    expect(limiter.take('k', 100).admitted).toBe(true);
    expect(limiter.take('k', 400)).toEqual({ admitted: false, retryAfterMs: 600 });
    expect(limiter.take('other', 400).admitted).toBe(true);
    expect(limiter.take('k', 1_000).admitted).toBe(true);
  });

  it('a refunded attempt (a success) gives its place back', () => {
    const limiter = new AttemptLimiter(1, 1_000);
    const first = limiter.take('k', 0);
    if (first.admitted) first.refund();
    expect(limiter.take('k', 1).admitted).toBe(true);
    expect(limiter.take('k', 2).admitted).toBe(false);
  });

  it('holds at most maxKeys keys: ended windows go first, then the oldest', () => {
    const limiter = new AttemptLimiter(1, 1_000, 3);
    for (const key of ['a', 'b', 'c']) limiter.take(key, 0);
    limiter.take('d', 500);
    expect(limiter.size).toBe(3);
    // No window had ended: "a", the oldest, was dropped, so it starts afresh.
    expect(limiter.take('a', 600).admitted).toBe(true);
    expect(limiter.size).toBe(3);
    // At 1 600 every window but the new one has ended: they all go.
    limiter.take('e', 1_600);
    expect(limiter.size).toBe(1);
    expect(limiter.take('e', 1_601).admitted).toBe(false);
  });
});
