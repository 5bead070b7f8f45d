/**
 * The invitee's page: the invitation looked up from its code (which school, which address), then the account created
 * with the name and password they choose ([TEAM-5], [TEAM-6]). Public calls: the invitee has no token yet.
 */
import { create } from 'zustand';
import { acceptInvitation, lookupInvitation } from '../../data/team-client.ts';
import type { AcceptedAccount, InvitationPreview } from '../../data/team-client.ts';
import type { CallFailure } from '../../data/teacher-client.ts';

export type InvitationView =
  | { phase: 'idle' }
  | { phase: 'checking'; code: string }
  | { phase: 'ready'; code: string; preview: InvitationPreview }
  | { phase: 'invalid'; code: string; failure: CallFailure }
  | { phase: 'done'; account: AcceptedAccount };

interface InvitationState {
  view: InvitationView;
  submitting: boolean;
  submitFailure: CallFailure | null;
  check: (code: string) => Promise<void>;
  accept: (input: { firstName: string; lastName: string; password: string }) => Promise<void>;
}

export const useInvitation = create<InvitationState>()((set, get) => ({
  view: { phase: 'idle' },
  submitting: false,
  submitFailure: null,

  async check(code) {
    set({ view: { phase: 'checking', code }, submitFailure: null });
    const result = await lookupInvitation(code);
    // A later check (another code typed) wins over this one.
    const current = get().view;
    if (current.phase !== 'checking' || current.code !== code) return;
    set({ view: result.ok ? { phase: 'ready', code, preview: result.value } : { phase: 'invalid', code, failure: result } });
  },

  async accept(input) {
    const view = get().view;
    if (view.phase !== 'ready') return;
    set({ submitting: true, submitFailure: null });
    const result = await acceptInvitation({ code: view.code, ...input });
    if (result.ok) set({ submitting: false, view: { phase: 'done', account: result.value } });
    else if (result.code === 'invitation_invalid') set({ submitting: false, view: { phase: 'invalid', code: view.code, failure: result } });
    else set({ submitting: false, submitFailure: result });
  },
}));
