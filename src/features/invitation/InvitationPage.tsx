/**
 * "/invitation/<code>": a colleague invited to a school's team opens the link an admin passed on (or types the
 * code), sees which school and address it is for, and chooses a name and password. Then they sign in like any
 * teacher (or invigilator). Loaded only when opened: nothing of it is in a student's first load.
 */
import { useEffect, useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { TFunction } from 'i18next';
import type { CallFailure } from '../../data/teacher-client.ts';
import { useInvitation } from './invitation.store.ts';

/** Mirrors the relay's rule (MIN_PASSWORD_LENGTH, [TEAM-6]), so the browser says it before sending. */
const MIN_PASSWORD_LENGTH = 10;

const KNOWN_CODES = ['invitation_invalid', 'weak_password', 'email_taken', 'too_many_attempts'] as const;

function failureText(t: TFunction, failure: CallFailure): string {
  const code = KNOWN_CODES.find((known) => known === failure.code);
  if (code) return t(`invitation.errors.${code}`);
  if (failure.reason === 'unreachable' || failure.message === null) return t('invitation.errors.unreachable');
  return failure.message;
}

function CodeForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const codeId = useId();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void navigate(`/invitation/${encodeURIComponent(code.trim())}`);
  }
  return (
    <form onSubmit={submit}>
      <label htmlFor={codeId}>{t('invitation.code')}</label>
      <input id={codeId} required autoComplete="off" spellCheck={false} value={code} onChange={(e) => setCode(e.target.value)} placeholder="XXXX-XXXX-XXXX-XXXX" />
      <button type="submit">{t('invitation.continue')}</button>
    </form>
  );
}

function AccountForm() {
  const { t } = useTranslation();
  const { submitting, submitFailure, accept } = useInvitation();
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const ids = { first: useId(), last: useId(), password: useId(), confirmation: useId(), hint: useId() };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMismatch(password !== confirmation);
    if (password !== confirmation) return;
    void accept({ firstName, lastName, password });
  }

  return (
    <form onSubmit={submit}>
      <label htmlFor={ids.first}>{t('invitation.firstName')}</label>
      <input id={ids.first} required autoComplete="given-name" value={firstName} onChange={(e) => setFirstName(e.target.value)} />
      <label htmlFor={ids.last}>{t('invitation.lastName')}</label>
      <input id={ids.last} required autoComplete="family-name" value={lastName} onChange={(e) => setLastName(e.target.value)} />
      <label htmlFor={ids.password}>{t('invitation.password')}</label>
      <input
        id={ids.password}
        type="password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        autoComplete="new-password"
        aria-describedby={ids.hint}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <p id={ids.hint} className="hint">
        {t('invitation.passwordHint', { count: MIN_PASSWORD_LENGTH })}
      </p>
      <label htmlFor={ids.confirmation}>{t('invitation.confirmPassword')}</label>
      <input id={ids.confirmation} type="password" required autoComplete="new-password" value={confirmation} onChange={(e) => setConfirmation(e.target.value)} />
      {mismatch && (
        <p role="alert" className="field-error">
          {t('invitation.errors.mismatch')}
        </p>
      )}
      {submitFailure && (
        <p role="alert" className="field-error">
          {failureText(t, submitFailure)}
        </p>
      )}
      <button type="submit" disabled={submitting}>
        {submitting ? t('invitation.creating') : t('invitation.create')}
      </button>
    </form>
  );
}

export function InvitationPage() {
  const { t, i18n } = useTranslation();
  const { code } = useParams();
  const { view, check } = useInvitation();

  useEffect(() => {
    if (code) void check(code);
  }, [code, check]);

  return (
    <div className="narrow">
      <h1>{t('invitation.title')}</h1>
      {!code && <CodeForm />}
      {code && view.phase === 'checking' && <p role="status">{t('invitation.checking')}</p>}
      {code && view.phase === 'invalid' && (
        <>
          <p role="alert" className="field-error">
            {failureText(t, view.failure)}
          </p>
          <CodeForm />
        </>
      )}
      {code && view.phase === 'ready' && (
        <>
          <p>
            {t('invitation.intro', {
              school: view.preview.organizationName,
              role: t(`invitation.roles.${view.preview.role}`),
            })}
          </p>
          <p>{t('invitation.email', { email: view.preview.email })}</p>
          <p className="hint">{t('invitation.expires', { date: new Date(view.preview.expiresAt).toLocaleString(i18n.language, { dateStyle: 'long', timeStyle: 'short' }) })}</p>
          <AccountForm />
        </>
      )}
      {view.phase === 'done' && (
        <>
          <p role="status" className="success">
            {t('invitation.done', { school: view.account.organizationName, email: view.account.email })}
          </p>
          <p>
            <Link to={view.account.role === 'invigilator' ? '/surveillant' : '/enseignant'} className="button">
              {view.account.role === 'invigilator' ? t('invitation.goInvigilator') : t('invitation.goTeacher')}
            </Link>
          </p>
        </>
      )}
    </div>
  );
}
