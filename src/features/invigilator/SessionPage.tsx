import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { AddCandidateForm } from './AddCandidateForm.tsx';
import { CandidateImport } from './CandidateImport.tsx';
import { CandidateTable } from './CandidateTable.tsx';
import { frenchDay } from './french-day.ts';
import { useInvigilator } from './invigilator.store.ts';
import { RefusalMessage } from './RefusalMessage.tsx';
import { SessionForm } from './SessionForm.tsx';
import { SessionResults } from './SessionResults.tsx';

/** A session: its access code and invigilator password, its candidates, enrolment, then finalisation and results. */
export function SessionPage() {
  const { t } = useTranslation();
  const { sessionId = '' } = useParams();
  const { session, results, busy, failure, done, loadSession, edit } = useInvigilator();
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    useInvigilator.setState({ failure: null, done: null });
    void loadSession(sessionId);
  }, [loadSession, sessionId]);

  if (!session || session.id !== sessionId) {
    return failure ? <RefusalMessage failure={failure} /> : <p role="status">{t('invigilator.loading')}</p>;
  }
  const open = session.status === 'created';
  return (
    <>
      <p>
        <Link to="/surveillant/sessions">{t('invigilator.back')}</Link>
      </p>
      <h1>{t('invigilator.session.title', { date: frenchDay(session.date), time: session.time, room: session.room })}</h1>
      <dl className="session-codes">
        <dt>{t('invigilator.session.accessCode')}</dt>
        <dd>{session.accessCode}</dd>
        <dt>{t('invigilator.session.password')}</dt>
        <dd>{session.invigilatorPassword}</dd>
        <dt>{t('invigilator.fields.address')}</dt>
        <dd>{session.address}</dd>
        <dt>{t('invigilator.fields.examiner')}</dt>
        <dd>{session.examiner}</dd>
        <dt>{t('invigilator.sessions.status')}</dt>
        <dd>{t(`invigilator.status.${session.status}`)}</dd>
      </dl>
      {session.description && <p>{session.description}</p>}
      <p role="status">{done ? t(`invigilator.done.${done}`) : ''}</p>
      <RefusalMessage failure={failure} />
      {open && (
        <p>
          <button type="button" className="secondary" aria-expanded={editing} onClick={() => setEditing((e) => !e)}>
            {t('invigilator.session.edit')}
          </button>{' '}
          <Link to={`/surveillant/sessions/${session.id}/finalisation`} className="button">
            {t('invigilator.finalise.open')}
          </Link>
        </p>
      )}
      {open && editing && (
        <SessionForm
          initial={{ room: session.room, address: session.address, date: session.date, time: session.time, examiner: session.examiner, description: session.description }}
          submitLabel={t('invigilator.session.save')}
          busy={busy}
          onSubmit={async (fields) => {
            if (await edit(session.id, fields)) setEditing(false);
          }}
        />
      )}
      <h2>{t('invigilator.candidates.title')}</h2>
      <CandidateTable candidates={session.candidates} />
      {open && <AddCandidateForm sessionId={session.id} />}
      {open && <CandidateImport sessionId={session.id} />}
      {results && <SessionResults sessionId={session.id} results={results} />}
    </>
  );
}
