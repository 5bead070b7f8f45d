/**
 * Smart random, the adaptive engine of campaigns and competence training ([SR-1] … [SR-12]). Pure: the next
 * challenge is a function of content, target and answer log; choices among equals come from a Random seeded
 * with the assessment id and the number of answers, so replaying a test replays its choices.
 */
import type { Challenge } from '../content/types.ts';
import { createRandom, pick } from '../random.ts';
import type { Random } from '../random.ts';
import { targetView } from './candidates.ts';
import { firstSkills, nextSkills } from './choose-skills.ts';
import type { SmartRandomInput } from './smart-random-input.ts';
import { smartRandomState } from './smart-random-state.ts';

export type NextChallenge = { kind: 'challenge'; challengeId: string; skillId: string } | { kind: 'end' };

export function nextChallenge(input: SmartRandomInput): NextChallenge {
  const state = smartRandomState(input);
  const view = targetView(input, state);
  const { skills, untimedOnly } =
    state.estimatedLevel === undefined
      ? firstSkills(view)
      : nextSkills(view, state.estimatedLevel, state.lastResult === 'timedout');
  // [SR-11] One generator per step: the k-th choice depends on the assessment and k, not on earlier calls.
  const random = createRandom(`${input.assessmentId}#${state.answerCount}`);
  const chosen = pick(random, skills);
  if (chosen === undefined) return { kind: 'end' };
  const variants = chosen.challenges.filter((challenge) => view.servable(challenge) && (!untimedOnly || challenge.timer === undefined));
  const challenge = pickVariant(random, variants, input.previousAnswers ?? []);
  if (challenge === undefined) return { kind: 'end' };
  return { kind: 'challenge', challengeId: challenge.id, skillId: chosen.skill.id };
}

/** [SR-12] A variant this learner has not seen in earlier assessments if there is one, else any; seeded. */
function pickVariant(random: Random, variants: readonly Challenge[], previousAnswers: readonly { challengeId: string }[]): Challenge | undefined {
  const seenBefore = new Set(previousAnswers.map((answer) => answer.challengeId));
  const unseen = variants.filter((challenge) => !seenBefore.has(challenge.id));
  return pick(random, unseen.length > 0 ? unseen : variants);
}
