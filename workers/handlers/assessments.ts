/**
 * Tests on the lab machine: start or resume, next challenge (never with its solution), submit (checked, then
 * committed to IndexedDB before the answer returns), checkpoint, results, sharing, profile. Everything about a test
 * is recomputed from content + the answer log, so a reload resumes at the same challenge.
 */
import type { Answer } from '../../src/core/answers/types.ts';
import { resolveAnswerResult } from '../../src/core/answers/resolve-answer-result.ts';
import { checkpointDue } from '../../src/core/campaign/checkpoint.ts';
import type { CheckpointItem } from '../../src/core/campaign/checkpoint.ts';
import { toPublicChallenge } from '../../src/core/content/public-challenge.ts';
import type { AnswerResult, AnswerValue, PublicChallenge } from '../../src/core/content/types.ts';
import { normalizeCampaignCode } from '../../src/core/campaign-code.ts';
import { isCompetenceId } from '../../src/core/referential.ts';
import type { AnswerDocument, AssessmentDocument, CampaignDocument } from '../../src/core/sync/documents.ts';
import type { LoadedContent } from '../content/content-cache.ts';
import type { LabDatabase } from '../db/lab-database.ts';
import { checkpointOf, decideNext, progressOf, resultsOf, targetSkillsFor } from '../engine/assessment-engine.ts';
import type { AssessmentContext, AssessmentResults } from '../engine/assessment-engine.ts';
import { withAssessmentLock } from '../runtime/assessment-lock.ts';
import type { LabRuntime } from '../runtime/lab-runtime.ts';

export type StartInput =
  | { kind: 'campaign'; learnerId: string; campaignCode: string }
  | { kind: 'competence'; learnerId: string; competenceId: string }
  | { kind: 'certification'; learnerId: string; sessionId: string };

export type StartOutcome =
  | { ok: true; assessmentId: string; resumed: boolean; campaign: { title: string; landingText: string } | null }
  | { ok: false; reason: 'unknown-campaign' | 'unknown-competence' | 'no-content' };

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

function toAnswer(doc: AnswerDocument): Answer {
  return {
    id: doc.id,
    assessmentId: doc.assessmentId,
    challengeId: doc.challengeId,
    value: doc.value,
    result: doc.result,
    timeSpentMs: doc.timeSpentMs,
    answeredAt: doc.answeredAt,
    deviceId: doc.deviceId,
    index: doc.index,
  };
}

function isConflict(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'CONFLICT';
}

function isOnline(): boolean {
  return globalThis.navigator?.onLine ?? true;
}

export function createAssessmentHandlers(runtime: LabRuntime, loadContent: (version?: string) => Promise<LoadedContent | null>): AssessmentHandlers {
  const deviceId = async (): Promise<string> => (await runtime.enrolment())?.deviceId ?? 'unenrolled';

  async function campaignOf(db: LabDatabase, campaignId: string | null): Promise<CampaignDocument | null> {
    if (!campaignId) return null;
    return (await db.campaigns.findOne(campaignId).exec())?.toJSON() as CampaignDocument | null;
  }

  async function context(assessmentId: string): Promise<AssessmentContext | 'unknown-assessment' | 'no-content'> {
    const db = await runtime.db();
    const assessment = (await db.assessments.findOne(assessmentId).exec())?.toJSON();
    if (!assessment) return 'unknown-assessment';
    const content = await loadContent(assessment.contentVersion);
    if (!content) return 'no-content';
    const answers = (await db.answers.find({ selector: { assessmentId } }).exec()).map((d) => toAnswer(d.toJSON() as AnswerDocument));
    const previous = await db.answers.find({ selector: { learnerId: assessment.learnerId, assessmentId: { $ne: assessmentId } } }).exec();
    const campaign = await campaignOf(db, assessment.campaignId);
    return {
      content,
      assessment,
      answers,
      targetSkillIds: targetSkillsFor(content, assessment, campaign?.targetSkillIds ?? null),
      previousAnswers: previous.map((d) => ({ challengeId: d.challengeId })),
      online: isOnline(),
    };
  }

  async function markCompleted(db: LabDatabase, assessment: AssessmentDocument): Promise<void> {
    if (assessment.state !== 'started') return;
    const doc = await db.assessments.findOne(assessment.id).exec();
    await doc?.incrementalPatch({ state: 'completed', completedAt: runtime.now() });
  }

  return {
    async startAssessment(input) {
      const db = await runtime.db();
      const content = await loadContent();
      if (!content) return { ok: false, reason: 'no-content' };
      let campaign: CampaignDocument | null = null;
      if (input.kind === 'campaign') {
        const found = await db.campaigns.findOne({ selector: { code: normalizeCampaignCode(input.campaignCode) } }).exec();
        campaign = (found?.toJSON() as CampaignDocument | undefined) ?? null;
        if (!campaign || campaign.archivedAt !== null) return { ok: false, reason: 'unknown-campaign' };
      }
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
        updatedAt: 0,
        _deleted: false,
      };
      await db.assessments.insert(assessment);
      return { ok: true, assessmentId: assessment.id, resumed: false, campaign: landing };
    },

    async nextChallenge({ assessmentId }) {
      const ctx = await context(assessmentId);
      if (typeof ctx === 'string') return { kind: 'missing', reason: ctx };
      if (ctx.assessment.state !== 'started') return { kind: 'end' };
      const step = decideNext(ctx);
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
        const step = decideNext(ctx);
        // Only the challenge the engine is asking now can be answered (a stale tab or a double click cannot).
        if (step.kind !== 'challenge' || step.challenge.id !== input.challengeId) return { ok: false, reason: 'not-current' };
        const result = resolveAnswerResult({
          challenge: step.challenge,
          value: input.value,
          skipped: input.skipped,
          timeSpentMs: input.timeSpentMs,
          focusedOut: input.focusedOut,
          kind: ctx.assessment.kind,
        });
        const index = ctx.answers.length;
        const doc: AnswerDocument = {
          id: answerIdFor(input.assessmentId, index),
          assessmentId: input.assessmentId,
          learnerId: ctx.assessment.learnerId,
          challengeId: input.challengeId,
          value: input.skipped ? { kind: 'choice', selected: [] } : input.value,
          result,
          timeSpentMs: Math.max(0, Math.round(input.timeSpentMs)),
          answeredAt: runtime.now(),
          deviceId: await deviceId(),
          index,
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
        const after: AssessmentContext = { ...ctx, answers: [...ctx.answers, toAnswer(doc)] };
        const finished = decideNext(after).kind === 'end';
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
      return resultsOf(ctx, ctx.assessment.state !== 'started');
    },

    async shareResults({ assessmentId }) {
      const db = await runtime.db();
      const doc = await db.assessments.findOne(assessmentId).exec();
      if (!doc || doc.state === 'started' || doc.kind !== 'campaign') return { ok: false };
      if (doc.state !== 'shared') await doc.incrementalPatch({ state: 'shared', sharedAt: runtime.now() });
      return { ok: true };
    },
  };
}
