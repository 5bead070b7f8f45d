/**
 * Where a participant stands in a campaign, as the teacher's "Activité" tab shows it ([FOLLOW-1], [FOLLOW-2]):
 * "En cours" (STARTED), "En attente d'envoi" (TO_SHARE: finished, results not sent), "Résultats reçus" (SHARED).
 */
import { compareIds } from '../content/pack-index.ts';
import type { AssessmentState } from '../sync/documents.ts';

export const PARTICIPATION_STATUSES = ['STARTED', 'TO_SHARE', 'SHARED'] as const;
export type ParticipationStatus = (typeof PARTICIPATION_STATUSES)[number];

/** [FOLLOW-1] A test in progress is STARTED; any end the student has not sent yet is TO_SHARE; sent is SHARED. */
export function participationStatus(state: AssessmentState): ParticipationStatus {
  if (state === 'started') return 'STARTED';
  if (state === 'shared') return 'SHARED';
  return 'TO_SHARE';
}

export interface ParticipationRef {
  id: string;
  learnerId: string;
  startedAt: number;
}

/**
 * [FOLLOW-2] One participation per learner: the latest they started (then the greatest id, as [RETRY-5] orders a
 * chain). A retry in progress replaces the participation it retries, as on the student's own screens: the teacher
 * follows where each student is now, and counts each student once.
 */
export function currentParticipations<T extends ParticipationRef>(participations: readonly T[]): T[] {
  const latest = new Map<string, T>();
  for (const p of participations) {
    const held = latest.get(p.learnerId);
    if (held === undefined || p.startedAt > held.startedAt || (p.startedAt === held.startedAt && compareIds(p.id, held.id) > 0)) latest.set(p.learnerId, p);
  }
  return [...latest.values()];
}
