import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { SessionFields } from '../../data/certification-client.ts';
import { useStaffSession } from '../auth/staff-session.store.ts';
import { useInvigilator } from './invigilator.store.ts';
import { RefusalMessage } from './RefusalMessage.tsx';
import { SessionForm } from './SessionForm.tsx';

/** "Créer une session": the access code and invigilator password are drawn by the relay. */
export function CreateSessionPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useStaffSession((s) => s.user);
  const { busy, failure, create } = useInvigilator();
  useEffect(() => useInvigilator.setState({ failure: null }), []);
  const initial: SessionFields = { room: '', address: '', date: '', time: '', examiner: [user?.firstName, user?.lastName].filter(Boolean).join(' '), description: '' };

  async function submit(fields: SessionFields) {
    const created = await create(fields);
    if (created) await navigate(`/surveillant/sessions/${created.id}`);
  }

  return (
    <>
      <p>
        <Link to="/surveillant/sessions">{t('invigilator.back')}</Link>
      </p>
      <h1>{t('invigilator.sessions.create')}</h1>
      <RefusalMessage failure={failure} />
      <SessionForm initial={initial} submitLabel={t('invigilator.create.submit')} busy={busy} onSubmit={submit} />
    </>
  );
}
