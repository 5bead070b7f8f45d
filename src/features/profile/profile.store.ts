/**
 * The signed-in student's profile, computed by the engine worker from their whole log on this machine, and what the
 * profile lets them do: "Remettre à zéro" a competence, keep or drop a tutorial, mark it "Tuto utile".
 */
import { create } from 'zustand';
import { getEngine } from '../../data/engine-client.ts';
import type { LearnerProfile, ResetOutcome } from '../../data/engine-client.ts';

export type ProfileView = { kind: 'loading' } | { kind: 'ready'; profile: LearnerProfile } | { kind: 'failed'; reason: string };

interface ProfileState {
  view: ProfileView;
  load: () => Promise<void>;
  resetCompetence: (competenceId: string) => Promise<ResetOutcome>;
  unsaveTutorial: (tutorialId: string) => Promise<void>;
  markUseful: (tutorialId: string) => Promise<void>;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export const useProfile = create<ProfileState>()((set, get) => ({
  view: { kind: 'loading' },
  async load() {
    try {
      const outcome = await getEngine().profile();
      set({ view: outcome.ok ? { kind: 'ready', profile: outcome.profile } : { kind: 'failed', reason: outcome.reason } });
    } catch (error) {
      set({ view: { kind: 'failed', reason: messageOf(error) } });
    }
  },
  async resetCompetence(competenceId) {
    const outcome = await getEngine().resetCompetence({ competenceId });
    // The live update reloads it too; reading it now keeps the screen consistent with the answer just given.
    await get().load();
    return outcome;
  },
  async unsaveTutorial(tutorialId) {
    await getEngine().saveTutorial({ tutorialId, saved: false });
    await get().load();
  },
  async markUseful(tutorialId) {
    await getEngine().markTutorialUseful({ tutorialId });
    await get().load();
  },
}));
