/**
 * [TEAM-5] Failed invitation look-ups and acceptances per address: the two routes are public, so a wrong code
 * counts against the caller's address (counted when it starts, refunded when the code was good). The codes carry 80
 * random bits: the limit keeps a script from hammering the relay, not a guess from succeeding.
 */
import { AttemptLimiter } from './attempt-limiter.ts';
import type { Admission } from './attempt-limiter.ts';

export interface InvitationLimitSettings {
  /** Wrong codes per address and window: a staff room where a few colleagues mistype theirs fits well below. */
  failuresPerAddress: number;
  windowMs: number;
}

export const DEFAULT_INVITATION_LIMITS: InvitationLimitSettings = { failuresPerAddress: 30, windowMs: 15 * 60_000 };

export class InvitationLimits {
  private readonly byAddress: AttemptLimiter;

  constructor(settings: Partial<InvitationLimitSettings> = {}) {
    const s = { ...DEFAULT_INVITATION_LIMITS, ...settings };
    this.byAddress = new AttemptLimiter(s.failuresPerAddress, s.windowMs);
  }

  attempt(address: string, now: number): Admission {
    return this.byAddress.take(address, now);
  }
}
