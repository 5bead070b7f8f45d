/**
 * Where one candidate's certification test stands: the items given, the tubes and competences they used,
 * and the posterior of the capacity. Built by replaying the answer log in order (certification.ts) or
 * step by step by the simulator (simulate.ts); both then call the same selection (select-item.ts).
 */
import { COMPETENCE_IDS } from '../referential.ts';
import { hashSeed } from '../random.ts';
import { Posterior } from './ability-estimate.ts';
import type { AbilityEstimate } from './ability-estimate.ts';
import type { FlashBank } from './flash-bank.ts';

export const COMPETENCE_COUNT = COMPETENCE_IDS.length;

export class FlashTestState {
  /** Bank indexes of the items given, in order. */
  readonly administered: number[] = [];
  /** Success of each item given, in the same order. */
  readonly correct: boolean[] = [];
  /** 1 for each tube that already gave an item ([FLASH-3]). */
  readonly usedTubes: Uint8Array;
  /** 1 for each competence (COMPETENCE_IDS order) that already gave an item ([FLASH-4]). */
  readonly coveredCompetences = new Uint8Array(COMPETENCE_COUNT);
  coveredCount = 0;
  /** Competence index of the last item, −1 before the first ([FLASH-5]). */
  lastCompetence = -1;
  /** Hash of the candidate's seed (the assessment id): fixes the eligibility draws ([FLASH-10]). */
  readonly seedHash: number;
  private readonly posterior = new Posterior();
  private current: AbilityEstimate | null = null;

  constructor(
    readonly bank: FlashBank,
    seed: string,
  ) {
    this.usedTubes = new Uint8Array(bank.tubeCount);
    this.seedHash = hashSeed(seed);
  }

  /** Record the answer to item `index` (a bank index); `correct` is false for every result but 'ok'. */
  record(index: number, correct: boolean): void {
    const { bank } = this;
    const a = bank.a[index];
    const b = bank.b[index];
    const tube = bank.tube[index];
    const competence = bank.competence[index];
    if (a === undefined || b === undefined || tube === undefined || competence === undefined) {
      throw new RangeError(`no item at bank index ${index}`);
    }
    this.administered.push(index);
    this.correct.push(correct);
    this.usedTubes[tube] = 1;
    if (this.coveredCompetences[competence] === 0) {
      this.coveredCompetences[competence] = 1;
      this.coveredCount++;
    }
    this.lastCompetence = competence;
    this.posterior.add({ a, b, correct });
    this.current = null;
  }

  /** EAP capacity and SEM after the answers recorded so far (N(0, 1) prior before any). */
  estimate(): AbilityEstimate {
    this.current ??= this.posterior.summary();
    return this.current;
  }
}
