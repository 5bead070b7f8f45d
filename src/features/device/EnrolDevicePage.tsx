import { useEffect, useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDevice } from './device.store.ts';

/** "Inscrire ce poste" (SCREENS.md): once per machine, online, by a teacher or an admin. */
export function EnrolDevicePage() {
  const { t } = useTranslation();
  const { status, refresh, enrol } = useDevice();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [name, setName] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ids = { email: useId(), password: useId(), name: useId() };

  useEffect(() => {
    void refresh();
  }, [refresh]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const outcome = await enrol({ email, password, name });
    setPending(false);
    if (!outcome.ok) setError(t(`device.errors.${outcome.reason}`));
  }

  if (status?.enrolled) {
    return (
      <div className="narrow">
        <h1>{t('device.title')}</h1>
        <p role="status" className="success">
          {t('device.enrolled')}
        </p>
        <p>{t('device.enrolledAs', { name: status.name })}</p>
        <Link className="button" to="/">
          {t('campaign.backHome')}
        </Link>
      </div>
    );
  }

  return (
    <div className="narrow">
      <h1>{t('device.title')}</h1>
      <p>{t('device.intro')}</p>
      <form onSubmit={(event) => void submit(event)}>
        <label htmlFor={ids.email}>{t('signIn.email')}</label>
        <input id={ids.email} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <label htmlFor={ids.password}>{t('signIn.password')}</label>
        <input id={ids.password} type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        <label htmlFor={ids.name}>{t('device.name')}</label>
        <input id={ids.name} required maxLength={100} value={name} placeholder={t('device.namePlaceholder')} onChange={(e) => setName(e.target.value)} />
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={pending}>
          {pending ? t('device.pending') : t('device.submit')}
        </button>
      </form>
    </div>
  );
}
