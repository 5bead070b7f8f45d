/**
 * "Équipe" calls to the relay (sync-server/SPEC.md [TEAM-1] … [TEAM-6]): the school's members and invitations with
 * the staff token, and the invitee's public look-up and acceptance. Through teacher-client's fetch helper, so a
 * refusal comes back as a value with the relay's error code and French message.
 */
import { authorization, call } from './teacher-client.ts';
import type { CallFailure } from './teacher-client.ts';

export const TEAM_ROLES = ['admin', 'member', 'invigilator'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

export interface TeamMember {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  role: TeamRole;
  createdAt: number;
}

export interface PendingInvitation {
  id: string;
  email: string;
  role: TeamRole;
  createdAt: number;
  expiresAt: number;
}

/** A new invitation: the code is shown this once (the relay keeps it hashed). */
export interface CreatedInvitation {
  invitation: PendingInvitation;
  code: string;
  /** `/invitation/<code>` on this relay. */
  path: string;
}

export interface InvitationPreview {
  organizationName: string;
  email: string;
  role: TeamRole;
  expiresAt: number;
}

export interface AcceptedAccount {
  email: string;
  role: TeamRole;
  organizationName: string;
}

type Outcome<T> = { ok: true; value: T } | CallFailure;

const json = (token: string | null): Record<string, string> => ({ ...(token ? authorization(token) : {}), 'content-type': 'application/json' });

async function read<T>(url: string, init: RequestInit): Promise<Outcome<T>> {
  const result = await call(url, init);
  if (!result.ok) return result;
  return { ok: true, value: (await result.response.json()) as T };
}

async function send(url: string, init: RequestInit): Promise<Outcome<null>> {
  const result = await call(url, init);
  return result.ok ? { ok: true, value: null } : result;
}

export function fetchMembers(token: string): Promise<Outcome<TeamMember[]>> {
  return read('/api/team/members', { headers: authorization(token) });
}

export function fetchInvitations(token: string): Promise<Outcome<PendingInvitation[]>> {
  return read('/api/team/invitations', { headers: authorization(token) });
}

export function createInvitation(token: string, input: { email: string; role: TeamRole }): Promise<Outcome<CreatedInvitation>> {
  return read('/api/team/invitations', { method: 'POST', headers: json(token), body: JSON.stringify(input) });
}

export function cancelInvitation(token: string, invitationId: string): Promise<Outcome<null>> {
  return send(`/api/team/invitations/${encodeURIComponent(invitationId)}`, { method: 'DELETE', headers: authorization(token) });
}

export function changeRole(token: string, memberId: string, role: TeamRole): Promise<Outcome<TeamMember>> {
  return read(`/api/team/members/${encodeURIComponent(memberId)}/role`, { method: 'PUT', headers: json(token), body: JSON.stringify({ role }) });
}

export function removeMember(token: string, memberId: string): Promise<Outcome<null>> {
  return send(`/api/team/members/${encodeURIComponent(memberId)}`, { method: 'DELETE', headers: authorization(token) });
}

export function lookupInvitation(code: string): Promise<Outcome<InvitationPreview>> {
  return read('/api/invitations/lookup', { method: 'POST', headers: json(null), body: JSON.stringify({ code }) });
}

export function acceptInvitation(input: { code: string; firstName: string; lastName: string; password: string }): Promise<Outcome<AcceptedAccount>> {
  return read('/api/invitations/accept', { method: 'POST', headers: json(null), body: JSON.stringify(input) });
}
