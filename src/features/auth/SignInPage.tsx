import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useStaffSession } from './staff-session.store.ts';

/** Sign-in of teachers ("Espace enseignant") and invigilators ("Espace surveillant"). */
export function SignInPage({ space }: { space: 'teacher' | 'invigilator' }) {
  const { t } = useTranslation();
  const { user, signIn, signOut } = useStaffSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const emailId = useId();
  const passwordId = useId();
  const title = space === 'teacher' ? t('signIn.teacherTitle') : t('signIn.invigilatorTitle');

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const outcome = await signIn(email, password);
    setPending(false);
    if (!outcome.ok) setError(outcome.reason === 'unreachable' ? t('signIn.offline') : t('signIn.invalid'));
  }

  if (user) {
    const name = [user.firstName, user.lastName].filter(Boolean).join(' ') || user.email;
    return (
      <div className="narrow">
        <h1>{title}</h1>
        <p role="status">{t('signIn.signedInAs', { name })}</p>
        <p>{user.roles.map((role) => t(`signIn.roles.${role}`)).join(', ')}</p>
        {space === 'teacher' && user.roles.some((role) => role === 'admin' || role === 'member') && (
          <p>
            <Link to="/enseignant/campagnes" className="button">
              {t('teacher.open')}
            </Link>
          </p>
        )}
        {space === 'invigilator' && user.roles.some((role) => role === 'admin' || role === 'invigilator') && (
          <p>
            <Link to="/surveillant/sessions" className="button">
              {t('invigilator.open')}
            </Link>
          </p>
        )}
        <button type="button" className="secondary" onClick={signOut}>
          {t('signIn.signOut')}
        </button>
      </div>
    );
  }

  return (
    <div className="narrow">
      <h1>{title}</h1>
      <form onSubmit={(event) => void submit(event)}>
        <label htmlFor={emailId}>{t('signIn.email')}</label>
        <input id={emailId} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <label htmlFor={passwordId}>{t('signIn.password')}</label>
        <input id={passwordId} type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={pending}>
          {pending ? t('signIn.pending') : t('signIn.submit')}
        </button>
      </form>
    </div>
  );
}
