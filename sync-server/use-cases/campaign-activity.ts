/**
 * "Activité" ([FOLLOW-1], [FOLLOW-2], [FOLLOW-8], [CAMPAIGNS-6]): participants by status, participation over time,
 * and the list, filtered by class, status and name. Counts and the timeline are the whole campaign's; filters narrow
 * the list only.
 */
import { PARTICIPATION_STATUSES } from '../../src/core/campaign/participation-status.ts';
import type { ParticipationStatus } from '../../src/core/campaign/participation-status.ts';
import { participationTimeline } from '../../src/core/campaign/participation-timeline.ts';
import { EXPORT_TIME_ZONE } from '../../src/core/exports/csv-cell.ts';
import { applyT1, normalizeBase } from '../../src/core/answers/normalize.ts';
import { findCampaign } from '../campaigns/campaign-access.ts';
import { campaignParticipations } from '../campaigns/campaign-participations.ts';
import type { ParticipationDeps } from '../campaigns/campaign-participations.ts';
import type { ActivityParticipant, CampaignActivity } from '../../src/core/campaign/activity-view.ts';

export interface ActivityFilters {
  className?: string;
  status?: ParticipationStatus;
  /** Part of the last or first name, compared without case or accents. */
  name?: string;
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** Names compared as at sign-in: no case, no accents, no spaces (T1 of the answer normaliser). */
function normalizeAnswer(text: string): string {
  return applyT1(normalizeBase(text));
}

export async function campaignActivity(deps: ParticipationDeps, organizationId: string, campaignId: string, filters: ActivityFilters): Promise<CampaignActivity> {
  await findCampaign(deps.store, organizationId, campaignId);
  const all = await campaignParticipations(deps, organizationId, campaignId);
  const statusCounts = Object.fromEntries(PARTICIPATION_STATUSES.map((s) => [s, all.filter((p) => p.status === s).length])) as Record<ParticipationStatus, number>;
  const wanted = filters.name ? normalizeAnswer(filters.name) : '';
  const participants = all
    .filter((p) => !filters.className || p.learner.className === filters.className)
    .filter((p) => !filters.status || p.status === filters.status)
    .filter((p) => !wanted || normalizeAnswer(`${p.learner.lastName} ${p.learner.firstName}`).includes(wanted) || normalizeAnswer(`${p.learner.firstName} ${p.learner.lastName}`).includes(wanted))
    .sort((a, b) => collator.compare(a.learner.lastName, b.learner.lastName) || collator.compare(a.learner.firstName, b.learner.firstName))
    .map((p): ActivityParticipant => ({
      learnerId: p.learner.id,
      assessmentId: p.assessment.id,
      lastName: p.learner.lastName,
      firstName: p.learner.firstName,
      className: p.learner.className,
      status: p.status,
      progress: p.result?.status === 'scored' && 'participation' in p.result.results ? p.result.results.participation.progress : null,
      startedAt: p.assessment.startedAt,
      sharedAt: p.assessment.sharedAt,
      attempts: p.attempts,
      flag: p.flag,
    }));
  return {
    statusCounts,
    timeline: participationTimeline(all.map((p) => ({ startedAt: p.assessment.startedAt, sharedAt: p.assessment.sharedAt })), EXPORT_TIME_ZONE),
    classes: [...new Set(all.map((p) => p.learner.className))].sort(collator.compare),
    participantCount: all.length,
    participants,
  };
}
