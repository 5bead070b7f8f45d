/**
 * The countdown of a timed challenge ([SHOW-1]): from when the student started it (kept by the engine worker, so a
 * reload goes on counting), in the page's clock. Screen readers hear it at a few moments only, not every second.
 */

/** Seconds left at which the time is announced politely. */
export const ANNOUNCED_SECONDS_LEFT = [60, 30, 10] as const;

/** Whole seconds left (rounded up, so "0" means the time is over), never negative. */
export function secondsLeft(timerSeconds: number, shownAt: number, now: number): number {
  return Math.max(0, Math.ceil((timerSeconds * 1000 - (now - shownAt)) / 1000));
}

/** "1:05", "0:09": minutes and seconds, for the visible countdown. */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** The announcement threshold crossed between two readings, if any (the lowest one when several were). */
export function announcementDue(before: number, after: number, timerSeconds: number): number | null {
  const crossed = ANNOUNCED_SECONDS_LEFT.filter((mark) => mark < timerSeconds && before > mark && after <= mark);
  return crossed.length > 0 ? Math.min(...crossed) : null;
}

/** Split for words: "1 minute et 5 secondes", "45 secondes". */
export function splitDuration(seconds: number): { minutes: number; seconds: number } {
  const s = Math.max(0, Math.round(seconds));
  return { minutes: Math.floor(s / 60), seconds: s % 60 };
}
