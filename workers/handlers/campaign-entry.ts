/**
 * What a student meets before a test starts: the campaign behind a code (or why it cannot be taken on this
 * machine), their participation in it, and the tests they left open ("Reprendre"). Read-only: a participation
 * is created by startAssessment when the student presses "Je commence", not by looking at the landing page.
 */
import { normalizeCampaignCode } from '../../src/core/campaign-code.ts';
import type { AssessmentDocument, AssessmentKind, AssessmentState, CampaignDocument } from '../../src/core/sync/documents.ts';
import type { LoadedContent } from '../content/content-cache.ts';
import type { LabDatabase } from '../db/lab-database.ts';
import type { LabRuntime } from '../runtime/lab-runtime.ts';

export interface CampaignSummary {
  id: string;
  code: string;
  title: string;
  /** The teacher's text, Markdown. */
  landingText: string;
  type: CampaignDocument['type'];
  multipleSendings: boolean;
}

export interface ParticipationSummary {
  assessmentId: string;
  state: AssessmentState;
  sharedAt: number | null;
  /** Answers already given. */
  answered: number;
}

export type CampaignLandingReason = 'unknown-campaign' | 'archived-campaign' | 'unknown-learner' | 'already-participated' | 'no-content';

export type CampaignLandingOutcome =
  | { ok: true; campaign: CampaignSummary; participation: ParticipationSummary | null }
  | { ok: false; reason: CampaignLandingReason };

export interface OpenAssessment {
  assessmentId: string;
  kind: AssessmentKind;
  campaignCode: string | null;
  campaignTitle: string | null;
  competenceId: string | null;
  answered: number;
  startedAt: number;
}

export interface CampaignEntryHandlers {
  /** The campaign of a code; with a learner, also their latest participation in it. */
  campaignLanding(input: { campaignCode: string; learnerId: string | null }): Promise<CampaignLandingOutcome>;
  /** Tests the learner started on this machine and has not finished, newest first. */
  openAssessments(input: { learnerId: string }): Promise<OpenAssessment[]>;
}

async function answerCount(db: LabDatabase, assessmentId: string): Promise<number> {
  return (await db.answers.find({ selector: { assessmentId } }).exec()).length;
}

/** The participation that counts: an open one first, else the latest started. */
export function currentParticipation(assessments: readonly AssessmentDocument[]): AssessmentDocument | undefined {
  const open = assessments.find((a) => a.state === 'started');
  if (open) return open;
  return [...assessments].sort((a, b) => b.startedAt - a.startedAt)[0];
}

export function createCampaignEntryHandlers(runtime: LabRuntime, loadContent: (version?: string) => Promise<LoadedContent | null>): CampaignEntryHandlers {
  async function hasContent(): Promise<boolean> {
    // A machine that never loaded a pack throws here: that is "content not yet on this machine", not a crash.
    return (await loadContent().catch(() => null)) !== null;
  }

  return {
    async campaignLanding({ campaignCode, learnerId }) {
      const db = await runtime.db();
      const found = await db.campaigns.findOne({ selector: { code: normalizeCampaignCode(campaignCode) } }).exec();
      const campaign = (found?.toJSON() as CampaignDocument | undefined) ?? null;
      if (!campaign || campaign._deleted) return { ok: false, reason: 'unknown-campaign' };
      if (campaign.archivedAt !== null) return { ok: false, reason: 'archived-campaign' };
      if (!(await hasContent())) return { ok: false, reason: 'no-content' };
      const summary: CampaignSummary = {
        id: campaign.id,
        code: campaign.code,
        title: campaign.title || campaign.name,
        landingText: campaign.landingText,
        type: campaign.type,
        multipleSendings: campaign.multipleSendings,
      };
      if (learnerId === null) return { ok: true, campaign: summary, participation: null };
      const learner = await db.learners.findOne(learnerId).exec();
      if (!learner?.active || learner._deleted) return { ok: false, reason: 'unknown-learner' };
      const docs = await db.assessments.find({ selector: { learnerId, kind: 'campaign', campaignId: campaign.id } }).exec();
      const latest = currentParticipation(docs.map((d) => d.toJSON() as AssessmentDocument));
      if (!latest) return { ok: true, campaign: summary, participation: null };
      // Once sent, a campaign without multiple sendings cannot be taken again (DOMAIN.md, "Retry").
      if (latest.state === 'shared' && !campaign.multipleSendings) return { ok: false, reason: 'already-participated' };
      return {
        ok: true,
        campaign: summary,
        participation: { assessmentId: latest.id, state: latest.state, sharedAt: latest.sharedAt, answered: await answerCount(db, latest.id) },
      };
    },

    async openAssessments({ learnerId }) {
      const db = await runtime.db();
      const started = (await db.assessments.find({ selector: { learnerId, state: 'started' } }).exec()).map((d) => d.toJSON() as AssessmentDocument);
      const open: OpenAssessment[] = [];
      for (const assessment of started) {
        // Certification resumes only with the invigilator's consent: never offered from here.
        if (assessment.kind === 'certification') continue;
        const campaign = assessment.campaignId ? ((await db.campaigns.findOne(assessment.campaignId).exec())?.toJSON() as CampaignDocument | undefined) : undefined;
        if (assessment.kind === 'campaign' && (!campaign || campaign.archivedAt !== null)) continue;
        open.push({
          assessmentId: assessment.id,
          kind: assessment.kind,
          campaignCode: campaign?.code ?? null,
          campaignTitle: campaign ? campaign.title || campaign.name : null,
          competenceId: assessment.competenceId,
          answered: await answerCount(db, assessment.id),
          startedAt: assessment.startedAt,
        });
      }
      return open.sort((a, b) => b.startedAt - a.startedAt);
    },
  };
}
