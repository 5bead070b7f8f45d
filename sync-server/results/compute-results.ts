/**
 * A test's results as the relay computes them from its answer log and its own content (ARCHITECTURE.md: the relay
 * never trusts results computed on a client). Correctness is re-checked from each answer's value; only what the
 * machine alone observed is taken from it: "Je passe", time spent, leaving the window.
 */
import { resolveAnswerResult } from '../../src/core/answers/resolve-answer-result.ts';
import type { Answer } from '../../src/core/answers/types.ts';
import { participationResults } from '../../src/core/campaign/participation-results.ts';
import { competenceTargetSkillIds } from '../../src/core/campaign/target-profile.ts';
import type { AnswerResult } from '../../src/core/content/types.ts';
import { scoreCertification } from '../../src/core/flash/certification.ts';
import { computeKnowledgeElements } from '../../src/core/knowledge/compute-knowledge-elements.ts';
import { orderAssessmentAnswers } from '../../src/core/knowledge/replay-order.ts';
import type { CompetenceId } from '../../src/core/referential.ts';
import type { AnswerDocument, AssessmentDocument } from '../../src/core/sync/documents.ts';
import type { RelayContent } from '../content/content-library.ts';

export interface RecomputedAnswer {
  id: string;
  challengeId: string;
  /** What the machine recorded. */
  clientResult: AnswerResult;
  /** What the relay finds. */
  result: AnswerResult;
}

export interface ComputedResults {
  kind: AssessmentDocument['kind'];
  state: AssessmentDocument['state'];
  sharedAt: number | null;
  answers: RecomputedAnswer[];
  /** Answers whose challenge the pack does not have (scored as failures). */
  unknownChallenges: string[];
  results: Record<string, unknown>;
}

export function serverResult(content: RelayContent, kind: AssessmentDocument['kind'], answer: AnswerDocument): AnswerResult {
  const challenge = content.index.challengeById.get(answer.challengeId);
  if (!challenge) return 'ko';
  return resolveAnswerResult({
    challenge,
    value: answer.value,
    skipped: answer.result === 'aband',
    timeSpentMs: answer.timeSpentMs,
    focusedOut: answer.result === 'focusedOut',
    kind,
  });
}

export function computeResults(content: RelayContent, assessment: AssessmentDocument, answerDocs: AnswerDocument[], campaignTargets: readonly string[] | null): ComputedResults {
  const ordered = orderAssessmentAnswers(answerDocs);
  const answers: Answer[] = ordered.map((doc) => ({
    id: doc.id,
    assessmentId: doc.assessmentId,
    challengeId: doc.challengeId,
    value: doc.value,
    result: serverResult(content, assessment.kind, doc),
    timeSpentMs: doc.timeSpentMs,
    answeredAt: doc.answeredAt,
    deviceId: doc.deviceId,
    index: doc.index,
  }));
  const known = answers.filter((a) => content.index.challengeById.has(a.challengeId));
  const base = {
    kind: assessment.kind,
    state: assessment.state,
    sharedAt: assessment.sharedAt,
    answers: answers.map((a, i) => ({ id: a.id, challengeId: a.challengeId, clientResult: ordered[i]?.result ?? a.result, result: a.result })),
    unknownChallenges: answers.filter((a) => !content.index.challengeById.has(a.challengeId)).map((a) => a.challengeId),
  };
  if (assessment.kind === 'certification') {
    const certification = scoreCertification({ bank: content.flashBank(), seed: assessment.id, online: true }, known);
    return { ...base, results: { certification } };
  }
  const targetSkillIds =
    assessment.kind === 'competence' && assessment.competenceId ? competenceTargetSkillIds(content.index, assessment.competenceId as CompetenceId) : [...(campaignTargets ?? [])];
  const knowledge = computeKnowledgeElements({ index: content.index, answers: known });
  const participation = participationResults({ index: content.index, targetSkillIds, knowledge, finished: assessment.state !== 'started' });
  return { ...base, results: { participation, knowledgeElements: [...knowledge.values()] } };
}
