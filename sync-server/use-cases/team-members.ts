/**
 * The school's team as the "Équipe" screen shows it, and what an admin may change in it ([TEAM-1], [TEAM-3],
 * [TEAM-4]): a member's role, or the member removed. An admin changes neither their own role nor removes
 * themselves (another admin does), and the school always keeps one admin; another school's member is "not found".
 */
import { HttpError } from '../http-error.ts';
import type { Role, Store, User } from '../store/store.ts';
import { primaryRole } from '../store/team-store.ts';
import type { MemberChange } from '../store/team-store.ts';

export interface TeamMember {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  role: Role;
  createdAt: number;
}

export interface TeamCaller {
  organizationId: string;
  userId: string;
}

const frenchOrder = new Intl.Collator('fr', { sensitivity: 'base' });

function toMember(user: User): TeamMember {
  return { id: user.id, email: user.email, firstName: user.firstName, lastName: user.lastName, role: primaryRole(user.roles), createdAt: user.createdAt };
}

export async function listTeamMembers(store: Store, organizationId: string): Promise<TeamMember[]> {
  const members = (await store.team.listMembers(organizationId)).map(toMember);
  return members.sort((a, b) => frenchOrder.compare(a.lastName, b.lastName) || frenchOrder.compare(a.firstName, b.firstName) || a.id.localeCompare(b.id));
}

function notFound(): HttpError {
  return new HttpError(404, 'not_found', 'Membre introuvable dans votre établissement (peut-être déjà retiré).');
}

function refuseOwnAccount(caller: TeamCaller, memberId: string, what: string): void {
  if (caller.userId === memberId) {
    throw new HttpError(409, 'own_account', `Vous ne pouvez pas ${what} vous-même : demandez-le à un autre administrateur de l'établissement.`);
  }
}

function settle(change: MemberChange): void {
  if (change === 'not-found') throw notFound();
  if (change === 'last-admin') {
    throw new HttpError(409, 'last_admin', "L'établissement doit garder au moins un administrateur : nommez d'abord un autre administrateur.");
  }
}

export async function changeMemberRole(store: Store, caller: TeamCaller, memberId: string, role: Role): Promise<TeamMember> {
  refuseOwnAccount(caller, memberId, 'changer votre propre rôle');
  settle(await store.team.setMemberRole(caller.organizationId, memberId, role));
  const member = (await store.team.listMembers(caller.organizationId)).find((u) => u.id === memberId);
  if (!member) throw notFound();
  return toMember(member);
}

export async function removeTeamMember(store: Store, caller: TeamCaller, memberId: string, now: number): Promise<void> {
  refuseOwnAccount(caller, memberId, "retirer de l'équipe");
  settle(await store.team.removeMember(caller.organizationId, memberId, now));
}
