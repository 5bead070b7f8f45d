/**
 * The test methods as the screens reach them: only for the learner signed in on this tab ([SESSION-1]), with the
 * rules about starting again that depend on the learner's history: a campaign's retry ([RETRY-1], [TRAIN-3]) and a
 * competence already assessed ([TRAIN-1]). The engine itself (assessments.ts) knows nothing of sessions.
 */
import { normalizeCampaignCode } from '../../src/core/campaign-code.ts';
import type { CheckpointItem } from '../../src/core/campaign/checkpoint.ts';
import type { RetryStatus } from '../../src/core/campaign/retry.ts';
import { isCompetenceId } from '../../src/core/referential.ts';
import type { AssessmentKind, AssessmentState, CampaignDocument, CampaignType } from '../../src/core/sync/documents.ts';
import type { LoadedContent } from '../content/content-cache.ts';
import type { LabDatabase } from '../db/lab-database.ts';
import type { AssessmentResults } from '../engine/assessment-engine.ts';
import type { LabRuntime } from '../runtime/lab-runtime.ts';
import { NOT_SIGNED_IN, NOT_YOURS } from '../session/learner-session.ts';
import type { LearnerSession, SessionRefusal } from '../session/learner-session.ts';
import { campaignParticipation } from '../student/campaign-participation.ts';
import type { ParticipationView } from '../student/campaign-participation.ts';
import { competenceTraining } from '../student/competence-training.ts';
import { answersOf, learnerAssessments, learnerEvents, ownAssessment } from '../student/learner-log.ts';
import type { AnswerReviewHandlers, CheckpointReviewItem } from './answer-review.ts';
import type { AssessmentHandlers, NextOutcome, StartOutcome, SubmitInput, SubmitOutcome } from './assessments.ts';
import type { CampaignEntryHandlers, CampaignLandingOutcome, OpenAssessment } from './campaign-entry.ts';

/** The engine's methods this file puts behind the session. */
export type ScopedEngine = AssessmentHandlers & CampaignEntryHandlers & AnswerReviewHandlers;

/** What the screens send: the learner is the session's; `learnerId`, if given, must be theirs. */
export type StudentStartInput =
  | { kind: 'campaign'; campaignCode: string; /** "Repasser mon parcours". */ retry?: boolean; learnerId?: string }
  | { kind: 'competence'; competenceId: string; learnerId?: string }
  | { kind: 'certification'; sessionId: string; learnerId?: string };

export type RetryRefusal = Exclude<RetryStatus, { allowed: true }>;

export type StudentStartOutcome =
  | StartOutcome
  | SessionRefusal
  /** A retry asked too early (with the date it becomes possible), without multiple sendings, or with nothing to retry. */
  | { ok: false; reason: 'retry-refused'; retry: RetryRefusal }
  /** [TRAIN-1] This competence was assessed since its last reset: "Remettre à zéro" first. */
  | { ok: false; reason: 'competence-done' };

export type StudentNextOutcome = NextOutcome | { kind: 'missing'; reason: SessionRefusal['reason'] };
export type StudentSubmitOutcome = SubmitOutcome | SessionRefusal;

export type CampaignParticipationOutcome =
  | {
      ok: true;
      campaign: { code: string; title: string; landingText: string; type: CampaignType; multipleSendings: boolean; archived: boolean };
      participation: ParticipationView | null;
      retry: RetryStatus;
    }
  | SessionRefusal
  | { ok: false; reason: 'unknown-campaign' | 'no-content' };

/** A test of the signed-in learner, for their home page ("Reprendre"). */
export interface MyAssessment {
  assessmentId: string;
  kind: AssessmentKind;
  state: AssessmentState;
  startedAt: number;
  answered: number;
  campaign: { code: string; title: string; multipleSendings: boolean } | null;
  competenceId: string | null;
}

export interface StudentAssessmentHandlers {
  startAssessment(input: StudentStartInput): Promise<StudentStartOutcome>;
  nextChallenge(input: { assessmentId: string }): Promise<StudentNextOutcome>;
  submitAnswer(input: SubmitInput): Promise<StudentSubmitOutcome>;
  /** Empty for a test that is not the signed-in learner's. */
  checkpoint(input: { assessmentId: string }): Promise<CheckpointItem[]>;
  /** Null for a test that is not the signed-in learner's. */
  assessmentResults(input: { assessmentId: string }): Promise<AssessmentResults | null>;
  shareResults(input: { assessmentId: string }): Promise<{ ok: boolean } | SessionRefusal>;
  /** Where the learner stands in a campaign, and whether "Repasser mon parcours" is possible (or from when). */
  campaignParticipation(input: { campaignCode: string }): Promise<CampaignParticipationOutcome>;
  myAssessments(): Promise<{ ok: true; assessments: MyAssessment[] } | SessionRefusal>;
  /** The signed-in learner's participation only; another learner's id reads as nobody's (no participation shown). */
  campaignLanding(input: { campaignCode: string; learnerId: string | null }): Promise<CampaignLandingOutcome>;
  /** Empty unless `learnerId` is the signed-in learner. */
  openAssessments(input: { learnerId: string }): Promise<OpenAssessment[]>;
  /** Empty for a test that is not the signed-in learner's (it shows solutions). */
  checkpointReview(input: { assessmentId: string }): Promise<CheckpointReviewItem[]>;
}

type Guarded<T> = { learnerId: string } | { refusal: T };

export function createStudentAssessmentHandlers(
  engine: ScopedEngine,
  runtime: LabRuntime,
  session: LearnerSession,
  loadContent: (version?: string) => Promise<LoadedContent | null>,
): StudentAssessmentHandlers {
  /** The signed-in learner, if the assessment (when known) is theirs. Unknown ids go to the engine, which says so. */
  async function guard<T>(assessmentId: string, refuse: (refusal: SessionRefusal) => T): Promise<Guarded<T>> {
    const learner = session.current();
    if (!learner) return { refusal: refuse(NOT_SIGNED_IN) };
    const owned = await ownAssessment(await runtime.db(), assessmentId, learner.id);
    return owned === 'not-yours' ? { refusal: refuse(NOT_YOURS) } : { learnerId: learner.id };
  }

  async function findCampaign(db: LabDatabase, code: string): Promise<CampaignDocument | null> {
    const found = await db.campaigns.findOne({ selector: { code: normalizeCampaignCode(code) } }).exec();
    return (found?.toJSON() as CampaignDocument | undefined) ?? null;
  }

  async function startCampaign(learnerId: string, input: Extract<StudentStartInput, { kind: 'campaign' }>): Promise<StudentStartOutcome> {
    const start = () => engine.startAssessment({ kind: 'campaign', learnerId, campaignCode: input.campaignCode });
    const db = await runtime.db();
    const campaign = await findCampaign(db, input.campaignCode);
    // The campaign's own pack when it runs on one the school imported ([CAMPAIGNS-3]).
    const content = await loadContent(campaign?.contentVersion).catch(() => null);
    // Unknown or archived campaign, no content: the engine gives the reason.
    if (!campaign || campaign.archivedAt !== null || !content) return start();
    const { latest, retry } = await campaignParticipation(db, content.index, learnerId, campaign, runtime.now());
    // [TRAIN-3] Started, or finished but not sent: always the same participation (the engine resumes it).
    if (!latest || latest.state !== 'shared') return start();
    // Sent: never a second participation unless the learner asks for a retry…
    if (!input.retry) return { ok: false, reason: 'already-participated' };
    // …and [RETRY-1] only when a retry is allowed now.
    if (!retry.allowed) return { ok: false, reason: 'retry-refused', retry };
    return start();
  }

  return {
    async startAssessment(input) {
      const learner = session.current();
      if (!learner) return NOT_SIGNED_IN;
      if (input.learnerId !== undefined && input.learnerId !== learner.id) return NOT_YOURS;
      const learnerId = learner.id;
      if (input.kind === 'campaign') return startCampaign(learnerId, input);
      if (input.kind === 'competence') {
        if (isCompetenceId(input.competenceId)) {
          const db = await runtime.db();
          const training = competenceTraining(await learnerAssessments(db, learnerId), await learnerEvents(db, learnerId), input.competenceId);
          if (training.state === 'completed') return { ok: false, reason: 'competence-done' };
        }
        return engine.startAssessment({ kind: 'competence', learnerId, competenceId: input.competenceId });
      }
      return engine.startAssessment({ kind: 'certification', learnerId, sessionId: input.sessionId });
    },

    async nextChallenge(input) {
      const guarded = await guard(input.assessmentId, (r) => ({ kind: 'missing' as const, reason: r.reason }));
      return 'refusal' in guarded ? guarded.refusal : engine.nextChallenge(input);
    },

    async submitAnswer(input) {
      const guarded = await guard(input.assessmentId, (r) => r);
      return 'refusal' in guarded ? guarded.refusal : engine.submitAnswer(input);
    },

    async checkpoint(input) {
      const guarded = await guard(input.assessmentId, () => [] as CheckpointItem[]);
      return 'refusal' in guarded ? guarded.refusal : engine.checkpoint(input);
    },

    async assessmentResults(input) {
      const guarded = await guard(input.assessmentId, () => null);
      return 'refusal' in guarded ? guarded.refusal : engine.assessmentResults(input);
    },

    async shareResults(input) {
      const guarded = await guard(input.assessmentId, (r) => r);
      return 'refusal' in guarded ? guarded.refusal : engine.shareResults(input);
    },

    async campaignParticipation({ campaignCode }) {
      const learner = session.current();
      if (!learner) return NOT_SIGNED_IN;
      const db = await runtime.db();
      const campaign = await findCampaign(db, campaignCode);
      if (!campaign) return { ok: false, reason: 'unknown-campaign' };
      const content = await loadContent(campaign.contentVersion).catch(() => null);
      if (!content) return { ok: false, reason: 'no-content' };
      const { latest, retry } = await campaignParticipation(db, content.index, learner.id, campaign, runtime.now());
      return {
        ok: true,
        campaign: {
          code: campaign.code,
          title: campaign.title,
          landingText: campaign.landingText,
          type: campaign.type,
          multipleSendings: campaign.multipleSendings,
          archived: campaign.archivedAt !== null,
        },
        participation: latest,
        retry,
      };
    },

    campaignLanding({ campaignCode, learnerId }) {
      const signedIn = session.current()?.id ?? null;
      return engine.campaignLanding({ campaignCode, learnerId: learnerId !== null && learnerId === signedIn ? learnerId : null });
    },

    async openAssessments({ learnerId }) {
      return learnerId === session.current()?.id ? engine.openAssessments({ learnerId }) : [];
    },

    async checkpointReview(input) {
      const guarded = await guard(input.assessmentId, () => [] as CheckpointReviewItem[]);
      return 'refusal' in guarded ? guarded.refusal : engine.checkpointReview(input);
    },

    async myAssessments() {
      const learner = session.current();
      if (!learner) return NOT_SIGNED_IN;
      const db = await runtime.db();
      const assessments = (await learnerAssessments(db, learner.id)).filter((a) => a.kind !== 'certification');
      const answers = await answersOf(db, assessments.map((a) => a.id));
      const campaignIds = [...new Set(assessments.map((a) => a.campaignId).filter((id): id is string => id !== null))];
      const campaigns = new Map((await db.campaigns.findByIds(campaignIds).exec()).entries());
      const list: MyAssessment[] = assessments
        .sort((a, b) => b.startedAt - a.startedAt)
        .map((a) => {
          const campaign = a.campaignId === null ? undefined : campaigns.get(a.campaignId);
          return {
            assessmentId: a.id,
            kind: a.kind,
            state: a.state,
            startedAt: a.startedAt,
            answered: answers.get(a.id)?.length ?? 0,
            campaign: campaign ? { code: campaign.code, title: campaign.title, multipleSendings: campaign.multipleSendings } : null,
            competenceId: a.competenceId,
          };
        });
      return { ok: true, assessments: list };
    },
  };
}
