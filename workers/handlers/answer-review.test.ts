import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { correctAnswer, wrongAnswer } from '../../test/bank.ts';
import { createBankRuntime } from '../../test/bank-runtime.ts';
import type { BankRuntime } from '../../test/bank-runtime.ts';
import { expectedAnswer } from '../../src/core/campaign/expected-answer.ts';
import { createAnswerReviewHandlers } from './answer-review.ts';
import type { AnswerReviewHandlers } from './answer-review.ts';
import { createAssessmentHandlers } from './assessments.ts';
import type { AssessmentHandlers } from './assessments.ts';

let lab: BankRuntime;
let review: AnswerReviewHandlers;
let tests: AssessmentHandlers;

beforeAll(async () => {
  lab = createBankRuntime();
  review = createAnswerReviewHandlers(lab.runtime, lab.runtime.deps.loadContent);
  tests = createAssessmentHandlers(lab.runtime, lab.runtime.deps.loadContent);
  await lab.addCampaign({ id: 'c', code: 'QWERTY234', targetSkillIds: lab.content.pack.skills.filter((s) => ['1.1', '4.1'].includes(lab.content.index.competenceIdBySkill.get(s.id) ?? '')).map((s) => s.id) });
});

afterAll(() => lab.dispose());

describe('checkpoint with "Réponses et tutos"', () => {
  it('[CAMP-6] [CAMP-7] lists the last group with each challenge, the answer given, the expected one and the tutorials; nothing for what was not answered', async () => {
    const started = await tests.startAssessment({ kind: 'campaign', learnerId: 'camille', campaignCode: 'QWERTY234' });
    if (!started.ok) throw new Error(started.reason);
    const { assessmentId } = started;
    expect(await review.checkpointReview({ assessmentId })).toEqual([]);
    const asked: string[] = [];
    for (let n = 0; n < 7; n++) {
      const next = await tests.nextChallenge({ assessmentId });
      if (next.kind !== 'challenge') throw new Error('ended early');
      const challenge = lab.challenge(next.challenge.id);
      asked.push(challenge.id);
      const value = n === 1 ? wrongAnswer(challenge) : correctAnswer(challenge);
      const submitted = await tests.submitAnswer({ assessmentId, challengeId: challenge.id, value, skipped: n === 2, timeSpentMs: 1_000, focusedOut: false });
      expect(submitted.ok).toBe(true);
      if (n === 4) {
        const group = await review.checkpointReview({ assessmentId });
        expect(group.map((i) => [i.position, i.challengeId, i.correct])).toEqual(asked.map((id, i) => [i + 1, id, i !== 1 && i !== 2]));
        const first = group[0];
        expect(first?.given).toEqual(correctAnswer(lab.challenge(asked[0] ?? '')));
        expect(first?.expected).toEqual(expectedAnswer(lab.challenge(asked[0] ?? '')));
        expect(first?.explanation).toBe(lab.challenge(asked[0] ?? '').explanation);
        expect(first?.tutorials.length).toBeGreaterThan(0);
        expect(group[2]).toMatchObject({ result: 'aband', given: { kind: 'choice', selected: [] } });
        // The challenge itself, as the student saw it: no solution inside.
        expect(JSON.stringify(group.map((i) => i.challenge))).not.toMatch(/"solution"|"solutionGroups"|"solutions"|"explanation"/);
      }
    }
    // The next group holds the answers since the last checkpoint only.
    expect((await review.checkpointReview({ assessmentId })).map((i) => i.position)).toEqual([6, 7]);
    // The challenge now on screen is not answered: its solution is not in the review.
    const current = await tests.nextChallenge({ assessmentId });
    if (current.kind !== 'challenge') throw new Error('ended early');
    expect((await review.checkpointReview({ assessmentId })).map((i) => i.challengeId)).not.toContain(current.challenge.id);
    expect(await review.checkpointReview({ assessmentId: 'unknown' })).toEqual([]);
  });
});
