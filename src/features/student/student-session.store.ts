/**
 * The student signed in on this tab. The engine worker holds the session ([SESSION-1]) and checks sign-in offline
 * against the roster; after a reload the tab hands the worker its key and gets its student back ([SESSION-2]).
 * Nothing about the student is kept in the page's own storage.
 */
import { create } from 'zustand';
import { getEngine } from '../../data/engine-client.ts';
import type { RosterLearner, SignInOutcome, SignInSecret } from '../../data/engine-client.ts';
import { tabKey } from '../../data/tab-key.ts';

interface StudentSessionState {
  learner: RosterLearner | null;
  /** False until the worker has said who is signed in on this tab (just after a reload). */
  restored: boolean;
  restore: () => Promise<void>;
  signIn: (secret: SignInSecret) => Promise<SignInOutcome>;
  /** Ends the session here at once and in the worker. */
  signOut: () => void;
}

export const useStudentSession = create<StudentSessionState>()((set) => ({
  learner: null,
  restored: false,
  async restore() {
    const outcome = await getEngine()
      .openTab({ tabKey: tabKey() })
      .catch(() => null);
    set({ learner: outcome?.ok ? outcome.learner : null, restored: true });
  },
  async signIn(secret) {
    const outcome = await getEngine().signInLearner(secret);
    if (outcome.ok) set({ learner: outcome.learner, restored: true });
    return outcome;
  },
  signOut() {
    set({ learner: null });
    void getEngine()
      .signOut()
      .catch(() => undefined);
  },
}));
