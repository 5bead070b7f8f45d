/**
 * Tests on the lab machine: start or resume, next challenge (never with its solution), submit (checked, then
 * committed to IndexedDB before the answer returns), checkpoint, results, sharing, profile. Everything about a test
 * is recomputed from content + the answer log, so a reload resumes at the same challenge.
 */
import { resolveAnswerResult } from '../../src/core/answers/resolve-answer-result.ts';
import { checkpointDue } from '../../src/core/campaign/checkpoint.ts';
import type { CheckpointItem } from '../../src/core/campaign/checkpoint.ts';
import { toPublicChallenge } from '../../src/core/content/public-challenge.ts';
import type { AnswerResult, AnswerValue, PublicChallenge } from '../../src/core/content/types.ts';
import { normalizeCampaignCode } from '../../src/core/campaign-code.ts';
import { isCompetenceId } from '../../src/core/referential.ts';
import { priorChallengeIds } from '../../src/core/replay/prior-challenges.ts';
import { testTargetSkillIds } from '../../src/core/results/test-target.ts';
import { MAX_TIME_SPENT_MS } from '../../src/core/sync/document-specs.ts';
import type { AnswerDocument, AssessmentDocument, CampaignDocument } from '../../src/core/sync/documents.ts';
import type { LoadedContent } from '../content/content-cache.ts';
import type { LabDatabase } from '../db/lab-database.ts';
import { checkpointOf, decideNext, progressOf, resultsOf } from '../engine/assessment-engine.ts';
import type { AssessmentContext, AssessmentResults } from '../engine/assessment-engine.ts';
import { ChoiceFlags } from '../engine/choice-flags.ts';
import { carriedOverAtStart } from './retry-start.ts';
import { withAssessmentLock } from '../runtime/assessment-lock.ts';
import type { LabRuntime } from '../runtime/lab-runtime.ts';

export type StartInput =
  | { kind: 'campaign'; learnerId: string; campaignCode: string }
  | { kind: 'competence'; learnerId: string; competenceId: string }
  | { kind: 'certification'; learnerId: string; sessionId: string };

export type StartOutcome =
  | { ok: true; assessmentId: string; resumed: boolean; campaign: { title: string; landingText: string } | null }
  | { ok: false; reason: 'unknown-campaign' | 'archived-campaign' | 'already-participated' | 'unknown-competence' | 'no-content' };

export type NextOutcome =
  | {
      kind: 'challenge';
      challenge: PublicChallenge;
      /** Answers already given in this assessment. */
      answered: number;
      progress: { current: number; total: number };
    }
  | { kind: 'end' }
  | { kind: 'missing'; reason: 'unknown-assessment' | 'no-content' };

export interface SubmitInput {
  assessmentId: string;
  challengeId: string;
  value: AnswerValue;
  /** "Je passe". */
  skipped: boolean;
  timeSpentMs: number;
  focusedOut: boolean;
}

export type SubmitOutcome =
  | { ok: true; answerId: string; result: AnswerResult; answered: number; checkpointDue: boolean; finished: boolean }
  | { ok: false; reason: 'unknown-assessment' | 'not-current' | 'assessment-closed' | 'no-content' };

export interface AssessmentHandlers {
  startAssessment(input: StartInput): Promise<StartOutcome>;
  nextChallenge(input: { assessmentId: string }): Promise<NextOutcome>;
  submitAnswer(input: SubmitInput): Promise<SubmitOutcome>;
  checkpoint(input: { assessmentId: string }): Promise<CheckpointItem[]>;
  assessmentResults(input: { assessmentId: string }): Promise<AssessmentResults | null>;
  shareResults(input: { assessmentId: string }): Promise<{ ok: boolean }>;
}

/** Answer ids are the assessment id and the position: two tabs can never record two answers for one position. */
export function answerIdFor(assessmentId: string, index: number): string {
  return `${assessmentId}:${index}`;
}

function isConflict(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'CONFLICT';
}

function browserOnline(): boolean {
  return globalThis.navigator?.onLine ?? true;
}

/**
 * Time spent as recorded: whole milliseconds within the bounds the relay accepts ([DOC-1]). The result is resolved
 * from this recorded value, so the relay's re-check reads exactly what the machine judged ([RESULTS-2]).
 */
function recordedTimeSpent(ms: number): number {
  return Number.isFinite(ms) ? Math.min(MAX_TIME_SPENT_MS, Math.max(0, Math.round(ms))) : 0;
}

export interface AssessmentHandlerOptions {
  /** Whether the machine is online now (default: navigator.onLine); read when a position is first chosen. */
  isOnline?: () => boolean;
}

export function createAssessmentHandlers(
  runtime: LabRuntime,
  loadContent: (version?: string) => Promise<LoadedContent | null>,
  options: AssessmentHandlerOptions = {},
): AssessmentHandlers {
  const deviceId = async (): Promise<string> => (await runtime.enrolment())?.deviceId ?? 'unenrolled';
  const flags = new ChoiceFlags(options.isOnline ?? browserOnline);

  async function campaignOf(db: LabDatabase, campaignId: string | null): Promise<CampaignDocument | null> {
    if (!campaignId) return null;
    return (await db.campaigns.findOne(campaignId).exec())?.toJSON() as CampaignDocument | null;
  }

  async function context(assessmentId: string): Promise<AssessmentContext | 'unknown-assessment' | 'no-content'> {
    const db = await runtime.db();
    const assessment = (await db.assessments.findOne(assessmentId).exec())?.toJSON() as AssessmentDocument | undefined;
    if (!assessment) return 'unknown-assessment';
    const content = await loadContent(assessment.contentVersion);
    if (!content) return 'no-content';
    const answers = (await db.answers.find({ selector: { assessmentId } }).exec()).map((d) => d.toJSON() as AnswerDocument);
    const campaign = await campaignOf(db, assessment.campaignId);
    // Only recorded inputs from here on ([REPLAY-3]): no replicated history, no connectivity read per call. A retry's
    // carried-over knowledge is the one frozen on the assessment when it started ([REPLAY-5]).
    return { content, assessment, answers, targetSkillIds: testTargetSkillIds(content.index, assessment, campaign?.targetSkillIds ?? null) };
  }

  /** [REPLAY-2] The learner's earlier answers on this test's target, as this machine holds them now. */
  async function priorChallengesFor(db: LabDatabase, content: LoadedContent, learnerId: string, kind: AssessmentDocument['kind'], targetSkillIds: readonly string[]): Promise<string[]> {
    if (kind === 'certification') return [];
    const earlier = await db.answers.find({ selector: { learnerId } }).exec();
    return priorChallengeIds({ index: content.index, kind, targetSkillIds, answeredBefore: earlier.map((answer) => answer.challengeId) });
  }

  async function markCompleted(db: LabDatabase, assessment: AssessmentDocument): Promise<void> {
    flags.forget(assessment.id);
    if (assessment.state !== 'started') return;
    const doc = await db.assessments.findOne(assessment.id).exec();
    await doc?.incrementalPatch({ state: 'completed', completedAt: runtime.now() });
  }

  return {
    async startAssessment(input) {
      const db = await runtime.db();
      // A machine that never loaded a pack cannot load one now: a value the screen explains, not a thrown error.
      const latest = await loadContent().catch(() => null);
      if (!latest) return { ok: false, reason: 'no-content' };
      let campaign: CampaignDocument | null = null;
      if (input.kind === 'campaign') {
        const found = await db.campaigns.findOne({ selector: { code: normalizeCampaignCode(input.campaignCode) } }).exec();
        campaign = (found?.toJSON() as CampaignDocument | undefined) ?? null;
        if (!campaign) return { ok: false, reason: 'unknown-campaign' };
        if (campaign.archivedAt !== null) return { ok: false, reason: 'archived-campaign' };
      }
      // [CAMPAIGNS-3] A campaign on a pack the school imported runs on that pack (fetched and kept by the machine).
      const content = campaign?.contentVersion !== undefined ? await loadContent(campaign.contentVersion).catch(() => null) : latest;
      if (!content) return { ok: false, reason: 'no-content' };
      if (input.kind === 'competence' && !isCompetenceId(input.competenceId)) return { ok: false, reason: 'unknown-competence' };
      const scope = {
        campaignId: campaign?.id ?? null,
        competenceId: input.kind === 'competence' ? input.competenceId : null,
        sessionId: input.kind === 'certification' ? input.sessionId : null,
      };
      const landing = campaign ? { title: campaign.title, landingText: campaign.landingText } : null;
      const existing = await db.assessments
        .findOne({ selector: { learnerId: input.learnerId, kind: input.kind, state: 'started', ...scope } })
        .exec();
      if (existing) return { ok: true, assessmentId: existing.id, resumed: true, campaign: landing };
      if (campaign) {
        const earlier = await db.assessments.find({ selector: { learnerId: input.learnerId, kind: 'campaign', campaignId: campaign.id } }).exec();
        // Finished but not sent: the same participation, at its end screen; sent without multiple sendings: no other.
        const unsent = earlier.find((a) => a.state === 'completed');
        if (unsent) return { ok: true, assessmentId: unsent.id, resumed: true, campaign: landing };
        if (!campaign.multipleSendings && earlier.some((a) => a.state === 'shared')) return { ok: false, reason: 'already-participated' };
      }
      const assessment: AssessmentDocument = {
        id: crypto.randomUUID(),
        kind: input.kind,
        learnerId: input.learnerId,
        ...scope,
        state: 'started',
        startedAt: runtime.now(),
        completedAt: null,
        sharedAt: null,
        deviceId: await deviceId(),
        contentVersion: content.version,
        priorChallengeIds: await priorChallengesFor(db, content, input.learnerId, input.kind, testTargetSkillIds(content.index, { kind: input.kind, ...scope }, campaign?.targetSkillIds ?? null)),
        updatedAt: 0,
        _deleted: false,
      };
      // [REPLAY-5] Frozen before the first write: the relay keeps the copy first written ([SYNC-MERGE-1]).
      const carriedOver = await carriedOverAtStart(db, content.index, assessment);
      await db.assessments.insert(carriedOver ? { ...assessment, carriedOver } : assessment);
      return { ok: true, assessmentId: assessment.id, resumed: false, campaign: landing };
    },

    async nextChallenge({ assessmentId }) {
      const ctx = await context(assessmentId);
      if (typeof ctx === 'string') return { kind: 'missing', reason: ctx };
      if (ctx.assessment.state !== 'started') return { kind: 'end' };
      const step = decideNext(ctx, flags.flagFor(assessmentId, ctx.answers.length));
      if (step.kind === 'end') {
        await markCompleted(await runtime.db(), ctx.assessment);
        return { kind: 'end' };
      }
      return {
        kind: 'challenge',
        challenge: toPublicChallenge(step.challenge),
        answered: ctx.answers.length,
        progress: progressOf(ctx.assessment.kind, ctx.answers.length),
      };
    },

    submitAnswer(input) {
      return withAssessmentLock(input.assessmentId, async () => {
        const ctx = await context(input.assessmentId);
        if (typeof ctx === 'string') return { ok: false, reason: ctx };
        if (ctx.assessment.state !== 'started') return { ok: false, reason: 'assessment-closed' };
        const index = ctx.answers.length;
        // [REPLAY-1] The flag this position was chosen with when it was shown, recorded with the answer.
        const online = flags.flagFor(input.assessmentId, index);
        const step = decideNext(ctx, online);
        // Only the challenge the engine is asking now can be answered (a stale tab or a double click cannot).
        if (step.kind !== 'challenge' || step.challenge.id !== input.challengeId) return { ok: false, reason: 'not-current' };
        const timeSpentMs = recordedTimeSpent(input.timeSpentMs);
        const result = resolveAnswerResult({
          challenge: step.challenge,
          value: input.value,
          skipped: input.skipped,
          timeSpentMs,
          focusedOut: input.focusedOut,
          kind: ctx.assessment.kind,
        });
        const doc: AnswerDocument = {
          id: answerIdFor(input.assessmentId, index),
          assessmentId: input.assessmentId,
          learnerId: ctx.assessment.learnerId,
          challengeId: input.challengeId,
          value: input.skipped ? { kind: 'choice', selected: [] } : input.value,
          result,
          timeSpentMs,
          answeredAt: runtime.now(),
          deviceId: await deviceId(),
          index,
          online,
          updatedAt: 0,
          _deleted: false,
        };
        const db = await runtime.db();
        // Resolves once the IndexedDB transaction has committed (strict durability): only then does the UI move on.
        // Another tab that answered this position first makes the insert conflict: nothing is recorded twice.
        try {
          await db.answers.insert(doc);
        } catch (error) {
          if (isConflict(error)) return { ok: false, reason: 'not-current' };
          throw error;
        }
        const after: AssessmentContext = { ...ctx, answers: [...ctx.answers, doc] };
        // The next position is chosen here first: its flag is fixed now, and nextChallenge shows that same choice.
        const finished = decideNext(after, flags.flagFor(input.assessmentId, index + 1)).kind === 'end';
        if (finished) await markCompleted(db, ctx.assessment);
        const answered = index + 1;
        return { ok: true, answerId: doc.id, result, answered, checkpointDue: ctx.assessment.kind !== 'certification' && checkpointDue(answered, finished), finished };
      });
    },

    async checkpoint({ assessmentId }) {
      const ctx = await context(assessmentId);
      return typeof ctx === 'string' ? [] : checkpointOf(ctx);
    },

    async assessmentResults({ assessmentId }) {
      const ctx = await context(assessmentId);
      if (typeof ctx === 'string') return null;
      return resultsOf(ctx);
    },

    async shareResults({ assessmentId }) {
      const db = await runtime.db();
      const doc = await db.assessments.findOne(assessmentId).exec();
      if (!doc || doc.kind !== 'campaign') return { ok: false };
      if (doc.state === 'started') {
        // The log decides whether the test is over, not the state field alone: a copy of the relay's older
        // "started" state can be on the machine for a moment while its "completed" is on its way up.
        const ctx = await context(assessmentId);
        if (typeof ctx === 'string' || decideNext(ctx, flags.flagFor(assessmentId, ctx.answers.length)).kind !== 'end') return { ok: false };
        await doc.incrementalPatch({ state: 'shared', completedAt: doc.completedAt ?? runtime.now(), sharedAt: runtime.now() });
        return { ok: true };
      }
      if (doc.state !== 'shared') await doc.incrementalPatch({ state: 'shared', sharedAt: runtime.now() });
      return { ok: true };
    },
  };
}
