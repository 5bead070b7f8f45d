/** The signed-in student's tests on this machine, for their home page ("Reprendre", results, retries). */
import { create } from 'zustand';
import { getEngine } from '../../data/engine-client.ts';
import type { MyAssessment } from '../../data/engine-client.ts';

type MyTestsView = { kind: 'loading' } | { kind: 'ready'; tests: MyAssessment[] } | { kind: 'failed'; reason: string };

interface MyTestsState {
  view: MyTestsView;
  load: () => Promise<void>;
}

export const useMyTests = create<MyTestsState>()((set) => ({
  view: { kind: 'loading' },
  async load() {
    try {
      const outcome = await getEngine().myAssessments();
      set({ view: outcome.ok ? { kind: 'ready', tests: outcome.assessments } : { kind: 'failed', reason: outcome.reason } });
    } catch (error) {
      set({ view: { kind: 'failed', reason: error instanceof Error ? error.message : String(error) } });
    }
  },
}));
