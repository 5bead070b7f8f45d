/**
 * Everything smart random knows about a test, derived from content + answers alone ([SR-10]): replaying the
 * same answers gives the same state, on the lab machine and on the relay.
 */
import type { AnswerResult } from '../content/types.ts';
import { computeKnowledgeElements } from '../knowledge/compute-knowledge-elements.ts';
import type { KnowledgeElement } from '../knowledge/knowledge-element.ts';
import { orderAssessmentAnswers } from '../knowledge/replay-order.ts';
import { estimateLevel } from './estimate-level.ts';
import type { Outcome } from './estimate-level.ts';
import type { SmartRandomInput } from './smart-random-input.ts';

export interface SmartRandomState {
  /** Knowledge after the carried-over elements and this assessment's answers. */
  knowledge: Map<string, KnowledgeElement>;
  /** Answers of this assessment (distinct ids). */
  answerCount: number;
  /** Challenges answered in this assessment: never served again. */
  answeredChallengeIds: Set<string>;
  /** [SR-4] From this assessment's direct answers; undefined before the first answer. */
  estimatedLevel: number | undefined;
  /** Result of the last answer of this assessment, if any. */
  lastResult: AnswerResult | undefined;
}

export function smartRandomState(input: SmartRandomInput): SmartRandomState {
  const { index } = input;
  const seen = new Set<string>();
  const answers = orderAssessmentAnswers(input.answers).filter((answer) => {
    if (seen.has(answer.id)) return false;
    seen.add(answer.id);
    return true;
  });
  const knowledge = computeKnowledgeElements({ index, answers, initial: input.carriedOver });
  const outcomes: Outcome[] = [];
  for (const answer of answers) {
    const challenge = index.challengeById.get(answer.challengeId);
    const skill = challenge === undefined ? undefined : index.skillById.get(challenge.skillId);
    if (skill !== undefined) outcomes.push({ difficulty: skill.level, success: answer.result === 'ok' });
  }
  return {
    knowledge,
    answerCount: answers.length,
    answeredChallengeIds: new Set(answers.map((answer) => answer.challengeId)),
    estimatedLevel: answers.length === 0 ? undefined : estimateLevel(outcomes),
    lastResult: answers.at(-1)?.result,
  };
}
