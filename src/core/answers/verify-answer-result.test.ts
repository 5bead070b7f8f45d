/**
 * [RESULT-5] The relay's re-check of a stored answer: only a claimed skip or focus-out is believed, as either can
 * only lower the score; a claimed success is never one.
 */
import { describe, expect, it } from 'vitest';
import type { AnswerValue } from '../content/types.ts';
import { makeChoiceChallenge } from '../test/make-pack.ts';
import { verifyAnswerResult } from './verify-answer-result.ts';

const right: AnswerValue = { kind: 'choice', selected: [1] };
const focused = makeChoiceChallenge({ focused: true });

describe('[RESULT-5] re-checking a recorded answer', () => {
  it('a right answer recorded as ok on a focused certification challenge stays ok: focus-out is never inferred', () => {
    expect(verifyAnswerResult(focused, { value: right, result: 'ok', timeSpentMs: 5_000 }, 'certification')).toBe('ok');
    expect(verifyAnswerResult(focused, { value: right, result: 'ko', timeSpentMs: 5_000 }, 'certification')).toBe('ok');
  });

  it('a recorded focus-out on a focused certification challenge is believed, right answer or not', () => {
    expect(verifyAnswerResult(focused, { value: right, result: 'focusedOut', timeSpentMs: 5_000 }, 'certification')).toBe('focusedOut');
  });
});
