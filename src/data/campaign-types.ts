/**
 * What the relay answers about campaigns (sync-server/routes/campaigns.ts and campaign-follow-up.ts, published in its
 * OpenAPI document), as the teacher's screens read it.
 */
import type { ParticipationResults } from '../core/campaign/participation-results.ts';
import type { ParticipationStatus } from '../core/campaign/participation-status.ts';
import type { ProfileScore } from '../core/scoring/score-profile.ts';
import type { CampaignDocument, CampaignType } from '../core/sync/documents.ts';

export interface CampaignSummary extends CampaignDocument {
  owner: { id: string; firstName: string; lastName: string } | null;
  participantCount: number;
  sharedCount: number;
  contentPackName: string | null;
}

export type TargetInput = { competenceIds: string[] } | { tubeIds: string[] };

export interface CampaignFormValues {
  name: string;
  type: CampaignType;
  title: string;
  landingText: string;
  multipleSendings: boolean;
  target?: TargetInput;
  externalIdLabel: string | null;
  contentVersion: string | null;
}

export type { ActivityParticipant, CampaignActivity, ParticipationFlag } from '../core/campaign/activity-view.ts';
import type { ParticipationFlag } from '../core/campaign/activity-view.ts';

export interface ActivityFilters {
  className: string;
  status: ParticipationStatus | '';
  name: string;
}

interface ResultPerson {
  learnerId: string;
  lastName: string;
  firstName: string;
  className: string;
  sharedAt: number | null;
  flag: ParticipationFlag | null;
}

export interface StageCount {
  id: string;
  threshold: number;
  stars: number;
  count: number;
}

export interface CompetenceAverage {
  competenceId: string;
  domainId: string;
  targetSkillCount: number;
  averageMasteryRate: number | null;
}

export interface AssessmentResultsView {
  type: 'ASSESSMENT';
  sharedCount: number;
  averageMasteryPercent: number | null;
  stages: StageCount[];
  competences: CompetenceAverage[];
  participants: (ResultPerson & { masteryPercent: number; stageId: string | null })[];
  unscored: ResultPerson[];
}

export interface ProfilesResultsView {
  type: 'PROFILES_COLLECTION';
  sharedCount: number;
  participants: (ResultPerson & { totalPix: number; certifiable: boolean; certifiableCompetenceCount: number })[];
  unscored: ResultPerson[];
}

export type CampaignResultsView = AssessmentResultsView | ProfilesResultsView;

export interface TubeMasteryView {
  tubeId: string;
  competenceId: string;
  title: string;
  targetSkillCount: number;
  averageMasteryRate: number | null;
}

export interface CampaignAnalysisView {
  sharedCount: number;
  tubes: TubeMasteryView[];
  tutorials: { id: string; title: string; source: string; format: string; durationMinutes: number; tubeId: string; link: string | null }[];
  distribution: { competenceId: string; stages: { stageId: string; count: number }[] }[];
}

export interface ParticipantView {
  learner: { id: string; lastName: string; firstName: string; className: string };
  campaignType: CampaignType;
  status: ParticipationStatus;
  attempts: number;
  progress: number | null;
  startedAt: number;
  sharedAt: number | null;
  flag: ParticipationFlag | null;
  results: ParticipationResults | null;
  profile: ProfileScore | null;
}

export interface ImportedPack {
  version: string;
  name: string;
  challengeCount: number;
}
