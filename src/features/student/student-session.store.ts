/** The student signed in on this tab (sign-in is checked offline by the engine worker against the roster). */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { getEngine } from '../../data/engine-client.ts';
import type { RosterLearner, SignInOutcome, SignInSecret } from '../../../workers/handlers/roster.ts';

interface StudentSessionState {
  learner: RosterLearner | null;
  signIn: (secret: SignInSecret) => Promise<SignInOutcome>;
  signOut: () => void;
}

export const useStudentSession = create<StudentSessionState>()(
  persist(
    (set) => ({
      learner: null,
      async signIn(secret) {
        const outcome = await getEngine().signInLearner(secret);
        if (outcome.ok) set({ learner: outcome.learner });
        return outcome;
      },
      signOut: () => set({ learner: null }),
    }),
    { name: 'pixlab.student-session', storage: createJSONStorage(() => sessionStorage) },
  ),
);
