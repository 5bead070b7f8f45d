import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useInvigilator } from './invigilator.store.ts';
import { RefusalMessage } from './RefusalMessage.tsx';
import { frenchDay } from './french-day.ts';

/** "Sessions": the school's certification sessions, the most recent first, and "Créer une session". */
export function SessionsPage() {
  const { t } = useTranslation();
  const { sessions, failure, loadSessions } = useInvigilator();
  useEffect(() => {
    void loadSessions();
  }, [loadSessions]);
  return (
    <>
      <h1>{t('invigilator.sessions.title')}</h1>
      <p>
        <Link to="/surveillant/sessions/nouvelle" className="button">
          {t('invigilator.sessions.create')}
        </Link>
      </p>
      <RefusalMessage failure={failure} />
      {sessions === null ? (
        <p role="status">{t('invigilator.loading')}</p>
      ) : sessions.length === 0 ? (
        <p>{t('invigilator.sessions.none')}</p>
      ) : (
        <table>
          <caption>{t('invigilator.sessions.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('invigilator.fields.date')}</th>
              <th scope="col">{t('invigilator.fields.time')}</th>
              <th scope="col">{t('invigilator.fields.room')}</th>
              <th scope="col">{t('invigilator.fields.examiner')}</th>
              <th scope="col">{t('invigilator.sessions.candidates')}</th>
              <th scope="col">{t('invigilator.sessions.status')}</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.id}>
                <td>
                  <Link to={`/surveillant/sessions/${s.id}`}>{t('invigilator.sessions.open', { date: frenchDay(s.date), room: s.room })}</Link>
                </td>
                <td>{s.time}</td>
                <td>{s.room}</td>
                <td>{s.examiner}</td>
                <td>{s.candidateCount}</td>
                <td>{t(`invigilator.status.${s.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
