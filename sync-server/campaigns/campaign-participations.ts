/**
 * A campaign's participants as the teacher follows them ([FOLLOW-1] … [FOLLOW-3], [CAMPAIGNS-LIVE]): one current
 * participation per learner (src/core), the learner's name and class, and the result the relay recomputed. Read
 * within the campaign's organisation only, by the index of participations under their campaign ([STORE-CAMPAIGN-1]).
 */
import { currentParticipations, participationStatus } from '../../src/core/campaign/participation-status.ts';
import type { ParticipationStatus } from '../../src/core/campaign/participation-status.ts';
import type { TestResults } from '../../src/core/results/test-results.ts';
import type { AssessmentDocument } from '../../src/core/sync/documents.ts';
import type { RecomputeQueue } from '../results/recompute-queue.ts';
import type { Learner, Store } from '../store/store.ts';

/** How long a teacher's read waits for the recomputation of a push that just arrived. */
export const SETTLE_TIMEOUT_MS = 2_000;

/** Why a participation's figures cannot be taken at face value ([RESULTS-4], [RESULTS-5]). */
export type { ParticipationFlag } from '../../src/core/campaign/activity-view.ts';
import type { ParticipationFlag } from '../../src/core/campaign/activity-view.ts';

export interface CampaignParticipation {
  assessment: AssessmentDocument;
  learner: Pick<Learner, 'id' | 'lastName' | 'firstName' | 'className'>;
  status: ParticipationStatus;
  /** How many participations the learner has in this campaign (retries included). */
  attempts: number;
  /** The relay's result, null until it is computed. */
  result: TestResults | null;
  flag: ParticipationFlag | null;
}

export interface ParticipationDeps {
  store: Store;
  recompute: Pick<RecomputeQueue, 'settled'>;
}

function flagOf(result: TestResults | null): ParticipationFlag | null {
  if (result === null) return null;
  if (result.status === 'unknown-content') return 'unknown-content';
  return result.replay.matches ? null : 'replay-mismatch';
}

/** Every assessment stored under the campaign (all learners, all attempts). */
export async function campaignAssessments(store: Store, organizationId: string, campaignId: string): Promise<AssessmentDocument[]> {
  const stored = await store.getChildDocuments(organizationId, 'assessments', [campaignId]);
  return stored
    .filter((d) => !d.deleted)
    .map((d) => d.body as unknown as AssessmentDocument)
    .filter((a) => a.kind === 'campaign' && a.campaignId === campaignId);
}

export async function campaignParticipations(deps: ParticipationDeps, organizationId: string, campaignId: string): Promise<CampaignParticipation[]> {
  // A push that just arrived is recomputed within milliseconds: wait for it, so a page read after it shows it.
  await deps.recompute.settled(SETTLE_TIMEOUT_MS);
  const all = await campaignAssessments(deps.store, organizationId, campaignId);
  const attempts = new Map<string, number>();
  for (const a of all) attempts.set(a.learnerId, (attempts.get(a.learnerId) ?? 0) + 1);
  const current = currentParticipations(all);
  const learners = new Map(
    (await deps.store.getLearners(current.map((a) => a.learnerId))).filter((l) => l.organizationId === organizationId).map((l) => [l.id, l]),
  );
  const results = new Map((await deps.store.getAssessmentResults(organizationId, current.map((a) => a.id))).map((r) => [r.assessmentId, r.body as unknown as TestResults]));
  return current.flatMap((assessment): CampaignParticipation[] => {
    const learner = learners.get(assessment.learnerId);
    // A test whose learner is not on this school's roster cannot be pushed ([SYNC-OWN-1]); never shown if met.
    if (!learner) return [];
    const result = results.get(assessment.id) ?? null;
    return [{
      assessment,
      learner: { id: learner.id, lastName: learner.lastName, firstName: learner.firstName, className: learner.className },
      status: participationStatus(assessment.state),
      attempts: attempts.get(assessment.learnerId) ?? 1,
      result,
      flag: flagOf(result),
    }];
  });
}

/** The scored participation results of a participation, when there are some. */
export function participationOf(result: TestResults | null) {
  if (result === null || result.status !== 'scored' || !('participation' in result.results)) return null;
  return result.results;
}
