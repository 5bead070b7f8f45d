/**
 * The prior-seen list frozen on an assessment when it starts ([REPLAY-2]): the challenges of the test's target the
 * learner answered in earlier assessments, as far as the machine knows them then. Smart random prefers other
 * variants of a skill ([SR-12]); what arrives by replication afterwards changes nothing, so the relay replays the
 * choices from this list and the log alone.
 */
import { compareIds } from '../content/pack-index.ts';
import type { PackIndex } from '../content/pack-index.ts';
import { MAX_PRIOR_CHALLENGES } from '../sync/document-specs.ts';
import type { AssessmentKind } from '../sync/documents.ts';

export interface PriorChallengesInput {
  index: PackIndex;
  kind: AssessmentKind;
  targetSkillIds: readonly string[];
  /** Challenge ids of the learner's answers in other assessments (any order, repeats allowed). */
  answeredBefore: readonly string[];
}

/**
 * Sorted by id, without repeats, only challenges of target skills (nothing else can be chosen), at most
 * MAX_PRIOR_CHALLENGES; empty for certification, whose choice never looks at earlier tests ([FLASH-6]).
 */
export function priorChallengeIds({ index, kind, targetSkillIds, answeredBefore }: PriorChallengesInput): string[] {
  if (kind === 'certification') return [];
  const targets = new Set(targetSkillIds);
  const relevant = new Set<string>();
  for (const challengeId of answeredBefore) {
    const challenge = index.challengeById.get(challengeId);
    if (challenge !== undefined && targets.has(challenge.skillId)) relevant.add(challengeId);
  }
  return [...relevant].sort(compareIds).slice(0, MAX_PRIOR_CHALLENGES);
}
