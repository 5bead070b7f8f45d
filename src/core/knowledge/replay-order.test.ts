import { describe, expect, it } from 'vitest';
import { makeAnswer } from '../test/make-pack.ts';
import { orderAnswerLog, orderAssessmentAnswers } from './replay-order.ts';

describe('replay order', () => {
  it('[KE-7] replays one assessment by index, then id, never by clock', () => {
    const answers = [
      makeAnswer({ assessmentId: 'a', challengeId: 'x', result: 'ok', index: 2, answeredAt: 1 }),
      makeAnswer({ assessmentId: 'a', challengeId: 'y', result: 'ok', index: 0, answeredAt: 99 }),
      makeAnswer({ id: 'z2', assessmentId: 'a', challengeId: 'z', result: 'ok', index: 1 }),
      makeAnswer({ id: 'z1', assessmentId: 'a', challengeId: 'w', result: 'ok', index: 1 }),
    ];
    expect(orderAssessmentAnswers(answers).map((a) => a.challengeId)).toEqual(['y', 'w', 'z', 'x']);
  });

  it('[KE-7] replays assessments in the order given, unknown ones last', () => {
    const answers = [
      makeAnswer({ assessmentId: 'second', challengeId: 's0', result: 'ok', index: 0 }),
      makeAnswer({ assessmentId: 'stray', challengeId: 'x0', result: 'ok', index: 0 }),
      makeAnswer({ assessmentId: 'first', challengeId: 'f1', result: 'ok', index: 1 }),
      makeAnswer({ assessmentId: 'first', challengeId: 'f0', result: 'ok', index: 0 }),
    ];
    expect(orderAnswerLog(answers, ['first', 'second']).map((a) => a.challengeId)).toEqual(['f0', 'f1', 's0', 'x0']);
  });
});
