/**
 * The team's members and their roles. An admin may change another member's role or remove them (after a
 * confirmation); their own row offers neither, as the relay refuses both ([TEAM-3], [TEAM-4]).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TEAM_ROLES } from '../../../data/team-client.ts';
import type { TeamMember, TeamRole } from '../../../data/team-client.ts';
import { useTeam } from './team.store.ts';

function RoleCell({ member }: { member: TeamMember }) {
  const { t } = useTranslation();
  const { busy, setRole } = useTeam();
  const [role, setSelected] = useState<TeamRole>(member.role);
  const name = `${member.firstName} ${member.lastName}`;
  return (
    <div className="inline-form">
      <select aria-label={t('teacher.team.roleOf', { name })} value={role} onChange={(e) => setSelected(TEAM_ROLES.find((r) => r === e.target.value) ?? member.role)}>
        {TEAM_ROLES.map((value) => (
          <option key={value} value={value}>
            {t(`teacher.team.roles.${value}`)}
          </option>
        ))}
      </select>
      <button type="button" className="secondary small" disabled={busy || role === member.role} aria-label={t('teacher.team.changeRoleOf', { name })} onClick={() => void setRole(member, role)}>
        {t('teacher.team.changeRole')}
      </button>
    </div>
  );
}

export function MemberTable({ members, currentUserId, isAdmin }: { members: TeamMember[]; currentUserId: string; isAdmin: boolean }) {
  const { t } = useTranslation();
  const { busy, askRemoval } = useTeam();
  return (
    <div className="table-scroll">
      <table className="learner-table">
        <caption>{t('teacher.team.caption', { count: members.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('teacher.team.lastName')}</th>
            <th scope="col">{t('teacher.team.firstName')}</th>
            <th scope="col">{t('teacher.team.email')}</th>
            <th scope="col">{t('teacher.team.role')}</th>
            {isAdmin && <th scope="col">{t('teacher.team.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {members.map((member) => {
            const self = member.id === currentUserId;
            const name = `${member.firstName} ${member.lastName}`;
            return (
              <tr key={member.id}>
                <th scope="row">{member.lastName}</th>
                <td>{member.firstName}</td>
                <td>{member.email}</td>
                <td>{isAdmin && !self ? <RoleCell key={member.role} member={member} /> : t(`teacher.team.roles.${member.role}`)}</td>
                {isAdmin && (
                  <td>
                    {self ? (
                      <span className="hint">{t('teacher.team.you')}</span>
                    ) : (
                      <button type="button" className="secondary small" disabled={busy} aria-label={t('teacher.team.removeNamed', { name })} onClick={() => askRemoval(member)}>
                        {t('teacher.team.remove')}
                      </button>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
