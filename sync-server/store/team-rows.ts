/** Rows of `invitations` (migration 010) and the team's shared SQL fragments, the same on SQLite and PostgreSQL. */
import type { Role } from './store.ts';
import type { Invitation, InvitationWithOrganization, NewInvitation } from './team-store.ts';

type Row = Record<string, unknown>;

export const INVITATION_COLUMNS = '(id, organization_id, email, role, code_hash, invited_by, created_at, expires_at)';

export function invitationParams(i: NewInvitation): unknown[] {
  return [i.id, i.organizationId, i.email, i.role, i.codeHash, i.invitedBy, i.createdAt, i.expiresAt];
}

const optionalNumber = (value: unknown): number | null => (value == null ? null : Number(value));

export function toInvitation(row: Row): Invitation {
  return {
    id: String(row.id),
    organizationId: String(row.organization_id),
    email: String(row.email),
    role: String(row.role) as Role,
    invitedBy: String(row.invited_by),
    createdAt: Number(row.created_at),
    expiresAt: Number(row.expires_at),
    acceptedAt: optionalNumber(row.accepted_at),
    acceptedBy: typeof row.accepted_by === 'string' ? row.accepted_by : null,
    cancelledAt: optionalNumber(row.cancelled_at),
  };
}

/** A row joined with its organisation's name (as `organization_name`). */
export function toInvitationWithOrganization(row: Row): InvitationWithOrganization {
  return { ...toInvitation(row), organizationName: String(row.organization_name) };
}

/** Roles are stored as a JSON list (`["admin"]`): this matches the accounts holding the admin role. */
export const IS_ADMIN = `roles LIKE '%"admin"%'`;

/** Members in the order the "Équipe" list shows them. */
export const MEMBER_ORDER = 'ORDER BY last_name, first_name, id';
