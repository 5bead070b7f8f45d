/**
 * A learner's participations in one campaign, read from the machine's log: where they stand (none, started,
 * finished, sent) and whether a retry is allowed ([RETRY-1]), from the knowledge the chain ends with ([RETRY-5]).
 */
import type { PackIndex } from '../../src/core/content/pack-index.ts';
import { retryStatus } from '../../src/core/campaign/retry.ts';
import type { RetryStatus } from '../../src/core/campaign/retry.ts';
import { participationChain } from '../../src/core/campaign/retry-chain.ts';
import type { ChainLink, Participation } from '../../src/core/campaign/retry-chain.ts';
import type { AssessmentDocument, AssessmentState, CampaignDocument } from '../../src/core/sync/documents.ts';
import type { LabDatabase } from '../db/lab-database.ts';
import { answersOf } from './learner-log.ts';

export interface ParticipationView {
  assessmentId: string;
  state: AssessmentState;
  startedAt: number;
  sharedAt: number | null;
  /** 1 for the first participation, 2 for the first retry… */
  attempt: number;
}

export interface CampaignParticipation {
  /** The latest participation, or null if the learner never started this campaign. */
  latest: ParticipationView | null;
  retry: RetryStatus;
}

async function chainOf(db: LabDatabase, index: PackIndex, learnerId: string, campaignId: string): Promise<{ docs: AssessmentDocument[]; links: ChainLink[] }> {
  const found = await db.assessments.find({ selector: { learnerId, kind: 'campaign', campaignId, _deleted: false } }).exec();
  const docs = found.map((d) => d.toJSON() as AssessmentDocument);
  const answers = await answersOf(db, docs.map((d) => d.id));
  const participations: Participation[] = docs.map((d) => ({ id: d.id, startedAt: d.startedAt, sharedAt: d.sharedAt, answers: answers.get(d.id) ?? [] }));
  return { docs, links: participationChain(index, participations) };
}

export async function campaignParticipation(db: LabDatabase, index: PackIndex, learnerId: string, campaign: CampaignDocument, now: number): Promise<CampaignParticipation> {
  const { docs, links } = await chainOf(db, index, learnerId, campaign.id);
  const last = links.at(-1);
  const latest = last ? docs.find((d) => d.id === last.id) : undefined;
  const retry = retryStatus({
    multipleSendings: campaign.multipleSendings,
    sharedAt: latest?.sharedAt ?? undefined,
    now,
    targetSkillIds: campaign.targetSkillIds,
    previous: last?.knowledge ?? new Map(),
  });
  if (!latest) return { latest: null, retry };
  return { latest: { assessmentId: latest.id, state: latest.state, startedAt: latest.startedAt, sharedAt: latest.sharedAt, attempt: links.length }, retry };
}
