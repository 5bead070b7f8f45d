/**
 * The one typed door into the engine worker (STYLE.md point 2): the API type is built from small per-feature
 * handler maps; the worker exposes an object that satisfies it and the UI wraps it with Comlink. Methods take one
 * plain object and return plain data; expected failures come back as values, not thrown errors.
 */
import { createAssessmentHandlers } from './handlers/assessments.ts';
import type { AssessmentHandlers } from './handlers/assessments.ts';
import { createDeviceHandlers } from './handlers/device.ts';
import type { DeviceHandlers } from './handlers/device.ts';
import { createRosterHandlers } from './handlers/roster.ts';
import type { RosterHandlers } from './handlers/roster.ts';
import { createSyncHandlers } from './handlers/sync.ts';
import type { SyncHandlers } from './handlers/sync.ts';
import { createSystemHandlers } from './handlers/system.ts';
import type { SystemHandlers } from './handlers/system.ts';
import type { LabRuntime } from './runtime/lab-runtime.ts';
import { createCampaignEntryHandlers } from './handlers/campaign-entry.ts';
import type { CampaignEntryHandlers } from './handlers/campaign-entry.ts';
import { createPresentationHandlers } from './handlers/challenge-presentation.ts';
import type { PresentationHandlers } from './handlers/challenge-presentation.ts';
import { createGameRulesHandlers } from './handlers/game-rules.ts';
import type { GameRulesHandlers } from './handlers/game-rules.ts';
import { createAnswerReviewHandlers } from './handlers/answer-review.ts';
import type { AnswerReviewHandlers } from './handlers/answer-review.ts';
import { createEventHandlers } from './handlers/events.ts';
import type { EventHandlers } from './handlers/events.ts';
import { createLiveHandlers } from './handlers/live.ts';
import type { LiveHandlers } from './handlers/live.ts';
import { createProfileHandlers } from './handlers/profile.ts';
import type { ProfileHandlers } from './handlers/profile.ts';
import { createStudentAssessmentHandlers } from './handlers/student-assessments.ts';
import type { StudentAssessmentHandlers } from './handlers/student-assessments.ts';
import { LiveHub } from './live/live-hub.ts';
import { LearnerSession } from './session/learner-session.ts';

/** Test methods reach the screens only through the session's scoping (student-assessments.ts, [SESSION-1]). */
type EngineMethods = AssessmentHandlers & CampaignEntryHandlers & AnswerReviewHandlers;

export type EngineApi = SystemHandlers & DeviceHandlers & RosterHandlers & SyncHandlers & Omit<EngineMethods, keyof StudentAssessmentHandlers> &
  PresentationHandlers & GameRulesHandlers & StudentAssessmentHandlers & EventHandlers & ProfileHandlers & LiveHandlers;

export function createEngineApi(runtime: LabRuntime): EngineApi {
  // One worker per tab: its session is the tab's.
  const session = new LearnerSession(runtime);
  const loadContent = runtime.deps.loadContent;
  const engine: EngineMethods = {
    ...createAssessmentHandlers(runtime, loadContent),
    ...createCampaignEntryHandlers(runtime, loadContent),
    ...createAnswerReviewHandlers(runtime, loadContent),
  };
  return {
    ...createSystemHandlers(),
    ...createDeviceHandlers(runtime),
    ...createRosterHandlers(runtime, session),
    ...createSyncHandlers(runtime),
    ...engine,
    ...createPresentationHandlers(runtime),
    ...createGameRulesHandlers(runtime),
    ...createStudentAssessmentHandlers(engine, runtime, session, () => loadContent()),
    ...createEventHandlers(runtime, session, () => loadContent()),
    ...createProfileHandlers(runtime, session, () => loadContent()),
    ...createLiveHandlers(new LiveHub(runtime, session)),
  } satisfies EngineApi;
}
