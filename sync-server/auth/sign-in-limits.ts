/**
 * Limits on sign-in attempts, counted after the body is parsed ([AUTH-3], [AUTH-4]): staff logins per e-mail and
 * per address, student sign-ins per address (the per-learner lock is kept in the store: learner-lockout.ts).
 *
 * The per-e-mail allowance is tight (it protects one account); the per-address one is generous, because a school
 * lab's teachers, or a class of students, all come from one NAT address and one person's typos must not lock the
 * others out. Counts live in this process: behind several relay instances each holds its own (the per-learner lock,
 * which matters most, is shared through the database).
 */
import { AttemptLimiter } from './attempt-limiter.ts';
import type { Admission } from './attempt-limiter.ts';

export interface SignInLimitSettings {
  /** Failed logins per e-mail and window: about one try a minute, enough for typos and a forgotten caps lock. */
  loginFailuresPerEmail: number;
  /** Failed logins per address and window, all e-mails together: a staff room of 30 each mistyping 3 times fits. */
  loginFailuresPerAddress: number;
  /** Failed student sign-ins per address and window: a class of 35 where many mistype their birth date fits. */
  learnerFailuresPerAddress: number;
  windowMs: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimitSettings = {
  loginFailuresPerEmail: 10,
  loginFailuresPerAddress: 100,
  learnerFailuresPerAddress: 100,
  windowMs: 15 * 60_000,
};

export class SignInLimits {
  private readonly loginByEmail: AttemptLimiter;
  private readonly loginByAddress: AttemptLimiter;
  private readonly learnerByAddress: AttemptLimiter;

  constructor(settings: Partial<SignInLimitSettings> = {}) {
    const s = { ...DEFAULT_SIGN_IN_LIMITS, ...settings };
    this.loginByEmail = new AttemptLimiter(s.loginFailuresPerEmail, s.windowMs);
    this.loginByAddress = new AttemptLimiter(s.loginFailuresPerAddress, s.windowMs);
    this.learnerByAddress = new AttemptLimiter(s.learnerFailuresPerAddress, s.windowMs);
  }

  /** A staff login attempt, counted against both the (normalised) e-mail and the address. */
  loginAttempt(email: string, address: string, now: number): Admission {
    const wait = Math.max(this.loginByEmail.retryAfterMs(email, now), this.loginByAddress.retryAfterMs(address, now));
    if (wait > 0) return { admitted: false, retryAfterMs: wait };
    const byEmail = this.loginByEmail.take(email, now);
    const byAddress = this.loginByAddress.take(address, now);
    const refund = (): void => {
      if (byEmail.admitted) byEmail.refund();
      if (byAddress.admitted) byAddress.refund();
    };
    return { admitted: true, refund };
  }

  learnerAttempt(address: string, now: number): Admission {
    return this.learnerByAddress.take(address, now);
  }
}
