/**
 * The team on PostgreSQL. Several relay instances may change one school's team at once: every check-then-write
 * first locks the organisation's row (FOR NO KEY UPDATE, which does not block the inserts that merely reference the
 * organisation), so two admins demoting each other run one after the other and the second sees the first's change.
 */
import type pg from 'pg';
import { toUser, userParams } from '../rows.ts';
import { normalizeEmail, StoreConflictError } from '../store.ts';
import type { Role, User } from '../store.ts';
import { INVITATION_COLUMNS, invitationParams, IS_ADMIN, MEMBER_ORDER, toInvitation, toInvitationWithOrganization } from '../team-rows.ts';
import { primaryRole, removedEmail } from '../team-store.ts';
import type { AcceptOutcome, Invitation, InvitationWithOrganization, InvitedAccount, MemberChange, NewInvitation, TeamStore } from '../team-store.ts';

type Row = Record<string, unknown>;

/** 23505: unique_violation. */
function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === '23505';
}

const FIND_PENDING = `SELECT i.*, o.name AS organization_name FROM invitations i JOIN organizations o ON o.id = i.organization_id
  WHERE i.code_hash = $1 AND i.accepted_at IS NULL AND i.cancelled_at IS NULL AND i.expires_at > $2`;

export class PostgresTeamStore implements TeamStore {
  constructor(private readonly pool: pg.Pool) {}

  /** Runs `work` in one transaction on one connection; rolled back when it throws. */
  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** Serialises the team changes of one organisation (see the file's comment). */
  private async lockOrganization(client: pg.PoolClient, organizationId: string): Promise<void> {
    await client.query('SELECT 1 FROM organizations WHERE id = $1 FOR NO KEY UPDATE', [organizationId]);
  }

  async listMembers(organizationId: string): Promise<User[]> {
    const { rows } = await this.pool.query<Row>(`SELECT * FROM users WHERE organization_id = $1 AND removed_at IS NULL ${MEMBER_ORDER}`, [organizationId]);
    return rows.map(toUser);
  }

  async createInvitation(invitation: NewInvitation): Promise<void> {
    const email = normalizeEmail(invitation.email);
    try {
      await this.transaction(async (client) => {
        await client.query(
          'UPDATE invitations SET cancelled_at = $1 WHERE organization_id = $2 AND email = $3 AND accepted_at IS NULL AND cancelled_at IS NULL AND expires_at > $1',
          [invitation.createdAt, invitation.organizationId, email],
        );
        await client.query(`INSERT INTO invitations ${INVITATION_COLUMNS} VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, invitationParams({ ...invitation, email }));
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new StoreConflictError(String(error));
      throw error;
    }
  }

  async listPendingInvitations(organizationId: string, now: number): Promise<Invitation[]> {
    const { rows } = await this.pool.query<Row>(
      'SELECT * FROM invitations WHERE organization_id = $1 AND accepted_at IS NULL AND cancelled_at IS NULL AND expires_at > $2 ORDER BY created_at DESC, id',
      [organizationId, now],
    );
    return rows.map(toInvitation);
  }

  async cancelInvitation(organizationId: string, id: string, now: number): Promise<boolean> {
    const result = await this.pool.query(
      'UPDATE invitations SET cancelled_at = $1 WHERE id = $2 AND organization_id = $3 AND accepted_at IS NULL AND cancelled_at IS NULL AND expires_at > $1',
      [now, id, organizationId],
    );
    return result.rowCount === 1;
  }

  async findPendingInvitation(codeHash: string, now: number): Promise<InvitationWithOrganization | null> {
    const { rows } = await this.pool.query<Row>(FIND_PENDING, [codeHash, now]);
    const row = rows[0];
    return row ? toInvitationWithOrganization(row) : null;
  }

  async acceptInvitation(input: { codeHash: string; now: number; account: InvitedAccount }): Promise<AcceptOutcome> {
    try {
      return await this.transaction(async (client): Promise<AcceptOutcome> => {
        // FOR UPDATE: a second acceptance of the same code waits here, then finds it accepted.
        const { rows } = await client.query<Row>(`${FIND_PENDING} FOR UPDATE OF i`, [input.codeHash, input.now]);
        const row = rows[0];
        if (!row) return { ok: false, reason: 'not-found' };
        const invitation = toInvitationWithOrganization(row);
        const user: User = { ...input.account, organizationId: invitation.organizationId, email: invitation.email, roles: [invitation.role], createdAt: input.now };
        await client.query('INSERT INTO users (id, organization_id, email, first_name, last_name, password_hash, roles, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', userParams(user));
        await client.query('UPDATE invitations SET accepted_at = $1, accepted_by = $2 WHERE id = $3', [input.now, user.id, invitation.id]);
        return { ok: true, user, invitation: { ...invitation, acceptedAt: input.now, acceptedBy: user.id } };
      });
    } catch (error) {
      // The address was taken (by another school's account, or one created meanwhile): everything rolled back.
      if (isUniqueViolation(error)) return { ok: false, reason: 'email-taken' };
      throw error;
    }
  }

  setMemberRole(organizationId: string, userId: string, role: Role): Promise<MemberChange> {
    return this.transaction(async (client): Promise<MemberChange> => {
      await this.lockOrganization(client, organizationId);
      const target = await this.member(client, organizationId, userId);
      if (!target) return 'not-found';
      if (role !== 'admin' && primaryRole(target.roles) === 'admin' && (await this.adminCount(client, organizationId)) <= 1) return 'last-admin';
      await client.query('UPDATE users SET roles = $1 WHERE id = $2', [JSON.stringify([role]), userId]);
      return 'done';
    });
  }

  removeMember(organizationId: string, userId: string, now: number): Promise<MemberChange> {
    return this.transaction(async (client): Promise<MemberChange> => {
      await this.lockOrganization(client, organizationId);
      const target = await this.member(client, organizationId, userId);
      if (!target) return 'not-found';
      if (primaryRole(target.roles) === 'admin' && (await this.adminCount(client, organizationId)) <= 1) return 'last-admin';
      await client.query('UPDATE users SET removed_at = $1, email = $2 WHERE id = $3', [now, removedEmail(userId), userId]);
      await client.query(`DELETE FROM auth_tokens WHERE subject_type = 'user' AND subject_id = $1`, [userId]);
      await client.query('UPDATE invitations SET cancelled_at = $1 WHERE invited_by = $2 AND accepted_at IS NULL AND cancelled_at IS NULL AND expires_at > $1', [now, userId]);
      return 'done';
    });
  }

  private async member(client: pg.PoolClient, organizationId: string, userId: string): Promise<User | null> {
    const { rows } = await client.query<Row>('SELECT * FROM users WHERE id = $1 AND organization_id = $2 AND removed_at IS NULL', [userId, organizationId]);
    const row = rows[0];
    return row ? toUser(row) : null;
  }

  private async adminCount(client: pg.PoolClient, organizationId: string): Promise<number> {
    const { rows } = await client.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM users WHERE organization_id = $1 AND removed_at IS NULL AND ${IS_ADMIN}`, [organizationId]);
    return rows[0]?.n ?? 0;
  }
}
