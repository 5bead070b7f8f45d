/**
 * One test on screen, from its current challenge to its end screen. Every step asks the engine worker: the next
 * challenge appears only after submitAnswer has resolved, i.e. after the answer is committed to IndexedDB
 * ([SHOW-3]); when a challenge was first shown and whether the student left the window are kept by the worker, so
 * a reload changes neither ([SHOW-1], [SHOW-2]).
 */
import { create } from 'zustand';
import type { RetryStatus } from '../../core/campaign/retry.ts';
import { CHECKPOINT_EVERY } from '../../core/campaign/checkpoint.ts';
import type { AnswerValue, PublicChallenge } from '../../core/content/types.ts';
import { getEngine } from '../../data/engine-client.ts';
import type { AssessmentResults, ChallengePresentation, CheckpointReviewItem, StudentNextOutcome } from '../../data/engine-client.ts';

export type AssessmentPhase =
  | { kind: 'loading' }
  | {
      kind: 'challenge';
      challenge: PublicChallenge;
      answered: number;
      progress: { current: number; total: number };
      /** Null while a timed challenge waits behind its warning. */
      presentation: ChallengePresentation | null;
    }
  | { kind: 'checkpoint'; items: CheckpointReviewItem[]; progressPercent: number | null; finished: boolean }
  | { kind: 'end'; results: AssessmentResults | null; shared: boolean; retry: RetryStatus | null }
  | { kind: 'failed'; reason: string };

type ShareState = 'idle' | 'pending' | 'failed';

interface AssessmentState {
  assessmentId: string | null;
  /** The campaign's code, for sharing and retries; null for competence training. */
  campaignCode: string | null;
  phase: AssessmentPhase;
  /** An answer is being committed: the screen disables its buttons. */
  pending: boolean;
  /** Why the last answer could not be saved (the challenge stays on screen). */
  submitError: string | null;
  sharing: ShareState;
  open: (input: { assessmentId: string; campaignCode: string | null }) => Promise<void>;
  startTimer: () => Promise<void>;
  leftWindow: () => Promise<void>;
  /** `null` is "Je passe". */
  submit: (value: AnswerValue | null) => Promise<void>;
  continueAfterCheckpoint: () => Promise<void>;
  share: () => Promise<void>;
  /** "Repasser mon parcours": a new participation, then its first challenge. */
  retry: () => Promise<'ok' | 'refused'>;
  close: () => void;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export const useAssessment = create<AssessmentState>()((set, get) => {
  /** Guards against answers of a test the screen has left (a slow worker, a quick "Quitter"). */
  const current = (assessmentId: string): boolean => get().assessmentId === assessmentId;

  async function show(assessmentId: string, next: StudentNextOutcome, options: { checkpointFirst: boolean }): Promise<void> {
    if (next.kind === 'missing') {
      set({ phase: { kind: 'failed', reason: next.reason } });
      return;
    }
    if (next.kind === 'end') {
      await showEnd(assessmentId);
      return;
    }
    const { challenge } = next;
    // Right after an answer, a challenge without a timer is presented at once: presentChallenge returns the record
    // already there if any ([SHOW-1]), so the separate read is only needed for the checkpoint and the timer's warning.
    // One worker round trip less between "Je valide" and the next challenge.
    // Without a timer nothing rides on the record being there before the challenge is painted (a reload before it
    // commits only records the time again), so the challenge is shown while the record is written.
    if (!options.checkpointFirst && challenge.timer === undefined) {
      const at = Date.now();
      const recording = getEngine().presentChallenge({ assessmentId, challengeId: challenge.id, at });
      if (!current(assessmentId)) return;
      set({ phase: { kind: 'challenge', challenge, answered: next.answered, progress: next.progress, presentation: { challengeId: challenge.id, shownAt: at, focusedOut: false } }, submitError: null });
      const shown = await recording;
      // A record kept from an earlier showing (another tab) holds the original time: the screen follows it.
      const phase = get().phase;
      if (current(assessmentId) && phase.kind === 'challenge' && phase.challenge.id === challenge.id && shown.shownAt !== at) {
        set({ phase: { ...phase, presentation: { ...shown, focusedOut: shown.focusedOut || (phase.presentation?.focusedOut ?? false) } } });
      }
      return;
    }
    let presentation = await getEngine().challengePresentation({ assessmentId, challengeId: challenge.id });
    // [SHOW-5] A group of 5 just closed and its next challenge was never shown: the checkpoint comes first.
    if (!presentation && options.checkpointFirst && next.answered > 0 && next.answered % CHECKPOINT_EVERY === 0) {
      await showCheckpoint(assessmentId, false);
      return;
    }
    // A timed challenge waits behind its warning; any other starts its clock now ([SHOW-1]).
    if (!presentation && challenge.timer === undefined) presentation = await getEngine().presentChallenge({ assessmentId, challengeId: challenge.id, at: Date.now() });
    if (!current(assessmentId)) return;
    set({ phase: { kind: 'challenge', challenge, answered: next.answered, progress: next.progress, presentation }, submitError: null });
  }

  async function showCheckpoint(assessmentId: string, finished: boolean): Promise<void> {
    const [items, results] = await Promise.all([getEngine().checkpointReview({ assessmentId }), getEngine().assessmentResults({ assessmentId })]);
    if (!current(assessmentId)) return;
    const progress = results && results.kind !== 'certification' ? Math.round(results.participation.progress * 100) : null;
    set({ phase: { kind: 'checkpoint', items, progressPercent: progress, finished } });
  }

  async function showEnd(assessmentId: string): Promise<void> {
    const { campaignCode } = get();
    const [results, participation] = await Promise.all([
      getEngine().assessmentResults({ assessmentId }),
      campaignCode ? getEngine().campaignParticipation({ campaignCode }) : Promise.resolve(null),
    ]);
    if (!current(assessmentId)) return;
    const known = participation?.ok ? participation : null;
    set({
      phase: {
        kind: 'end',
        results,
        shared: known?.participation?.assessmentId === assessmentId && known.participation.state === 'shared',
        retry: known?.retry ?? null,
      },
    });
  }

  async function guarded(assessmentId: string, run: () => Promise<void>): Promise<void> {
    try {
      await run();
    } catch (error) {
      if (current(assessmentId)) set({ phase: { kind: 'failed', reason: messageOf(error) }, pending: false });
    }
  }

  return {
    assessmentId: null,
    campaignCode: null,
    phase: { kind: 'loading' },
    pending: false,
    submitError: null,
    sharing: 'idle',

    async open({ assessmentId, campaignCode }) {
      set({ assessmentId, campaignCode, phase: { kind: 'loading' }, pending: false, submitError: null, sharing: 'idle' });
      await guarded(assessmentId, async () => show(assessmentId, await getEngine().nextChallenge({ assessmentId }), { checkpointFirst: true }));
    },

    async startTimer() {
      const { assessmentId, phase } = get();
      if (!assessmentId || phase.kind !== 'challenge' || phase.presentation) return;
      await guarded(assessmentId, async () => {
        const presentation = await getEngine().presentChallenge({ assessmentId, challengeId: phase.challenge.id, at: Date.now() });
        const now = get().phase;
        if (current(assessmentId) && now.kind === 'challenge' && now.challenge.id === phase.challenge.id) set({ phase: { ...now, presentation } });
      });
    },

    async leftWindow() {
      const { assessmentId, phase } = get();
      if (!assessmentId || phase.kind !== 'challenge' || !phase.presentation || phase.presentation.focusedOut) return;
      // Shown at once; the worker's record is what the answer will carry, and what a reload finds ([SHOW-2]).
      set({ phase: { ...phase, presentation: { ...phase.presentation, focusedOut: true } } });
      try {
        await getEngine().recordFocusOut({ assessmentId, challengeId: phase.challenge.id });
      } catch {
        // Not kept on the machine (storage failing): the answer still carries it, from the screen's own state.
      }
    },

    async submit(value) {
      const { assessmentId, phase, pending } = get();
      if (!assessmentId || phase.kind !== 'challenge' || pending) return;
      set({ pending: true, submitError: null });
      const shownAt = phase.presentation?.shownAt ?? Date.now();
      try {
        const outcome = await getEngine().submitAnswer({
          assessmentId,
          challengeId: phase.challenge.id,
          value: value ?? { kind: 'choice', selected: [] },
          skipped: value === null,
          timeSpentMs: Math.max(0, Date.now() - shownAt),
          focusedOut: phase.presentation?.focusedOut ?? false,
        });
        if (!current(assessmentId)) return;
        if (!outcome.ok) {
          // Another tab answered this one first: go on from what the log holds. Anything else ends here, said.
          if (outcome.reason === 'not-current') await show(assessmentId, await getEngine().nextChallenge({ assessmentId }), { checkpointFirst: true });
          else set({ phase: { kind: 'failed', reason: outcome.reason } });
          return;
        }
        if (outcome.checkpointDue) await showCheckpoint(assessmentId, outcome.finished);
        else if (outcome.finished) await showEnd(assessmentId);
        else await show(assessmentId, await getEngine().nextChallenge({ assessmentId }), { checkpointFirst: false });
      } catch (error) {
        // Not committed: the challenge stays, with its draft, and the student can try again.
        if (current(assessmentId)) set({ submitError: messageOf(error) });
      } finally {
        if (current(assessmentId)) set({ pending: false });
      }
    },

    async continueAfterCheckpoint() {
      const { assessmentId, phase } = get();
      if (!assessmentId || phase.kind !== 'checkpoint') return;
      set({ phase: { kind: 'loading' } });
      await guarded(assessmentId, async () => {
        if (phase.finished) await showEnd(assessmentId);
        else await show(assessmentId, await getEngine().nextChallenge({ assessmentId }), { checkpointFirst: false });
      });
    },

    async share() {
      const { assessmentId, phase } = get();
      if (!assessmentId || phase.kind !== 'end' || get().sharing === 'pending') return;
      set({ sharing: 'pending' });
      try {
        const outcome = await getEngine().shareResults({ assessmentId });
        if (!current(assessmentId)) return;
        if (!outcome.ok) {
          set({ sharing: 'failed' });
          return;
        }
        set({ sharing: 'idle' });
        await showEnd(assessmentId);
      } catch {
        if (current(assessmentId)) set({ sharing: 'failed' });
      }
    },

    async retry() {
      const { campaignCode } = get();
      if (!campaignCode) return 'refused';
      const outcome = await getEngine().startAssessment({ kind: 'campaign', campaignCode, retry: true });
      if (!outcome.ok) return 'refused';
      await get().open({ assessmentId: outcome.assessmentId, campaignCode });
      return 'ok';
    },

    close() {
      set({ assessmentId: null, campaignCode: null, phase: { kind: 'loading' }, pending: false, submitError: null, sharing: 'idle' });
    },
  };
});
