/** Pending invitations (admin): to whom, which role, until when; each may be cancelled, and its code stops working. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PendingInvitation } from '../../../data/team-client.ts';
import { useTeam } from './team.store.ts';

export function InvitationList({ invitations }: { invitations: PendingInvitation[] }) {
  const { t, i18n } = useTranslation();
  const { busy, cancel } = useTeam();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('teacher.team.invitations.title')}</h2>
      {invitations.length === 0 ? (
        <p>{t('teacher.team.invitations.none')}</p>
      ) : (
        <ul className="invitation-list">
          {invitations.map((invitation) => (
            <li key={invitation.id}>
              <span>
                {t('teacher.team.invitations.item', {
                  email: invitation.email,
                  role: t(`teacher.team.roles.${invitation.role}`),
                  date: new Date(invitation.expiresAt).toLocaleDateString(i18n.language, { dateStyle: 'long' }),
                })}
              </span>{' '}
              <button type="button" className="secondary small" disabled={busy} aria-label={t('teacher.team.invitations.cancelNamed', { email: invitation.email })} onClick={() => void cancel(invitation)}>
                {t('teacher.team.invitations.cancel')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
