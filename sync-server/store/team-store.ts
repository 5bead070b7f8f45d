/**
 * The team of an organisation ("Équipe"): its staff accounts and the invitations that create them. Reached as
 * `store.team`; SQLite and PostgreSQL implement it and pass one contract suite (team.contract.ts, [STORE-TEAM-1] …).
 * Every method is scoped by organisation: nothing here reaches another school's members or invitations.
 */
import type { Role, User } from './store.ts';

/** Seven days: long enough for a colleague back from a week off, short enough that a forgotten link dies. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export interface Invitation {
  id: string;
  organizationId: string;
  /** Normalised e-mail the new account will sign in with (chosen by the admin; nothing is sent to it). */
  email: string;
  role: Role;
  /** Id of the admin who invited. */
  invitedBy: string;
  createdAt: number;
  expiresAt: number;
  acceptedAt: number | null;
  /** The account the invitation created. */
  acceptedBy: string | null;
  cancelledAt: number | null;
}

/** An invitation to record: its code is never stored, only the code's SHA-256. */
export type NewInvitation = Omit<Invitation, 'acceptedAt' | 'acceptedBy' | 'cancelledAt'> & { codeHash: string };

/** A pending invitation found by its code, with the school's name for the invitee's page. */
export type InvitationWithOrganization = Invitation & { organizationName: string };

/** The account an accepted invitation creates: e-mail, organisation and role come from the invitation. */
export type InvitedAccount = Pick<User, 'id' | 'firstName' | 'lastName' | 'passwordHash'>;

export type AcceptOutcome =
  | { ok: true; user: User; invitation: InvitationWithOrganization }
  /** No pending invitation has this code: unknown, used, cancelled or expired. */
  | { ok: false; reason: 'not-found' }
  /** An account already signs in with the invited address: nothing changed, the invitation stays pending. */
  | { ok: false; reason: 'email-taken' };

/** 'last-admin': the change would leave the school without an administrator, so nothing changed. */
export type MemberChange = 'done' | 'not-found' | 'last-admin';

export interface TeamStore {
  /** [STORE-TEAM-1] The organisation's accounts that have not been removed, by last name, first name. */
  listMembers(organizationId: string): Promise<User[]>;
  /**
   * [STORE-TEAM-2] Records an invitation and cancels the organisation's other pending invitations to the same
   * address (a new link replaces a lost one), in one transaction.
   */
  createInvitation(invitation: NewInvitation): Promise<void>;
  /** Pending invitations (not accepted, cancelled or expired at `now`), newest first. */
  listPendingInvitations(organizationId: string, now: number): Promise<Invitation[]>;
  /** False when the organisation has no such pending invitation. */
  cancelInvitation(organizationId: string, id: string, now: number): Promise<boolean>;
  /** The pending invitation with this code hash at `now`, or null. */
  findPendingInvitation(codeHash: string, now: number): Promise<InvitationWithOrganization | null>;
  /**
   * [STORE-TEAM-3] Accepts a pending invitation and creates its account, in one transaction: a code is used once,
   * even by two requests at the same instant.
   */
  acceptInvitation(input: { codeHash: string; now: number; account: InvitedAccount }): Promise<AcceptOutcome>;
  /**
   * [STORE-TEAM-4] Gives a member of the organisation one role. Refused ('last-admin') when it would leave no
   * administrator, checked and written in one transaction (two admins demoting each other cannot both succeed).
   */
  setMemberRole(organizationId: string, userId: string, role: Role): Promise<MemberChange>;
  /**
   * [STORE-TEAM-5] Removes a member: marks the account removed, frees its address, deletes its tokens and cancels
   * the invitations it issued, in one transaction; never the last administrator.
   */
  removeMember(organizationId: string, userId: string, now: number): Promise<MemberChange>;
}

/** The one role shown and managed for an account (accounts hold one; an older one holding several shows its highest). */
export function primaryRole(roles: readonly Role[]): Role {
  if (roles.includes('admin')) return 'admin';
  if (roles.includes('member')) return 'member';
  return 'invigilator';
}

/** The address a removed account is given, so that its own may be invited again (emails are unique). */
export function removedEmail(userId: string): string {
  return `${userId}@retire.invalid`;
}
