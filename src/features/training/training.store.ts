/** Competence training outside campaigns: start or resume the signed-in student's assessment of one competence. */
import { create } from 'zustand';
import { getEngine } from '../../data/engine-client.ts';

export type TrainingView = { kind: 'starting' } | { kind: 'running'; assessmentId: string } | { kind: 'problem'; reason: string; message?: string };

interface TrainingState {
  competenceId: string | null;
  view: TrainingView;
  /** "Commencer" or "Reprendre" from the profile: the worker resumes a started one ([TRAIN-2]). */
  start: (competenceId: string) => Promise<void>;
}

export const useTraining = create<TrainingState>()((set, get) => ({
  competenceId: null,
  view: { kind: 'starting' },
  async start(competenceId) {
    set({ competenceId, view: { kind: 'starting' } });
    try {
      const outcome = await getEngine().startAssessment({ kind: 'competence', competenceId });
      if (get().competenceId !== competenceId) return;
      set({ view: outcome.ok ? { kind: 'running', assessmentId: outcome.assessmentId } : { kind: 'problem', reason: outcome.reason } });
    } catch (error) {
      set({ view: { kind: 'problem', reason: 'error', message: error instanceof Error ? error.message : String(error) } });
    }
  },
}));
