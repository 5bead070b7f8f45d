/**
 * Choosing the next item ([FLASH-2] … [FLASH-10]): maximum Fisher information at the current capacity
 * estimate, among the items the blueprint allows, preferring the items eligible for this candidate
 * (exposure control). One scan over typed arrays by decreasing discrimination, which stops as soon as no
 * item left can be more informative than the best eligible one: the hot path of a test.
 */
import { isEligible } from './eligibility.ts';
import { itemInformation } from './irt.ts';
import type { FlashTestState } from './flash-test-state.ts';
import { COMPETENCE_COUNT } from './flash-test-state.ts';

export interface SelectionOptions {
  /** The machine can reach the Internet: items that need it may be given ([FLASH-8]). */
  online: boolean;
  /**
   * Filled, when given, with the allowed items that outranked the chosen one but were not eligible:
   * the Sympson–Hetter "selected then rejected" events the exposure calibration counts.
   */
  passedOver?: number[];
}

/** Bank index of the next item, or −1 when the blueprint allows none. Does not change the state. */
export function selectNextItem(state: FlashTestState, options: SelectionOptions): number {
  // [FLASH-4]: while a competence is still uncovered, only uncovered competences compete; if none of them
  // has an allowed item left (a bank without that competence), the test goes on with the others.
  if (state.coveredCount < COMPETENCE_COUNT) {
    const index = scan(state, options, true);
    if (index >= 0) return index;
  }
  return scan(state, options, false);
}

function scan(state: FlashTestState, options: SelectionOptions, uncoveredOnly: boolean): number {
  const { bank, usedTubes, coveredCompetences, lastCompetence, seedHash } = state;
  const theta = state.estimate().estimate;
  const { a, b, tube, competence, requiresInternet, byDiscrimination } = bank;
  let bestEligible = -1;
  let bestEligibleInfo = -1;
  let bestAny = -1;
  let bestAnyInfo = -1;
  const passedOver = options.passedOver;
  const rejected: number[] | null = passedOver ? [] : null;
  // How many rejected items were scanned before the best eligible / best allowed item: those win a tie
  // against it (scan order is the tie order of [FLASH-9]), the ones after it need strictly more information.
  let rejectedBeforeEligible = 0;
  let rejectedBeforeAny = 0;

  for (const i of byDiscrimination) {
    const ai = a[i] ?? 0;
    // Information ≤ a²/4 and a only decreases from here: nothing left can beat the best eligible item.
    if (ai * ai * 0.25 <= bestEligibleInfo) break;
    if (usedTubes[tube[i] ?? 0] === 1) continue; // [FLASH-3] one item per tube (so never an item twice)
    const c = competence[i] ?? 0;
    if (c === lastCompetence) continue; // [FLASH-5] never the same competence twice running
    if (uncoveredOnly && coveredCompetences[c] === 1) continue; // [FLASH-4]
    if (!options.online && requiresInternet[i] === 1) continue; // [FLASH-8]
    const info = itemInformation(theta, ai, b[i] ?? 0); // [FLASH-9] at the current estimate θ̂
    if (info > bestAnyInfo) {
      bestAnyInfo = info;
      bestAny = i;
      rejectedBeforeAny = rejected?.length ?? 0;
    }
    // Ties keep the first item scanned (higher a, then bank order): the same on every replay.
    if (info > bestEligibleInfo) {
      if (isEligible(bank, i, seedHash)) {
        bestEligibleInfo = info;
        bestEligible = i;
        rejectedBeforeEligible = rejected?.length ?? 0;
      } else {
        rejected?.push(i);
      }
    }
  }
  // [FLASH-10] exposure control never breaks the blueprint: with no eligible item allowed, the best
  // allowed item is given anyway.
  const chosen = bestEligible >= 0 ? bestEligible : bestAny;
  if (passedOver && rejected && chosen >= 0) {
    const [chosenInfo, scannedBefore] = chosen === bestEligible ? [bestEligibleInfo, rejectedBeforeEligible] : [bestAnyInfo, rejectedBeforeAny];
    // Banks with default IRT parameters are full of exact ties: an ineligible item that ties with the one
    // given but comes first in the tie order was passed over too, and the calibration must count it ([FLASH-11]).
    rejected.forEach((i, k) => {
      if (i === chosen) return;
      const info = itemInformation(theta, a[i] ?? 0, b[i] ?? 0);
      if (info > chosenInfo || (k < scannedBefore && info === chosenInfo)) passedOver.push(i);
    });
  }
  return chosen;
}
