/**
 * The checkpoint with "Réponses et tutos" ([CAMP-6], [CAMP-7]): the last group's answers, each with its challenge
 * as the student saw it, what they answered, the expected answer, the explanation and the tutorials. Solutions
 * leave the engine here only for challenges already in the answer log.
 */
import type { Answer } from '../../src/core/answers/types.ts';
import { checkpointItems } from '../../src/core/campaign/checkpoint.ts';
import type { CheckpointItem } from '../../src/core/campaign/checkpoint.ts';
import { expectedAnswer } from '../../src/core/campaign/expected-answer.ts';
import type { ExpectedAnswer } from '../../src/core/campaign/expected-answer.ts';
import { toPublicChallenge } from '../../src/core/content/public-challenge.ts';
import type { AnswerValue, PublicChallenge } from '../../src/core/content/types.ts';
import { orderAssessmentAnswers } from '../../src/core/knowledge/replay-order.ts';
import type { AnswerDocument } from '../../src/core/sync/documents.ts';
import type { LoadedContent } from '../content/content-cache.ts';
import type { LabRuntime } from '../runtime/lab-runtime.ts';

export interface CheckpointReviewItem extends CheckpointItem {
  /** 1-based position of the answer in the test. */
  position: number;
  /** Null when the challenge is no longer in the pack. */
  challenge: PublicChallenge | null;
  given: AnswerValue;
  expected: ExpectedAnswer | null;
  explanation: string;
}

export interface AnswerReviewHandlers {
  checkpointReview(input: { assessmentId: string }): Promise<CheckpointReviewItem[]>;
}

export function createAnswerReviewHandlers(runtime: LabRuntime, loadContent: (version?: string) => Promise<LoadedContent | null>): AnswerReviewHandlers {
  return {
    async checkpointReview({ assessmentId }) {
      const db = await runtime.db();
      const assessment = await db.assessments.findOne(assessmentId).exec();
      if (!assessment) return [];
      const content = await loadContent(assessment.contentVersion);
      if (!content) return [];
      const docs = (await db.answers.find({ selector: { assessmentId } }).exec()).map((d) => d.toJSON() as AnswerDocument);
      const ordered: (Answer & { doc: AnswerDocument })[] = orderAssessmentAnswers(docs).map((doc) => ({ ...doc, doc }));
      const byId = new Map(ordered.map((answer, i) => [answer.id, { doc: answer.doc, position: i + 1 }]));
      return checkpointItems(content.index, ordered).map((item) => {
        const challenge = content.index.challengeById.get(item.challengeId);
        const answer = byId.get(item.answerId);
        return {
          ...item,
          tutorials: [...item.tutorials],
          position: answer?.position ?? 0,
          challenge: challenge ? toPublicChallenge(challenge) : null,
          given: answer?.doc.value ?? { kind: 'choice', selected: [] },
          expected: challenge ? expectedAnswer(challenge) : null,
          explanation: challenge?.explanation ?? '',
        };
      });
    },
  };
}
