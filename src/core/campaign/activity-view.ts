/**
 * What the relay answers for a campaign's "Activité" tab, as one type read by the relay's use case and the teacher's
 * screens (one shape, one place).
 */
import type { ParticipationStatus } from './participation-status.ts';
import type { TimelinePoint } from './participation-timeline.ts';

/** Why a participation's figures are not shown as they are: its log differs from the replay, or its pack is unknown. */
export type ParticipationFlag = 'replay-mismatch' | 'unknown-content';

export interface ActivityParticipant {
  learnerId: string;
  /** The current participation: answers naming it belong to this campaign (the live page listens for them). */
  assessmentId: string;
  lastName: string;
  firstName: string;
  className: string;
  status: ParticipationStatus;
  /** 0 … 1 ([CAMP-3]); null until the relay has computed it. */
  progress: number | null;
  startedAt: number;
  sharedAt: number | null;
  attempts: number;
  flag: ParticipationFlag | null;
}

export interface CampaignActivity {
  statusCounts: Record<ParticipationStatus, number>;
  timeline: TimelinePoint[];
  classes: string[];
  participantCount: number;
  participants: ActivityParticipant[];
}
