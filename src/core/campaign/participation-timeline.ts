/**
 * [FOLLOW-8] "Participation over time" of the "Activité" tab: for each day on which a participant started or sent
 * their results, how many had started and how many had sent by the end of that day (cumulative), in date order.
 * Days are those of the given time zone (French schools: Paris), so a test started at 00:30 counts on its own day.
 */
export interface TimelinePoint {
  /** yyyy-mm-dd. */
  day: string;
  started: number;
  shared: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

export function dayOf(ms: number, timeZone: string): string {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(ms)).map((part) => [part.type, part.value]));
  return `${parts.year ?? ''}-${parts.month ?? ''}-${parts.day ?? ''}`;
}

export function participationTimeline(participations: readonly { startedAt: number; sharedAt: number | null }[], timeZone: string): TimelinePoint[] {
  const started = new Map<string, number>();
  const shared = new Map<string, number>();
  for (const p of participations) {
    const day = dayOf(p.startedAt, timeZone);
    started.set(day, (started.get(day) ?? 0) + 1);
    if (p.sharedAt !== null) {
      const sharedDay = dayOf(p.sharedAt, timeZone);
      shared.set(sharedDay, (shared.get(sharedDay) ?? 0) + 1);
    }
  }
  const days = [...new Set([...started.keys(), ...shared.keys()])].sort();
  let startedSoFar = 0;
  let sharedSoFar = 0;
  return days.map((day) => {
    startedSoFar += started.get(day) ?? 0;
    sharedSoFar += shared.get(day) ?? 0;
    return { day, started: startedSoFar, shared: sharedSoFar };
  });
}
