/** What smart random needs to choose ([SR-1]): content, target, this assessment's answer log, and the device's state. */
import type { Answer } from '../answers/types.ts';
import type { PackIndex } from '../content/pack-index.ts';
import type { KnowledgeState } from '../knowledge/knowledge-element.ts';

export interface SmartRandomInput {
  index: PackIndex;
  /** Skills to test: a target profile's, or every skill of a competence for competence training. */
  targetSkillIds: readonly string[];
  /** This assessment's answers, in any order: they are replayed by `index`. */
  answers: readonly Pick<Answer, 'id' | 'assessmentId' | 'challengeId' | 'result' | 'index'>[];
  /** Seeds the choices among ties, so the same answers give the same next challenge. */
  assessmentId: string;
  /** The learner's answers in earlier assessments: their challenges are served only when no other variant is left. */
  previousAnswers?: readonly Pick<Answer, 'challengeId'>[];
  /**
   * Knowledge holding before this assessment: the validated elements a retry carries over, or the profile for
   * competence training. Skills it settles are not asked.
   */
  carriedOver?: KnowledgeState;
  /** false: challenges that require the Internet are never served ([SR-9]). */
  online: boolean;
}
