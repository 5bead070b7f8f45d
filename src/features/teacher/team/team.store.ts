/**
 * The "Équipe" page's state: the members (everyone reads them), and for an admin the pending invitations, the
 * invitation just made (its code is shown this once), role changes and removals. A refusal keeps the relay's error
 * code, which the page translates; a token the relay no longer accepts signs the teacher out.
 */
import { create } from 'zustand';
import { cancelInvitation, changeRole, createInvitation, fetchInvitations, fetchMembers, removeMember } from '../../../data/team-client.ts';
import type { CreatedInvitation, PendingInvitation, TeamMember, TeamRole } from '../../../data/team-client.ts';
import type { CallFailure } from '../../../data/teacher-client.ts';
import { useStaffSession } from '../../auth/staff-session.store.ts';

/** What the last action said: done (with what), or refused. */
export type TeamNotice =
  | { kind: 'role-changed'; member: TeamMember }
  | { kind: 'removed'; member: TeamMember }
  | { kind: 'cancelled'; email: string }
  | { kind: 'failed'; failure: CallFailure };

interface TeamState {
  members: TeamMember[] | null;
  invitations: PendingInvitation[] | null;
  loading: boolean;
  failure: CallFailure | null;
  busy: boolean;
  created: CreatedInvitation | null;
  inviteFailure: CallFailure | null;
  notice: TeamNotice | null;
  /** The member whose removal is being confirmed. */
  confirmingRemoval: TeamMember | null;
  load: () => Promise<void>;
  invite: (email: string, role: TeamRole) => Promise<boolean>;
  cancel: (invitation: PendingInvitation) => Promise<void>;
  setRole: (member: TeamMember, role: TeamRole) => Promise<void>;
  askRemoval: (member: TeamMember) => void;
  cancelRemoval: () => void;
  confirmRemoval: () => Promise<void>;
}

function session(): { token: string | null; isAdmin: boolean } {
  const { token, user } = useStaffSession.getState();
  return { token, isAdmin: user?.roles.includes('admin') ?? false };
}

function signOutWhenUnauthorized(failure: CallFailure): void {
  if (failure.reason === 'unauthorized') useStaffSession.getState().signOut();
}

export const useTeam = create<TeamState>()((set, get) => {
  /** Runs an admin action, then reloads the lists; a refusal becomes the notice. */
  async function act(run: (token: string) => Promise<{ ok: true } | CallFailure>, notice: () => TeamNotice): Promise<void> {
    const { token } = session();
    if (!token) return;
    set({ busy: true, notice: null });
    const result = await run(token);
    if (!result.ok) {
      set({ busy: false, notice: { kind: 'failed', failure: result } });
      signOutWhenUnauthorized(result);
      return;
    }
    set({ busy: false, notice: notice() });
    await get().load();
  }

  return {
    members: null,
    invitations: null,
    loading: false,
    failure: null,
    busy: false,
    created: null,
    inviteFailure: null,
    notice: null,
    confirmingRemoval: null,

    async load() {
      const { token, isAdmin } = session();
      if (!token) return;
      set({ loading: true });
      const [members, invitations] = await Promise.all([fetchMembers(token), isAdmin ? fetchInvitations(token) : Promise.resolve(null)]);
      const failure = !members.ok ? members : invitations && !invitations.ok ? invitations : null;
      set({
        loading: false,
        failure,
        members: members.ok ? members.value : get().members,
        invitations: invitations?.ok ? invitations.value : null,
      });
      if (failure) signOutWhenUnauthorized(failure);
    },

    async invite(email, role) {
      const { token } = session();
      if (!token) return false;
      set({ busy: true, inviteFailure: null, created: null, notice: null });
      const result = await createInvitation(token, { email, role });
      if (!result.ok) {
        set({ busy: false, inviteFailure: result });
        signOutWhenUnauthorized(result);
        return false;
      }
      set({ busy: false, created: result.value });
      await get().load();
      return true;
    },

    cancel(invitation) {
      return act(
        async (token) => {
          const result = await cancelInvitation(token, invitation.id);
          if (result.ok && get().created?.invitation.id === invitation.id) set({ created: null });
          return result;
        },
        () => ({ kind: 'cancelled', email: invitation.email }),
      );
    },

    async setRole(member, role) {
      let changed = member;
      await act(
        async (token) => {
          const result = await changeRole(token, member.id, role);
          if (result.ok) changed = result.value;
          return result;
        },
        () => ({ kind: 'role-changed', member: changed }),
      );
    },

    askRemoval(member) {
      set({ confirmingRemoval: member, notice: null });
    },

    cancelRemoval() {
      set({ confirmingRemoval: null });
    },

    async confirmRemoval() {
      const member = get().confirmingRemoval;
      if (!member) return;
      await act((token) => removeMember(token, member.id), () => ({ kind: 'removed', member }));
      set({ confirmingRemoval: null });
    },
  };
});
