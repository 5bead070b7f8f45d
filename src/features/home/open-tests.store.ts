/** The tests the signed-in student left open on this machine, for "Reprendre" on the home page ([ENTRY-6]). */
import { create } from 'zustand';
import { getEngine } from '../../data/engine-client.ts';
import type { OpenAssessment } from '../../data/engine-client.ts';

interface OpenTestsState {
  learnerId: string | null;
  open: OpenAssessment[];
  load: (learnerId: string | null) => Promise<void>;
}

export const useOpenTests = create<OpenTestsState>()((set, get) => ({
  learnerId: null,
  open: [],
  async load(learnerId) {
    set({ learnerId, open: [] });
    if (!learnerId) return;
    const open = await getEngine()
      .openAssessments({ learnerId })
      .catch(() => []);
    if (get().learnerId === learnerId) set({ open });
  },
}));
