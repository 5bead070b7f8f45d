import { describe, expect, it } from 'vitest';
import type { AnswerValue } from '../content/types.ts';
import { makeAnswer, makeChoiceChallenge } from '../test/make-pack.ts';
import { resolveAnswerResult } from './resolve-answer-result.ts';
import type { AnswerSubmission } from './resolve-answer-result.ts';
import { verifyAnswerResult } from './verify-answer-result.ts';

const right: AnswerValue = { kind: 'choice', selected: [1] };
const wrong: AnswerValue = { kind: 'choice', selected: [2] };
const timed = makeChoiceChallenge({ timer: 30 });
const focused = makeChoiceChallenge({ focused: true });

function submit(overrides: Partial<AnswerSubmission>): AnswerSubmission {
  return { challenge: makeChoiceChallenge(), value: right, skipped: false, timeSpentMs: 5_000, focusedOut: false, kind: 'campaign', ...overrides };
}

describe('resolveAnswerResult', () => {
  it('[RESULT-4] a right answer is ok, a wrong one ko', () => {
    expect(resolveAnswerResult(submit({}))).toBe('ok');
    expect(resolveAnswerResult(submit({ value: wrong }))).toBe('ko');
  });

  it('[RESULT-1] "Je passe" is aband, whatever else happened', () => {
    expect(resolveAnswerResult(submit({ skipped: true }))).toBe('aband');
    expect(resolveAnswerResult(submit({ skipped: true, challenge: focused, focusedOut: true, kind: 'certification' }))).toBe('aband');
  });

  it('[RESULT-2] a right answer after the timer is timedout; a wrong one stays ko', () => {
    expect(resolveAnswerResult(submit({ challenge: timed, timeSpentMs: 30_000 }))).toBe('ok');
    expect(resolveAnswerResult(submit({ challenge: timed, timeSpentMs: 30_001 }))).toBe('timedout');
    expect(resolveAnswerResult(submit({ challenge: timed, timeSpentMs: 45_000, value: wrong }))).toBe('ko');
    expect(resolveAnswerResult(submit({ timeSpentMs: 3_600_000 }))).toBe('ok');
  });

  it('[RESULT-3] leaving the window fails a focused challenge in certification only', () => {
    expect(resolveAnswerResult(submit({ challenge: focused, focusedOut: true, kind: 'certification' }))).toBe('focusedOut');
    expect(resolveAnswerResult(submit({ challenge: focused, focusedOut: true, kind: 'certification', value: wrong }))).toBe('focusedOut');
    expect(resolveAnswerResult(submit({ challenge: focused, focusedOut: true, kind: 'campaign' }))).toBe('ok');
    expect(resolveAnswerResult(submit({ focusedOut: true, kind: 'certification' }))).toBe('ok');
  });

  it('[RESULT-2] [RESULT-3] timedout takes precedence over focusedOut on a right answer', () => {
    const both = makeChoiceChallenge({ timer: 10, focused: true });
    expect(resolveAnswerResult(submit({ challenge: both, timeSpentMs: 11_000, focusedOut: true, kind: 'certification' }))).toBe('timedout');
  });

  it('[RESULT-5] the relay recomputes a claimed ok and believes a claimed skip or focus-out', () => {
    const base = { assessmentId: 'a', challengeId: 'qcu-1', index: 0 };
    expect(verifyAnswerResult(makeChoiceChallenge(), makeAnswer({ ...base, result: 'ok', value: wrong }), 'campaign')).toBe('ko');
    expect(verifyAnswerResult(timed, makeAnswer({ ...base, result: 'ok', value: right, timeSpentMs: 60_000 }), 'campaign')).toBe('timedout');
    expect(verifyAnswerResult(makeChoiceChallenge(), makeAnswer({ ...base, result: 'aband', value: right }), 'campaign')).toBe('aband');
    expect(verifyAnswerResult(focused, makeAnswer({ ...base, result: 'focusedOut', value: right }), 'certification')).toBe('focusedOut');
    expect(verifyAnswerResult(makeChoiceChallenge(), makeAnswer({ ...base, result: 'ko', value: right }), 'campaign')).toBe('ok');
  });
});
