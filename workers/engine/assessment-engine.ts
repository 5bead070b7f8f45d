/**
 * What the engine decides for one assessment, from content and its answer log only (replaying the same answers
 * gives the same result): the next challenge, the end, results. The choice and the results are src/core's
 * (`chooseNextChallenge`, `testResults`), the same functions the relay replays and scores with. No I/O here;
 * handlers load and store.
 */
import { checkpointItems, positionInGroup, CHECKPOINT_EVERY } from '../../src/core/campaign/checkpoint.ts';
import type { CheckpointItem } from '../../src/core/campaign/checkpoint.ts';
import type { ParticipationResults } from '../../src/core/campaign/participation-results.ts';
import type { Challenge } from '../../src/core/content/types.ts';
import { CERTIFICATION_LENGTH } from '../../src/core/flash/certification.ts';
import type { CertificationResult } from '../../src/core/flash/certification.ts';
import { orderAssessmentAnswers } from '../../src/core/knowledge/replay-order.ts';
import { chooseNextChallenge } from '../../src/core/replay/choose-next.ts';
import { testResults } from '../../src/core/results/test-results.ts';
import type { AnswerDocument, AssessmentDocument } from '../../src/core/sync/documents.ts';
import type { LoadedContent } from '../content/content-cache.ts';

export interface AssessmentContext {
  content: LoadedContent;
  assessment: AssessmentDocument;
  /** This assessment's answers, any order. */
  answers: readonly AnswerDocument[];
  /** Target skills (campaign: its target profile; competence: every skill of the competence). */
  targetSkillIds: readonly string[];
}

export type EngineStep = { kind: 'challenge'; challenge: Challenge } | { kind: 'end' };

/** The challenge for the next position, chosen with that position's online flag ([REPLAY-1], [REPLAY-3]). */
export function decideNext(ctx: AssessmentContext, online: boolean): EngineStep {
  const choice = chooseNextChallenge({ content: ctx.content, assessment: ctx.assessment, targetSkillIds: ctx.targetSkillIds, answers: ctx.answers, online });
  if (choice.kind === 'end') return { kind: 'end' };
  const challenge = ctx.content.index.challengeById.get(choice.challengeId);
  return challenge ? { kind: 'challenge', challenge } : { kind: 'end' };
}

/** Where the student is: "n/5" within the group of a campaign, "n/32" in certification. */
export function progressOf(kind: AssessmentDocument['kind'], answerCount: number): { current: number; total: number } {
  if (kind === 'certification') return { current: answerCount + 1, total: CERTIFICATION_LENGTH };
  return { current: positionInGroup(answerCount), total: CHECKPOINT_EVERY };
}

export function checkpointOf(ctx: AssessmentContext): CheckpointItem[] {
  return checkpointItems(ctx.content.index, orderAssessmentAnswers(ctx.answers));
}

export type AssessmentResults =
  | { kind: 'campaign' | 'competence'; participation: ParticipationResults }
  | { kind: 'certification'; certification: CertificationResult };

/** The machine's (provisional) results: the same assembly as the relay's ([RESULTS-1]). */
export function resultsOf(ctx: AssessmentContext): AssessmentResults {
  const campaignTargetSkillIds = ctx.assessment.kind === 'campaign' ? ctx.targetSkillIds : null;
  const { results } = testResults({ content: ctx.content, assessment: ctx.assessment, answers: ctx.answers, campaignTargetSkillIds });
  if ('certification' in results) return { kind: 'certification', certification: results.certification };
  return { kind: ctx.assessment.kind === 'competence' ? 'competence' : 'campaign', participation: results.participation };
}
