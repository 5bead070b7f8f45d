/**
 * A certification test derived from the item bank and the answer log ([FLASH-2] … [FLASH-19]): which item
 * comes next (or the end), and the result: a score 0–895, a level per competence, or a cancellation.
 * Everything is recomputed from the answers, so the worker, a reload and the relay agree.
 */
import type { Answer } from '../answers/types.ts';
import type { CompetenceId } from '../referential.ts';
import { COMPETENCE_IDS } from '../referential.ts';
import type { AbilityEstimate } from './ability-estimate.ts';
import { competenceCapacities } from './competence-capacity.ts';
import type { CompetenceResponse } from './competence-capacity.ts';
import type { FlashBank } from './flash-bank.ts';
import type { FlashItem } from './flash-item.ts';
import { FlashTestState } from './flash-test-state.ts';
import { levelFromCapacity, scoreFromCapacity } from './score-scale.ts';
import { selectNextItem } from './select-item.ts';

/** Items in a certification test ([FLASH-2]). */
export const CERTIFICATION_LENGTH = 32;
/** Fewest answers that give a result ([FLASH-16]). */
export const MINIMUM_ANSWERS = 20;

/** What the algorithm reads of an answer; pass the log in `Answer.index` order. */
export type CertificationAnswer = Pick<Answer, 'challengeId' | 'result'>;

export interface CertificationTest {
  bank: FlashBank;
  /** The assessment id: fixes the candidate's exposure-control draws ([FLASH-6], [FLASH-10]). */
  seed: string;
  /** The machine can reach the Internet ([FLASH-8]); false in an offline lab. */
  online: boolean;
}

export type NextItem =
  | { kind: 'item'; item: FlashItem; /** 1-based position in the test. */ position: number; estimate: AbilityEstimate }
  | { kind: 'end'; reason: 'complete' | 'bank-exhausted' };

/** Thrown when the log names a challenge the bank does not have (a test must keep its pack version). */
export class UnknownChallengeError extends Error {
  override readonly name = 'UnknownChallengeError';
}

/**
 * Replay the answer log into a test state ([FLASH-6], [FLASH-7], [FLASH-19]): 'ok' is a success and every
 * other result a failure; a second answer to the same challenge is ignored.
 */
export function replayAnswers(test: CertificationTest, answers: readonly CertificationAnswer[]): FlashTestState {
  const state = new FlashTestState(test.bank, test.seed);
  const seen = new Set<string>();
  for (const answer of answers) {
    if (seen.has(answer.challengeId)) continue;
    seen.add(answer.challengeId);
    const index = test.bank.indexById.get(answer.challengeId);
    if (index === undefined) throw new UnknownChallengeError(`challenge "${answer.challengeId}" is not in the bank`);
    state.record(index, answer.result === 'ok');
  }
  return state;
}

/** The next item for a candidate, or the end of the test ([FLASH-2], [FLASH-13]). */
export function nextCertificationItem(test: CertificationTest, answers: readonly CertificationAnswer[]): NextItem {
  return nextFromState(test, replayAnswers(test, answers));
}

function nextFromState(test: CertificationTest, state: FlashTestState): NextItem {
  if (state.administered.length >= CERTIFICATION_LENGTH) return { kind: 'end', reason: 'complete' };
  const item = test.bank.items[nextIndex(test, state)];
  if (!item) return { kind: 'end', reason: 'bank-exhausted' };
  return { kind: 'item', item, position: state.administered.length + 1, estimate: state.estimate() };
}

/** Bank index of the next item, −1 at the end. */
function nextIndex(test: CertificationTest, state: FlashTestState): number {
  if (state.administered.length >= CERTIFICATION_LENGTH) return -1;
  return selectNextItem(state, { online: test.online });
}

/** Who ended a test early, as recorded at finalisation. */
export type AbortReason = 'candidate' | 'technical';

export interface CompetenceResult {
  competenceId: CompetenceId;
  /** 0 … 7; 0 means level 1 is not reached. */
  level: number;
  /** Competence capacity (logits) the level comes from. */
  capacity: number;
}

export type CertificationResult =
  | {
      status: 'cancelled';
      reason: 'technical-abort' | 'too-few-answers';
      /** Answers in the log (distinct challenges). */
      answerCount: number;
    }
  | {
      status: 'scored';
      /** 0 … 895. */
      score: number;
      /** Overall level 0 … 7 of the capacity. */
      level: number;
      /** Final capacity estimate and its SEM (logits). */
      capacity: number;
      sem: number;
      competences: CompetenceResult[];
      /** Answers in the log (distinct challenges). */
      answerCount: number;
      /** Missing answers scored as skipped after a candidate abort. */
      skippedAfterAbort: number;
    };

/**
 * The result of a test ([FLASH-16], [FLASH-17], [FLASH-18]). A candidate abort scores every missing
 * answer, up to 32, as skipped on the item the algorithm would have given next; a technical abort does
 * not. Fewer than 20 answers after that cancels the result.
 */
export function scoreCertification(
  test: CertificationTest,
  answers: readonly CertificationAnswer[],
  abortReason: AbortReason | null = null,
): CertificationResult {
  const state = replayAnswers(test, answers);
  const answerCount = state.administered.length;
  let skippedAfterAbort = 0;
  if (abortReason === 'candidate') {
    for (let index = nextIndex(test, state); index >= 0; index = nextIndex(test, state)) {
      state.record(index, false);
      skippedAfterAbort++;
    }
  }
  const counted = state.administered.length;
  if (counted < MINIMUM_ANSWERS) {
    return { status: 'cancelled', reason: abortReason === 'technical' ? 'technical-abort' : 'too-few-answers', answerCount };
  }

  const responses: CompetenceResponse[] = state.administered.flatMap((index, k) => {
    const item = test.bank.items[index];
    return item ? [{ a: item.a, b: item.b, correct: state.correct[k] === true, competenceId: item.competenceId }] : [];
  });
  const { estimate, sem } = state.estimate();
  const capacities = competenceCapacities(responses);
  return {
    status: 'scored',
    score: scoreFromCapacity(estimate),
    level: levelFromCapacity(estimate),
    capacity: estimate,
    sem,
    competences: COMPETENCE_IDS.map((competenceId) => {
      const capacity = capacities.get(competenceId)?.estimate ?? estimate;
      return { competenceId, level: levelFromCapacity(capacity), capacity };
    }),
    answerCount,
    skippedAfterAbort,
  };
}
