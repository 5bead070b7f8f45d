/**
 * A participant's page ([CAMPAIGNS-8]): progress, start and share dates, attempts; once sent, mastery, skills
 * validated and tested, and the same per competence (or, for a profiles collection, the profile sent). Another
 * school's learner, or one who never took part, is the same 404.
 */
import type { ParticipationResults } from '../../src/core/campaign/participation-results.ts';
import type { ParticipationStatus } from '../../src/core/campaign/participation-status.ts';
import type { ProfileScore } from '../../src/core/scoring/score-profile.ts';
import { findCampaign } from '../campaigns/campaign-access.ts';
import { campaignParticipations, participationOf } from '../campaigns/campaign-participations.ts';
import type { ParticipationFlag } from '../campaigns/campaign-participations.ts';
import { sharedProfile } from '../campaigns/shared-profile.ts';
import { HttpError } from '../http-error.ts';
import type { ResultsDeps } from './campaign-results.ts';

export interface ParticipantDetail {
  learner: { id: string; lastName: string; firstName: string; className: string };
  campaignType: 'ASSESSMENT' | 'PROFILES_COLLECTION';
  status: ParticipationStatus;
  attempts: number;
  /** 0 … 1; null before the relay computed it. */
  progress: number | null;
  startedAt: number;
  sharedAt: number | null;
  flag: ParticipationFlag | null;
  /** Assessment results, once sent (null before). */
  results: ParticipationResults | null;
  /** The profile sent through a profiles collection (null before). */
  profile: ProfileScore | null;
}

export async function campaignParticipant(deps: ResultsDeps, organizationId: string, campaignId: string, learnerId: string): Promise<ParticipantDetail> {
  const campaign = await findCampaign(deps.store, organizationId, campaignId);
  const p = (await campaignParticipations(deps, organizationId, campaignId)).find((x) => x.learner.id === learnerId);
  if (!p) throw new HttpError(404, 'not_found', "Cet élève n'a pas participé à cette campagne.");
  const outcome = participationOf(p.result);
  const shared = p.status === 'SHARED';
  return {
    learner: p.learner,
    campaignType: campaign.type,
    status: p.status,
    attempts: p.attempts,
    progress: outcome ? outcome.participation.progress : null,
    startedAt: p.assessment.startedAt,
    sharedAt: p.assessment.sharedAt,
    flag: p.flag,
    results: shared && campaign.type === 'ASSESSMENT' && outcome ? outcome.participation : null,
    profile: shared && campaign.type === 'PROFILES_COLLECTION' ? await sharedProfile(deps.store, deps.library, organizationId, learnerId, p.assessment.sharedAt ?? p.assessment.startedAt) : null,
  };
}
