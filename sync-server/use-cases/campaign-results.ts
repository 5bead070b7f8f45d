/**
 * "Résultats" ([FOLLOW-3] … [FOLLOW-5], [CAMPAIGNS-7]). Only participations whose results were sent count (the
 * teacher sees results once sent); a test on a pack the relay does not hold cannot be scored and is listed apart
 * ("contenu inconnu"); a test whose log differs from the engine's choices counts, flagged ([RESULTS-4]).
 */
import { competenceAverages } from '../../src/core/campaign/competence-averages.ts';
import type { CompetenceAverage } from '../../src/core/campaign/competence-averages.ts';
import { participationResults } from '../../src/core/campaign/participation-results.ts';
import { stageDistribution } from '../../src/core/campaign/stage-distribution.ts';
import { DEFAULT_STAGES } from '../../src/core/campaign/stages.ts';
import type { ProfileScore } from '../../src/core/scoring/score-profile.ts';
import { findCampaign } from '../campaigns/campaign-access.ts';
import { campaignContent } from '../campaigns/campaign-content.ts';
import { campaignParticipations, participationOf } from '../campaigns/campaign-participations.ts';
import type { CampaignParticipation, ParticipationDeps, ParticipationFlag } from '../campaigns/campaign-participations.ts';
import { sharedProfile } from '../campaigns/shared-profile.ts';
import type { ContentLibrary } from '../content/content-library.ts';

interface ResultPerson {
  learnerId: string;
  lastName: string;
  firstName: string;
  className: string;
  sharedAt: number | null;
  flag: ParticipationFlag | null;
}

export interface AssessmentCampaignResults {
  type: 'ASSESSMENT';
  sharedCount: number;
  /** Mean of the sent mastery percentages, null with none. */
  averageMasteryPercent: number | null;
  stages: { id: string; threshold: number; stars: number; count: number }[];
  competences: CompetenceAverage[];
  /** Sent participations that count, each with its stage. */
  participants: (ResultPerson & { masteryPercent: number; stageId: string | null })[];
  /** Sent, but not scorable: the relay does not hold their content ("contenu inconnu"). */
  unscored: ResultPerson[];
}

export interface ProfilesCampaignResults {
  type: 'PROFILES_COLLECTION';
  sharedCount: number;
  participants: (ResultPerson & { totalPix: number; certifiable: boolean; certifiableCompetenceCount: number })[];
  unscored: ResultPerson[];
}

export type CampaignResults = AssessmentCampaignResults | ProfilesCampaignResults;

export interface ResultsDeps extends ParticipationDeps {
  library: ContentLibrary;
}

function person(p: CampaignParticipation): ResultPerson {
  return { learnerId: p.learner.id, lastName: p.learner.lastName, firstName: p.learner.firstName, className: p.learner.className, sharedAt: p.assessment.sharedAt, flag: p.flag };
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
const byName = (a: ResultPerson, b: ResultPerson): number => collator.compare(a.lastName, b.lastName) || collator.compare(a.firstName, b.firstName);

/** The profile each sender sent, or null when the relay cannot score it. */
export async function sentProfiles(deps: ResultsDeps, organizationId: string, shared: readonly CampaignParticipation[]): Promise<Map<string, ProfileScore | null>> {
  const profiles = new Map<string, ProfileScore | null>();
  for (const p of shared) profiles.set(p.learner.id, await sharedProfile(deps.store, deps.library, organizationId, p.learner.id, p.assessment.sharedAt ?? p.assessment.startedAt));
  return profiles;
}

export async function campaignResults(deps: ResultsDeps, organizationId: string, campaignId: string): Promise<CampaignResults> {
  const campaign = await findCampaign(deps.store, organizationId, campaignId);
  const shared = (await campaignParticipations(deps, organizationId, campaignId)).filter((p) => p.status === 'SHARED');
  if (campaign.type === 'PROFILES_COLLECTION') {
    const profiles = await sentProfiles(deps, organizationId, shared);
    const scored = shared.flatMap((p) => {
      const profile = profiles.get(p.learner.id);
      return profile ? [{ ...person(p), totalPix: profile.totalPix, certifiable: profile.certifiable, certifiableCompetenceCount: profile.certifiableCompetenceCount }] : [];
    });
    return { type: 'PROFILES_COLLECTION', sharedCount: shared.length, participants: scored.sort(byName), unscored: shared.filter((p) => !profiles.get(p.learner.id)).map(person).sort(byName) };
  }
  const scored = shared.flatMap((p) => {
    const outcome = participationOf(p.result);
    return outcome ? [{ p, results: outcome.participation }] : [];
  });
  const content = await campaignContent(deps.library, organizationId, campaign);
  const structure = content ? participationResults({ index: content.index, targetSkillIds: campaign.targetSkillIds, knowledge: new Map(), finished: false }) : { competences: [] };
  const percents = scored.map((s) => s.results.masteryPercent);
  return {
    type: 'ASSESSMENT',
    sharedCount: shared.length,
    averageMasteryPercent: percents.length === 0 ? null : Math.round(percents.reduce((a, b) => a + b, 0) / percents.length),
    stages: stageDistribution(DEFAULT_STAGES, percents).map(({ stage, count }) => ({ id: stage.id, threshold: stage.threshold, stars: stage.stars, count })),
    competences: competenceAverages(structure, scored.map((s) => s.results)),
    participants: scored.map(({ p, results }) => ({ ...person(p), masteryPercent: results.masteryPercent, stageId: results.stage?.id ?? null })).sort(byName),
    unscored: shared.filter((p) => participationOf(p.result) === null).map(person).sort(byName),
  };
}
