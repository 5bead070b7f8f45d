/** The signed-in teacher, invigilator or admin of this browser tab (kept for the tab's life only). */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { loginToRelay } from '../../data/relay-client.ts';
import type { LoginOutcome, StaffUser } from '../../data/relay-client.ts';

interface StaffSessionState {
  token: string | null;
  user: StaffUser | null;
  signIn: (email: string, password: string) => Promise<LoginOutcome>;
  signOut: () => void;
}

export const useStaffSession = create<StaffSessionState>()(
  persist(
    (set) => ({
      token: null,
      user: null,
      async signIn(email, password) {
        const outcome = await loginToRelay(email, password);
        if (outcome.ok) set({ token: outcome.token, user: outcome.user });
        return outcome;
      },
      signOut() {
        set({ token: null, user: null });
      },
    }),
    { name: 'pixlab.staff-session', storage: createJSONStorage(() => sessionStorage), partialize: (s) => ({ token: s.token, user: s.user }) },
  ),
);
