/**
 * "Inviter un membre" without e-mail ([TEAM-2], [TEAM-5], [TEAM-6]): an admin names the address the colleague will
 * sign in with and their role; the relay answers a single-use code, once, to be passed on as a link
 * (`/invitation/<code>`) or on paper. The colleague opens it, chooses their name and password, and their account is
 * created in that school. Codes are stored hashed and last 7 days.
 */
import { randomUUID } from 'node:crypto';
import { canonicalInvitationCode, hashInvitationCode, newInvitationCode } from '../auth/invitation-code.ts';
import { hashPassword } from '../auth/password.ts';
import { HttpError } from '../http-error.ts';
import { normalizeEmail } from '../store/store.ts';
import type { Role, Store } from '../store/store.ts';
import { INVITATION_TTL_MS } from '../store/team-store.ts';
import type { Invitation } from '../store/team-store.ts';
import type { TeamCaller } from './team-members.ts';

/** Passwords chosen by invitees: long enough to resist guessing behind the login limits ([AUTH-3]). */
export const MIN_PASSWORD_LENGTH = 10;

export interface PendingInvitation {
  id: string;
  email: string;
  role: Role;
  createdAt: number;
  expiresAt: number;
}

/** What the invitee's page shows before they choose a name and password. */
export interface InvitationPreview {
  organizationName: string;
  email: string;
  role: Role;
  expiresAt: number;
}

function pending(invitation: Invitation): PendingInvitation {
  return { id: invitation.id, email: invitation.email, role: invitation.role, createdAt: invitation.createdAt, expiresAt: invitation.expiresAt };
}

export function invitationPath(code: string): string {
  return `/invitation/${code}`;
}

export async function inviteMember(store: Store, caller: TeamCaller, input: { email: string; role: Role }, now: number): Promise<{ invitation: PendingInvitation; code: string; path: string }> {
  const email = normalizeEmail(input.email);
  // Only this school's accounts are looked at: whether an address is used in another school is not said here.
  const members = await store.team.listMembers(caller.organizationId);
  if (members.some((m) => m.email === email)) {
    throw new HttpError(409, 'already_member', "Cette adresse est déjà celle d'un membre de l'équipe.");
  }
  const code = newInvitationCode();
  const canonical = canonicalInvitationCode(code);
  if (!canonical) throw new Error('a new invitation code is not canonical');
  const invitation = { id: randomUUID(), organizationId: caller.organizationId, email, role: input.role, invitedBy: caller.userId, createdAt: now, expiresAt: now + INVITATION_TTL_MS };
  await store.team.createInvitation({ ...invitation, codeHash: hashInvitationCode(canonical) });
  return { invitation: pending({ ...invitation, acceptedAt: null, acceptedBy: null, cancelledAt: null }), code, path: invitationPath(code) };
}

export async function listPendingInvitations(store: Store, organizationId: string, now: number): Promise<PendingInvitation[]> {
  return (await store.team.listPendingInvitations(organizationId, now)).map(pending);
}

export async function cancelInvitation(store: Store, organizationId: string, invitationId: string, now: number): Promise<void> {
  if (!(await store.team.cancelInvitation(organizationId, invitationId, now))) {
    throw new HttpError(404, 'not_found', 'Invitation introuvable dans votre établissement (peut-être déjà acceptée, annulée ou expirée).');
  }
}

/** The pending invitation of a code, or null (a code that cannot be one included). */
export async function previewInvitation(store: Store, code: string, now: number): Promise<InvitationPreview | null> {
  const canonical = canonicalInvitationCode(code);
  if (!canonical) return null;
  const invitation = await store.team.findPendingInvitation(hashInvitationCode(canonical), now);
  return invitation ? { organizationName: invitation.organizationName, email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt } : null;
}

/** 'invalid': no pending invitation has this code (the only outcome that counts as a wrong guess, [TEAM-5]). */
export type AcceptInvitationResult =
  | { ok: true; account: { email: string; role: Role; organizationName: string } }
  | { ok: false; reason: 'invalid' | 'weak-password' | 'email-taken' };

export async function acceptInvitation(
  store: Store,
  input: { code: string; firstName: string; lastName: string; password: string },
  now: number,
): Promise<AcceptInvitationResult> {
  const canonical = canonicalInvitationCode(input.code);
  if (!canonical) return { ok: false, reason: 'invalid' };
  const codeHash = hashInvitationCode(canonical);
  // Looked up first, so that a wrong code costs no scrypt; acceptInvitation checks again in its transaction.
  if (!(await store.team.findPendingInvitation(codeHash, now))) return { ok: false, reason: 'invalid' };
  if ([...input.password].length < MIN_PASSWORD_LENGTH) return { ok: false, reason: 'weak-password' };
  const outcome = await store.team.acceptInvitation({
    codeHash,
    now,
    account: { id: randomUUID(), firstName: input.firstName.trim(), lastName: input.lastName.trim(), passwordHash: await hashPassword(input.password) },
  });
  if (!outcome.ok) return { ok: false, reason: outcome.reason === 'email-taken' ? 'email-taken' : 'invalid' };
  return { ok: true, account: { email: outcome.user.email, role: outcome.invitation.role, organizationName: outcome.invitation.organizationName } };
}
