/**
 * "Équipe" (SCREENS.md): the school's members and their roles for everyone in the teacher space; for an admin,
 * "Inviter un membre", the pending invitations, role changes and removals.
 */
import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useStaffSession } from '../../auth/staff-session.store.ts';
import { ConfirmDialog } from '../ConfirmDialog.tsx';
import { failureText } from './failure-text.ts';
import { InvitationList } from './InvitationList.tsx';
import { InviteForm } from './InviteForm.tsx';
import { MemberTable } from './MemberTable.tsx';
import { useTeam } from './team.store.ts';
import type { TeamNotice } from './team.store.ts';

function Notice({ notice }: { notice: TeamNotice }) {
  const { t } = useTranslation();
  if (notice.kind === 'failed') {
    return (
      <p role="alert" className="field-error">
        {failureText(t, notice.failure)}
      </p>
    );
  }
  const text =
    notice.kind === 'cancelled'
      ? t('teacher.team.notice.cancelled', { email: notice.email })
      : notice.kind === 'removed'
        ? t('teacher.team.notice.removed', { name: `${notice.member.firstName} ${notice.member.lastName}` })
        : t('teacher.team.notice.roleChanged', { name: `${notice.member.firstName} ${notice.member.lastName}`, role: t(`teacher.team.roles.${notice.member.role}`) });
  return (
    <p role="status" className="success">
      {text}
    </p>
  );
}

export function TeamPage() {
  const { t } = useTranslation();
  const user = useStaffSession((s) => s.user);
  const { members, invitations, loading, failure, notice, busy, confirmingRemoval, load, cancelRemoval, confirmRemoval } = useTeam();
  const membersHeadingId = useId();
  const isAdmin = user?.roles.includes('admin') ?? false;

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <>
      <h1>{t('teacher.team.title')}</h1>
      {!isAdmin && <p className="hint">{t('teacher.team.readOnly')}</p>}
      {notice && <Notice notice={notice} />}
      <section aria-labelledby={membersHeadingId} aria-busy={loading}>
        <h2 id={membersHeadingId}>{t('teacher.team.members')}</h2>
        {failure && (
          <p role="alert" className="field-error">
            {t('teacher.team.loadFailed', { message: failureText(t, failure) })}
          </p>
        )}
        {members && user && <MemberTable members={members} currentUserId={user.id} isAdmin={isAdmin} />}
      </section>
      {isAdmin && <InviteForm />}
      {isAdmin && invitations && <InvitationList invitations={invitations} />}
      {confirmingRemoval && (
        <ConfirmDialog
          title={t('teacher.team.confirmTitle', { name: `${confirmingRemoval.firstName} ${confirmingRemoval.lastName}` })}
          confirmLabel={t('teacher.team.remove')}
          cancelLabel={t('teacher.team.cancel')}
          busy={busy}
          onConfirm={() => void confirmRemoval()}
          onCancel={cancelRemoval}
        >
          <p>{t('teacher.team.confirmText')}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
