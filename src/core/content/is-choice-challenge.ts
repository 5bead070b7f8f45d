import type { Challenge, ChoiceChallenge } from './types.ts';

/** `type` is a union inside each variant, so comparing it alone does not narrow the other branch. */
export function isChoiceChallenge(challenge: Challenge): challenge is ChoiceChallenge {
  return challenge.type === 'QCU' || challenge.type === 'QCM';
}
