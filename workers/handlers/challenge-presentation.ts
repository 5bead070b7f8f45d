/**
 * When the challenge on screen was first shown and whether the student left the window since: kept on the machine
 * so that a reload neither restarts a timer nor forgets a focus-out. The time spent on an answer is measured from
 * `shownAt` (for a timed challenge, from when the student started the timer after the warning). Times are the
 * page's clock (ms since epoch): the page measures both ends.
 */
import { readMeta, writeMeta } from '../db/device-meta.ts';
import type { LabRuntime } from '../runtime/lab-runtime.ts';

export interface ChallengePresentation {
  challengeId: string;
  shownAt: number;
  focusedOut: boolean;
}

export interface PresentationHandlers {
  /** The record of this challenge of the assessment, or null when it has not been shown yet. */
  challengePresentation(input: { assessmentId: string; challengeId: string }): Promise<ChallengePresentation | null>;
  /** Records that the challenge is shown at `at`; the first record wins (a reload keeps the original time). */
  presentChallenge(input: { assessmentId: string; challengeId: string; at: number }): Promise<ChallengePresentation>;
  /** Records that the student left the window while the challenge was shown; null if it was never shown. */
  recordFocusOut(input: { assessmentId: string; challengeId: string }): Promise<ChallengePresentation | null>;
}

function isPresentation(value: unknown): value is ChallengePresentation {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.challengeId === 'string' && typeof v.shownAt === 'number' && Number.isFinite(v.shownAt) && typeof v.focusedOut === 'boolean';
}

/** One record per assessment: only its current challenge matters, the answer log keeps the rest. */
const keyOf = (assessmentId: string): string => `presentation:${assessmentId}`;

export function createPresentationHandlers(runtime: LabRuntime): PresentationHandlers {
  const db = runtime.deviceDb;
  const current = async (assessmentId: string, challengeId: string): Promise<ChallengePresentation | null> => {
    const stored = await readMeta(db, keyOf(assessmentId), isPresentation);
    return stored?.challengeId === challengeId ? stored : null;
  };
  return {
    challengePresentation: ({ assessmentId, challengeId }) => current(assessmentId, challengeId),

    presentChallenge({ assessmentId, challengeId, at }) {
      return db.transaction('rw', db.meta, async () => {
        const stored = await current(assessmentId, challengeId);
        if (stored) return stored;
        const record: ChallengePresentation = { challengeId, shownAt: Math.round(at), focusedOut: false };
        await writeMeta(db, keyOf(assessmentId), record);
        return record;
      });
    },

    recordFocusOut({ assessmentId, challengeId }) {
      return db.transaction('rw', db.meta, async () => {
        const stored = await current(assessmentId, challengeId);
        if (!stored) return null;
        const record: ChallengePresentation = { ...stored, focusedOut: true };
        await writeMeta(db, keyOf(assessmentId), record);
        return record;
      });
    },
  };
}
