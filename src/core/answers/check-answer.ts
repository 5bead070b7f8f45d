/**
 * Is an answer value right? ([CHECK-7] … [CHECK-9]) Pure and total: a value of the wrong kind, a missing field
 * or an empty answer is 'ko', never an exception. Timers, skips and focus are not its business:
 * resolve-answer-result.ts turns this verdict into an AnswerResult.
 */
import type { AnswerValue, Challenge, ChoiceChallenge, FreeChallenge } from '../content/types.ts';
import { matchesFreeAnswer } from './match-free-answer.ts';
import { hasDistinctAssignment } from './match-solution-groups.ts';

export function checkAnswer(challenge: Challenge, value: AnswerValue): 'ok' | 'ko' {
  const right = isChoiceChallenge(challenge) ? checkChoice(challenge, value) : checkFree(challenge, value);
  return right ? 'ok' : 'ko';
}

// A type guard: comparing `type` with 'QCU' does not narrow the other branch, as QCU and QCM share one member.
function isChoiceChallenge(challenge: Challenge): challenge is ChoiceChallenge {
  return challenge.type === 'QCU' || challenge.type === 'QCM';
}

/** [CHECK-7] QCU: exactly the one solution. QCM: the same set as the solution (order and repeats ignored). */
function checkChoice(challenge: ChoiceChallenge, value: AnswerValue): boolean {
  if (value.kind !== 'choice') return false;
  if (challenge.type === 'QCU') {
    const [only] = challenge.solution;
    return value.selected.length === 1 && only !== undefined && value.selected[0] === only;
  }
  const selected = new Set(value.selected);
  const expected = new Set(challenge.solution);
  return expected.size > 0 && selected.size === expected.size && [...expected].every((index) => selected.has(index));
}

/** [CHECK-8] QROC and QROCM-ind: each field against its own solutions. [CHECK-9] QROCM-dep: distinct groups. */
function checkFree(challenge: FreeChallenge, value: AnswerValue): boolean {
  if (value.kind !== 'fields' || challenge.fields.length === 0) return false;
  const rules = { format: challenge.format, tolerances: challenge.tolerances };
  const answers = challenge.fields.map((field) => value.fields[field.key] ?? '');
  if (challenge.type === 'QROCM-dep') {
    const fits = answers.map((answer) =>
      challenge.solutionGroups.flatMap((group, g) => (matchesFreeAnswer(answer, group, rules) ? [g] : [])),
    );
    return hasDistinctAssignment(fits);
  }
  return challenge.fields.every((field, i) => matchesFreeAnswer(answers[i] ?? '', field.solutions, rules));
}
