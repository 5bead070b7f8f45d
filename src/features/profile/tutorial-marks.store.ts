/** Which tutorials the signed-in student saved or marked "Tuto utile" ([PROFILE-3]), for the buttons beside tutorials. */
import { create } from 'zustand';
import { getEngine } from '../../data/engine-client.ts';
import type { TutorialMark } from '../../data/engine-client.ts';

interface TutorialMarksState {
  marks: ReadonlyMap<string, TutorialMark>;
  load: () => Promise<void>;
  setSaved: (tutorialId: string, saved: boolean) => Promise<void>;
  markUseful: (tutorialId: string) => Promise<void>;
}

export const useTutorialMarks = create<TutorialMarksState>()((set, get) => ({
  marks: new Map(),
  async load() {
    const outcome = await getEngine()
      .tutorialMarks()
      .catch(() => null);
    set({ marks: outcome?.ok ? new Map(outcome.marks.map((m) => [m.tutorialId, m])) : new Map() });
  },
  async setSaved(tutorialId, saved) {
    await getEngine().saveTutorial({ tutorialId, saved });
    await get().load();
  },
  async markUseful(tutorialId) {
    await getEngine().markTutorialUseful({ tutorialId });
    await get().load();
  },
}));
