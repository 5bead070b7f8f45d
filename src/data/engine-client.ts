/** The UI's handle on the engine worker: one dedicated worker per page, wrapped once with Comlink. */
import { wrap } from 'comlink';
import type { Remote } from 'comlink';
import type { EngineApi } from '../../workers/engine-api.ts';
import { trackOpenTests } from './track-open-tests.ts';

let engine: Remote<EngineApi> | undefined;

export function getEngine(): Remote<EngineApi> {
  // Tests it starts count as open in this tab until it says they are over: the update guard follows them.
  engine ??= trackOpenTests(wrap<EngineApi>(new Worker(new URL('../../workers/engine.worker.ts', import.meta.url), { type: 'module', name: 'pixlab-engine' })));
  return engine;
}

// What the worker answers, for stores and screens: src/features and src/ui never import workers/ themselves.
export type { CheckpointReviewItem } from '../../workers/handlers/answer-review.ts';
export type { NextOutcome, StartOutcome, SubmitOutcome } from '../../workers/handlers/assessments.ts';
export type { CampaignLandingOutcome, CampaignLandingReason, CampaignSummary, OpenAssessment, ParticipationSummary } from '../../workers/handlers/campaign-entry.ts';
export type { ChallengePresentation } from '../../workers/handlers/challenge-presentation.ts';
export type { DeviceStatus, EnrolOutcome } from '../../workers/handlers/device.ts';
export type { RosterLearner, SignInOutcome, SignInSecret } from '../../workers/handlers/roster.ts';
export type { SyncStatus } from '../../workers/handlers/sync.ts';
export type { AssessmentResults } from '../../workers/engine/assessment-engine.ts';
export type { ProblemReportOutcome } from '../../workers/handlers/events.ts';
export type { CampaignParticipationOutcome, MyAssessment, RetryRefusal, StudentNextOutcome, StudentStartOutcome } from '../../workers/handlers/student-assessments.ts';
export type { LearnerProfile, CompetenceProfile, CompetenceResetStatus, SavedTutorial } from '../../workers/student/learner-profile.ts';
export type { ResetOutcome } from '../../workers/handlers/profile.ts';
export type { TutorialOutcome } from '../../workers/handlers/events.ts';
export type { TutorialMark } from '../../src/core/profile/saved-tutorials.ts';
