/**
 * Steering a campaign towards a kind of challenge (timed, focused) by answering right or wrong: smart random is
 * deterministic ([SR-10], [SR-11]), so the test can look a few answers ahead with src/core's own function, from the
 * assessment id and the log it has given. It replans at every step from what the screen actually shows, so a
 * prediction that differs from the worker's (a changed input) costs a detour, not a wrong test.
 */
import type { Answer } from '../../src/core/answers/types.ts';
import type { PackIndex } from '../../src/core/content/pack-index.ts';
import type { AnswerResult, Challenge } from '../../src/core/content/types.ts';
import { nextChallenge } from '../../src/core/smart-random/next-challenge.ts';

export interface SteerState {
  index: PackIndex;
  targetSkillIds: readonly string[];
  assessmentId: string;
  /** The answers given so far, in order: challenge and result. */
  log: readonly { challengeId: string; result: AnswerResult }[];
  /** Challenges the learner saw in earlier assessments. */
  previous: readonly string[];
}

/** How many answers ahead to look. */
const HORIZON = 8;

/** The challenge the engine should serve after `log`, or null at the end (exported so a test can check its predictions). */
export function next(state: SteerState, log: readonly { challengeId: string; result: AnswerResult }[]): Challenge | null {
  const answers: Answer[] = log.map((a, i) => ({
    id: `${state.assessmentId}:${i}`, assessmentId: state.assessmentId, challengeId: a.challengeId, result: a.result,
    value: { kind: 'choice', selected: [] }, timeSpentMs: 1, answeredAt: 0, deviceId: 'steer', index: i,
  }));
  const choice = nextChallenge({ index: state.index, targetSkillIds: state.targetSkillIds, answers, assessmentId: state.assessmentId, previousAnswers: state.previous.map((challengeId) => ({ challengeId })), online: true });
  return choice.kind === 'challenge' ? (state.index.challengeById.get(choice.challengeId) ?? null) : null;
}

/**
 * Whether to answer the challenge on screen right or wrong so that a challenge matching `goal` comes soonest
 * (breadth-first over the two outcomes); 'right' when no path within the horizon reaches one.
 */
export function steer(state: SteerState, current: Challenge, goal: (c: Challenge) => boolean): 'right' | 'wrong' {
  type Path = { first: 'right' | 'wrong'; log: { challengeId: string; result: AnswerResult }[] };
  let frontier: Path[] = (['right', 'wrong'] as const).map((first) => ({ first, log: [...state.log, { challengeId: current.id, result: first === 'right' ? 'ok' : 'ko' }] }));
  for (let depth = 0; depth < HORIZON && frontier.length > 0; depth++) {
    const following: Path[] = [];
    for (const path of frontier) {
      const challenge = next(state, path.log);
      if (!challenge) continue;
      if (goal(challenge)) return path.first;
      for (const result of ['ok', 'ko'] as const) following.push({ first: path.first, log: [...path.log, { challengeId: challenge.id, result }] });
    }
    frontier = following;
  }
  return 'right';
}
