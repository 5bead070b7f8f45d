/** "Signaler un problème" on the challenge on screen: recorded in the learner's log by the worker, then replicated. */
import { create } from 'zustand';
import type { ProblemCategory } from '../../core/sync/documents.ts';
import { getEngine } from '../../data/engine-client.ts';

type ReportState = { kind: 'idle' } | { kind: 'sending' } | { kind: 'sent'; challengeId: string } | { kind: 'failed'; message: string };

interface ProblemReportStore {
  state: ReportState;
  send: (input: { assessmentId: string; challengeId: string; category: ProblemCategory; comment: string }) => Promise<boolean>;
  reset: () => void;
}

export const useProblemReport = create<ProblemReportStore>()((set) => ({
  state: { kind: 'idle' },
  async send(input) {
    set({ state: { kind: 'sending' } });
    try {
      const outcome = await getEngine().reportProblem(input);
      if (outcome.ok) {
        set({ state: { kind: 'sent', challengeId: input.challengeId } });
        return true;
      }
      set({ state: { kind: 'failed', message: outcome.reason } });
    } catch (error) {
      set({ state: { kind: 'failed', message: error instanceof Error ? error.message : String(error) } });
    }
    return false;
  },
  reset: () => set({ state: { kind: 'idle' } }),
}));
