/**
 * The flat item the certification algorithm works on: one per challenge, with what selection and scoring
 * need and nothing else (content-pack-items.ts derives them from a ContentPack).
 */
import type { CompetenceId } from '../referential.ts';

export interface FlashItem {
  /** The challenge id. */
  id: string;
  /** 2PL discrimination (> 0). */
  a: number;
  /** 2PL difficulty (logits, same scale as the capacity). */
  b: number;
  competenceId: CompetenceId;
  tubeId: string;
  /** The challenge needs the Internet: left out of tests taken offline ([FLASH-8]). */
  requiresInternet?: boolean;
  /**
   * Exposure control: probability in (0, 1] that the item is eligible for a given candidate (its
   * Sympson–Hetter parameter, calibrated ahead of time by simulation, [FLASH-10]). Absent means 1.
   */
  eligibility?: number;
}
