/**
 * Per-candidate item eligibility for exposure control ([FLASH-10]). Each item is eligible for a candidate
 * with its probability K (the Sympson–Hetter parameter); the draw is a hash of the candidate's seed and
 * the item id, so it needs no state, is the same on every replay and on every machine, and does not
 * change for an item when other items are added to the bank.
 */
import type { FlashBank } from './flash-bank.ts';

/** Uniform number in [0, 1) fixed by (seed hash, item id hash). */
export function eligibilityDraw(seedHash: number, idHash: number): number {
  return fmix32(seedHash ^ fmix32((idHash + 0x9e3779b9) >>> 0)) / 4294967296;
}

/** Whether item `index` is eligible for the candidate whose seed hashes to `seedHash`. */
export function isEligible(bank: FlashBank, index: number, seedHash: number): boolean {
  const k = bank.eligibility[index] ?? 1;
  return k >= 1 || eligibilityDraw(seedHash, bank.idHash[index] ?? 0) < k;
}

/** MurmurHash3 finaliser: spreads every input bit over the 32 output bits. */
function fmix32(input: number): number {
  let h = input >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
