import { useEffect, useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { AbortReason } from '../../data/certification-client.ts';
import { useInvigilator } from './invigilator.store.ts';
import { RefusalMessage } from './RefusalMessage.tsx';

/**
 * "Finaliser la session" ("PV d'incident"): an abort reason for each unfinished test, a global comment, the incident
 * and joining-issue flags. The relay knows which tests are unfinished and refuses a missing reason by name.
 */
export function FinalisePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { sessionId = '' } = useParams();
  const { session, busy, failure, loadSession, finalise } = useInvigilator();
  const [reasons, setReasons] = useState<Record<string, AbortReason | ''>>({});
  const [comment, setComment] = useState('');
  const [hasIncident, setHasIncident] = useState(false);
  const [hasJoiningIssue, setHasJoiningIssue] = useState(false);
  const baseId = useId();
  useEffect(() => {
    useInvigilator.setState({ failure: null });
    void loadSession(sessionId);
  }, [loadSession, sessionId]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const abortReasons = Object.fromEntries(Object.entries(reasons).filter((entry): entry is [string, AbortReason] => entry[1] !== ''));
    if (await finalise(sessionId, { comment, hasIncident, hasJoiningIssue, abortReasons })) await navigate(`/surveillant/sessions/${sessionId}`);
  }

  if (!session || session.id !== sessionId) return failure ? <RefusalMessage failure={failure} /> : <p role="status">{t('invigilator.loading')}</p>;
  return (
    <>
      <p>
        <Link to={`/surveillant/sessions/${sessionId}`}>{t('invigilator.finalise.back')}</Link>
      </p>
      <h1>{t('invigilator.finalise.title')}</h1>
      <p id={`${baseId}-help`}>{t('invigilator.finalise.help')}</p>
      <RefusalMessage failure={failure} />
      <form onSubmit={(e) => void submit(e)}>
        <fieldset>
          <legend>{t('invigilator.finalise.reasons')}</legend>
          {session.candidates.map((c) => (
            <div key={c.id}>
              <label htmlFor={`${baseId}-${c.id}`}>{t('invigilator.finalise.reasonFor', { name: `${c.lastName} ${c.firstName}` })}</label>
              <select id={`${baseId}-${c.id}`} aria-describedby={`${baseId}-help`} value={reasons[c.id] ?? ''} onChange={(e) => setReasons((r) => ({ ...r, [c.id]: e.target.value as AbortReason | '' }))}>
                <option value="">{t('invigilator.finalise.noReason')}</option>
                <option value="candidate">{t('invigilator.finalise.candidate')}</option>
                <option value="technical">{t('invigilator.finalise.technical')}</option>
              </select>
            </div>
          ))}
        </fieldset>
        <label htmlFor={`${baseId}-comment`}>{t('invigilator.finalise.comment')}</label>
        <textarea id={`${baseId}-comment`} maxLength={5000} value={comment} onChange={(e) => setComment(e.target.value)} />
        <div>
          <input id={`${baseId}-incident`} type="checkbox" checked={hasIncident} onChange={(e) => setHasIncident(e.target.checked)} />
          <label htmlFor={`${baseId}-incident`}>{t('invigilator.finalise.incident')}</label>
        </div>
        <div>
          <input id={`${baseId}-joining`} type="checkbox" checked={hasJoiningIssue} onChange={(e) => setHasJoiningIssue(e.target.checked)} />
          <label htmlFor={`${baseId}-joining`}>{t('invigilator.finalise.joining')}</label>
        </div>
        <button type="submit" disabled={busy}>
          {t('invigilator.finalise.submit')}
        </button>
      </form>
    </>
  );
}
