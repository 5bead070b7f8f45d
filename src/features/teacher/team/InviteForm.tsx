/**
 * "Inviter un membre" (admin): the address the colleague will sign in with and their role. Nothing is e-mailed: the
 * link made is shown this once, to copy and pass on over the school's network, or the code to write down.
 */
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TEAM_ROLES } from '../../../data/team-client.ts';
import type { TeamRole } from '../../../data/team-client.ts';
import { failureText } from './failure-text.ts';
import { useTeam } from './team.store.ts';

function CreatedInvitation() {
  const { t, i18n } = useTranslation();
  const created = useTeam((s) => s.created);
  const [copied, setCopied] = useState<boolean | null>(null);
  const linkId = useId();
  if (!created) return null;
  const link = `${window.location.origin}${created.path}`;
  const expires = new Date(created.invitation.expiresAt).toLocaleString(i18n.language, { dateStyle: 'long', timeStyle: 'short' });

  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      // Clipboard refused (an insecure origin, a denied permission): the field stays there to copy by hand.
      setCopied(false);
    }
  }

  return (
    <div className="created-invitation">
      <p role="status" className="success">
        {t('teacher.team.invite.created', { email: created.invitation.email })}
      </p>
      <p>{t('teacher.team.invite.passOn', { date: expires })}</p>
      <label htmlFor={linkId}>{t('teacher.team.invite.link')}</label>
      <input id={linkId} type="text" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
      <p>
        {t('teacher.team.invite.code')} <code className="invitation-code">{created.code}</code>
      </p>
      <button type="button" className="secondary" onClick={() => void copy()}>
        {t('teacher.team.invite.copy')}
      </button>
      {copied !== null && <p role="status">{copied ? t('teacher.team.invite.copied') : t('teacher.team.invite.copyFailed')}</p>}
    </div>
  );
}

export function InviteForm() {
  const { t } = useTranslation();
  const { busy, inviteFailure, invite } = useTeam();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<TeamRole>('member');
  const headingId = useId();
  const emailId = useId();
  const roleId = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (await invite(email, role)) setEmail('');
  }

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('teacher.team.invite.title')}</h2>
      <p className="hint">{t('teacher.team.invite.intro')}</p>
      <form onSubmit={(event) => void submit(event)}>
        <label htmlFor={emailId}>{t('teacher.team.invite.email')}</label>
        <input id={emailId} type="email" required autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} />
        <label htmlFor={roleId}>{t('teacher.team.role')}</label>
        <select id={roleId} value={role} onChange={(e) => setRole(TEAM_ROLES.find((r) => r === e.target.value) ?? 'member')}>
          {TEAM_ROLES.map((value) => (
            <option key={value} value={value}>
              {t(`teacher.team.roles.${value}`)}
            </option>
          ))}
        </select>
        {inviteFailure && (
          <p role="alert" className="field-error">
            {failureText(t, inviteFailure)}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t('teacher.team.invite.submit')}
        </button>
      </form>
      <CreatedInvitation />
    </section>
  );
}
