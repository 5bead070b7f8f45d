/**
 * The team on SQLite: one writer at a time, so each check-then-write runs in an IMMEDIATE transaction and nothing
 * can come between the check (the last admin, a pending code) and the write.
 */
import type Database from 'better-sqlite3';
import { toUser, userParams } from '../rows.ts';
import { normalizeEmail, StoreConflictError } from '../store.ts';
import type { Role, User } from '../store.ts';
import { INVITATION_COLUMNS, invitationParams, IS_ADMIN, MEMBER_ORDER, toInvitation, toInvitationWithOrganization } from '../team-rows.ts';
import { primaryRole, removedEmail } from '../team-store.ts';
import type { AcceptOutcome, Invitation, InvitationWithOrganization, InvitedAccount, MemberChange, NewInvitation, TeamStore } from '../team-store.ts';

type Row = Record<string, unknown>;

const PENDING = 'accepted_at IS NULL AND cancelled_at IS NULL AND expires_at > ?';

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && 'code' in error && /^SQLITE_CONSTRAINT_(UNIQUE|PRIMARYKEY)$/.test(String(error.code));
}

export class SqliteTeamStore implements TeamStore {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  private prepare(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** Runs `work` in an IMMEDIATE transaction (the write lock first), answering its result or its error as a promise. */
  private transaction<T>(work: () => T): Promise<T> {
    try {
      return Promise.resolve(this.db.transaction(work).immediate());
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  listMembers(organizationId: string): Promise<User[]> {
    const rows = this.prepare(`SELECT * FROM users WHERE organization_id = ? AND removed_at IS NULL ${MEMBER_ORDER}`).all(organizationId) as Row[];
    return Promise.resolve(rows.map(toUser));
  }

  createInvitation(invitation: NewInvitation): Promise<void> {
    const email = normalizeEmail(invitation.email);
    return this.transaction(() => {
      this.prepare(`UPDATE invitations SET cancelled_at = ? WHERE organization_id = ? AND email = ? AND ${PENDING}`)
        .run(invitation.createdAt, invitation.organizationId, email, invitation.createdAt);
      this.prepare(`INSERT INTO invitations ${INVITATION_COLUMNS} VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(...invitationParams({ ...invitation, email }));
    }).catch((error: unknown) => {
      throw isUniqueViolation(error) ? new StoreConflictError(String(error)) : error;
    });
  }

  listPendingInvitations(organizationId: string, now: number): Promise<Invitation[]> {
    const rows = this.prepare(`SELECT * FROM invitations WHERE organization_id = ? AND ${PENDING} ORDER BY created_at DESC, id`).all(organizationId, now) as Row[];
    return Promise.resolve(rows.map(toInvitation));
  }

  cancelInvitation(organizationId: string, id: string, now: number): Promise<boolean> {
    const result = this.prepare(`UPDATE invitations SET cancelled_at = ? WHERE id = ? AND organization_id = ? AND ${PENDING}`).run(now, id, organizationId, now);
    return Promise.resolve(result.changes === 1);
  }

  findPendingInvitation(codeHash: string, now: number): Promise<InvitationWithOrganization | null> {
    const row = this.prepare(
      `SELECT i.*, o.name AS organization_name FROM invitations i JOIN organizations o ON o.id = i.organization_id
       WHERE i.code_hash = ? AND i.accepted_at IS NULL AND i.cancelled_at IS NULL AND i.expires_at > ?`,
    ).get(codeHash, now) as Row | undefined;
    return Promise.resolve(row ? toInvitationWithOrganization(row) : null);
  }

  acceptInvitation(input: { codeHash: string; now: number; account: InvitedAccount }): Promise<AcceptOutcome> {
    return this.transaction((): AcceptOutcome => {
      const row = this.prepare(
        `SELECT i.*, o.name AS organization_name FROM invitations i JOIN organizations o ON o.id = i.organization_id
         WHERE i.code_hash = ? AND i.accepted_at IS NULL AND i.cancelled_at IS NULL AND i.expires_at > ?`,
      ).get(input.codeHash, input.now) as Row | undefined;
      if (!row) return { ok: false, reason: 'not-found' };
      const invitation = toInvitationWithOrganization(row);
      if (this.prepare('SELECT 1 FROM users WHERE email = ?').get(invitation.email)) return { ok: false, reason: 'email-taken' };
      const user: User = { ...input.account, organizationId: invitation.organizationId, email: invitation.email, roles: [invitation.role], createdAt: input.now };
      this.prepare('INSERT INTO users (id, organization_id, email, first_name, last_name, password_hash, roles, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(...userParams(user));
      this.prepare('UPDATE invitations SET accepted_at = ?, accepted_by = ? WHERE id = ?').run(input.now, user.id, invitation.id);
      return { ok: true, user, invitation: { ...invitation, acceptedAt: input.now, acceptedBy: user.id } };
    });
  }

  setMemberRole(organizationId: string, userId: string, role: Role): Promise<MemberChange> {
    return this.transaction((): MemberChange => {
      const target = this.member(organizationId, userId);
      if (!target) return 'not-found';
      if (role !== 'admin' && primaryRole(target.roles) === 'admin' && this.adminCount(organizationId) <= 1) return 'last-admin';
      this.prepare('UPDATE users SET roles = ? WHERE id = ?').run(JSON.stringify([role]), userId);
      return 'done';
    });
  }

  removeMember(organizationId: string, userId: string, now: number): Promise<MemberChange> {
    return this.transaction((): MemberChange => {
      const target = this.member(organizationId, userId);
      if (!target) return 'not-found';
      if (primaryRole(target.roles) === 'admin' && this.adminCount(organizationId) <= 1) return 'last-admin';
      this.prepare('UPDATE users SET removed_at = ?, email = ? WHERE id = ?').run(now, removedEmail(userId), userId);
      this.prepare(`DELETE FROM auth_tokens WHERE subject_type = 'user' AND subject_id = ?`).run(userId);
      this.prepare(`UPDATE invitations SET cancelled_at = ? WHERE invited_by = ? AND ${PENDING}`).run(now, userId, now);
      return 'done';
    });
  }

  private member(organizationId: string, userId: string): User | null {
    const row = this.prepare('SELECT * FROM users WHERE id = ? AND organization_id = ? AND removed_at IS NULL').get(userId, organizationId) as Row | undefined;
    return row ? toUser(row) : null;
  }

  private adminCount(organizationId: string): number {
    const row = this.prepare(`SELECT COUNT(*) AS n FROM users WHERE organization_id = ? AND removed_at IS NULL AND ${IS_ADMIN}`).get(organizationId) as Row;
    return Number(row.n);
  }
}
