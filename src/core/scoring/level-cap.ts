/** The competence level cap: 5 in schools today (DOMAIN.md), up to 8 when advanced levels open. */
import { DEFAULT_LEVEL_CAP, MAX_REFERENTIAL_LEVEL } from '../referential.ts';

export interface ScoringOptions {
  /** Highest competence level reachable, an integer 1–8; default DEFAULT_LEVEL_CAP (5). */
  levelCap?: number;
}

/** The cap to use; a cap outside 1–8 is a configuration error, reported rather than silently clamped. */
export function resolveLevelCap(options: ScoringOptions = {}): number {
  const cap = options.levelCap ?? DEFAULT_LEVEL_CAP;
  if (!Number.isInteger(cap) || cap < 1 || cap > MAX_REFERENTIAL_LEVEL) {
    throw new RangeError(`level cap must be an integer from 1 to ${MAX_REFERENTIAL_LEVEL}, got ${cap}`);
  }
  return cap;
}
