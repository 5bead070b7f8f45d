/**
 * Retrying a campaign ("Repasser mon parcours", [RETRY-1] … [RETRY-3]). Dates are ms since epoch, handed in
 * by the caller; delays are exact multiples of 24 h, not calendar days.
 */
import type { KnowledgeElement, KnowledgeState } from '../knowledge/knowledge-element.ts';

export const DAY_MS = 86_400_000;
/** A shared participation can be retried this long after it was shared. */
export const RETRY_DELAY_MS = 4 * DAY_MS;

export type RetryStatus =
  | { allowed: true }
  | { allowed: false; reason: 'single-sending' | 'not-shared' | 'nothing-to-retry' }
  | { allowed: false; reason: 'too-early'; availableAt: number };

export interface RetryInput {
  /** The campaign allows multiple sendings ("envoi multiple"). */
  multipleSendings: boolean;
  /** When the learner sent the previous participation's results; undefined if never sent. */
  sharedAt: number | undefined;
  now: number;
  targetSkillIds: readonly string[];
  /** The previous participation's knowledge. */
  previous: KnowledgeState;
}

/** [RETRY-1] Allowed with multiple sendings, 4 days after sharing, when some target skill is not validated. */
export function retryStatus(input: RetryInput): RetryStatus {
  if (!input.multipleSendings) return { allowed: false, reason: 'single-sending' };
  if (input.sharedAt === undefined) return { allowed: false, reason: 'not-shared' };
  const availableAt = input.sharedAt + RETRY_DELAY_MS;
  if (input.now < availableAt) return { allowed: false, reason: 'too-early', availableAt };
  if (retrySkillIds(input.targetSkillIds, input.previous).length === 0) return { allowed: false, reason: 'nothing-to-retry' };
  return { allowed: true };
}

/**
 * [RETRY-2] The skills a retry asks again: target skills the previous participation did not validate — failed
 * or skipped (invalidated, directly or by inference), and those it never reached (left out as too hard).
 */
export function retrySkillIds(targetSkillIds: readonly string[], previous: KnowledgeState): string[] {
  return [...new Set(targetSkillIds)].filter((id) => previous.get(id)?.status !== 'validated');
}

/**
 * [RETRY-3] What a retry starts from: the previous validated elements only. Handed to smart random and to the
 * results as initial knowledge, validated skills count as settled and are not asked; the others are asked
 * again, and the new answers decide them.
 */
export function retryCarryOver(previous: KnowledgeState): Map<string, KnowledgeElement> {
  return new Map([...previous].filter(([, element]) => element.status === 'validated'));
}
