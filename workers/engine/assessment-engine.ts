/**
 * What the engine decides for one assessment, from content and its answer log only (replaying the same answers
 * gives the same result): the next challenge, the end, results. No I/O here; handlers load and store.
 */
import type { Answer } from '../../src/core/answers/types.ts';
import type { Challenge } from '../../src/core/content/types.ts';
import { checkpointItems, positionInGroup, CHECKPOINT_EVERY } from '../../src/core/campaign/checkpoint.ts';
import type { CheckpointItem } from '../../src/core/campaign/checkpoint.ts';
import { participationResults } from '../../src/core/campaign/participation-results.ts';
import type { ParticipationResults } from '../../src/core/campaign/participation-results.ts';
import { competenceTargetSkillIds } from '../../src/core/campaign/target-profile.ts';
import { CERTIFICATION_LENGTH, nextCertificationItem, scoreCertification } from '../../src/core/flash/certification.ts';
import type { CertificationResult } from '../../src/core/flash/certification.ts';
import { computeKnowledgeElements } from '../../src/core/knowledge/compute-knowledge-elements.ts';
import { orderAssessmentAnswers } from '../../src/core/knowledge/replay-order.ts';
import type { CompetenceId } from '../../src/core/referential.ts';
import { nextChallenge } from '../../src/core/smart-random/next-challenge.ts';
import type { AssessmentDocument } from '../../src/core/sync/documents.ts';
import type { LoadedContent } from '../content/content-cache.ts';

export interface AssessmentContext {
  content: LoadedContent;
  assessment: AssessmentDocument;
  /** This assessment's answers, any order. */
  answers: readonly Answer[];
  /** Target skills (campaign: its target profile; competence: every skill of the competence). */
  targetSkillIds: readonly string[];
  /** The learner's answers in earlier assessments (variants already seen). */
  previousAnswers: readonly Pick<Answer, 'challengeId'>[];
  online: boolean;
}

export type EngineStep = { kind: 'challenge'; challenge: Challenge } | { kind: 'end' };

export function targetSkillsFor(content: LoadedContent, assessment: AssessmentDocument, campaignTargets: readonly string[] | null): string[] {
  if (assessment.kind === 'competence' && assessment.competenceId) return competenceTargetSkillIds(content.index, assessment.competenceId as CompetenceId);
  return [...(campaignTargets ?? [])];
}

export function decideNext(ctx: AssessmentContext): EngineStep {
  const ordered = orderAssessmentAnswers(ctx.answers);
  if (ctx.assessment.kind === 'certification') {
    const next = nextCertificationItem({ bank: ctx.content.flashBank(), seed: ctx.assessment.id, online: ctx.online }, ordered);
    if (next.kind === 'end') return { kind: 'end' };
    const challenge = ctx.content.index.challengeById.get(next.item.id);
    return challenge ? { kind: 'challenge', challenge } : { kind: 'end' };
  }
  const next = nextChallenge({
    index: ctx.content.index,
    targetSkillIds: ctx.targetSkillIds,
    answers: ordered,
    assessmentId: ctx.assessment.id,
    previousAnswers: ctx.previousAnswers,
    online: ctx.online,
  });
  if (next.kind === 'end') return { kind: 'end' };
  const challenge = ctx.content.index.challengeById.get(next.challengeId);
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

export function resultsOf(ctx: AssessmentContext, finished: boolean): AssessmentResults {
  const ordered = orderAssessmentAnswers(ctx.answers);
  if (ctx.assessment.kind === 'certification') {
    return { kind: 'certification', certification: scoreCertification({ bank: ctx.content.flashBank(), seed: ctx.assessment.id, online: ctx.online }, ordered) };
  }
  const knowledge = computeKnowledgeElements({ index: ctx.content.index, answers: ordered });
  return { kind: ctx.assessment.kind, participation: participationResults({ index: ctx.content.index, targetSkillIds: ctx.targetSkillIds, knowledge, finished }) };
}
