import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CompetenceProfile } from '../../data/engine-client.ts';
import { useProfile } from './profile.store.ts';

/**
 * One competence of the profile: level and pix, then what the student can do with it: "Commencer" or "Reprendre"
 * the training, or "Remettre à zéro" once allowed (with a confirmation), or from when.
 */
export function CompetenceCard({ competence, name, levelCap }: { competence: CompetenceProfile; name: string; levelCap: number }) {
  const { t, i18n } = useTranslation();
  const resetCompetence = useProfile((s) => s.resetCompetence);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const headingId = `competence-${competence.competenceId.replace('.', '-')}`;
  const date = (ms: number): string => new Intl.DateTimeFormat(i18n.language, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(ms);
  const training = `/competences/${competence.competenceId}/evaluation`;
  const { reset } = competence;

  async function confirmReset() {
    const outcome = await resetCompetence(competence.competenceId);
    setConfirming(false);
    setMessage(outcome.ok ? t('profile.resetDone') : t('profile.resetRefused'));
  }

  return (
    <li className="competence-card" data-competence={competence.competenceId} data-level={competence.level} data-pix={competence.pix}>
      <h3 id={headingId}>{`${competence.competenceId} ${name}`}</h3>
      <p className="competence-score">
        <strong>{t('profile.level', { level: competence.level })}</strong>
        {' · '}
        {t('profile.pix', { count: competence.pix })}
      </p>
      <div className="bar" aria-hidden="true">
        <span style={{ width: `${Math.round((competence.level / levelCap) * 100)}%` }} />
      </div>
      <div className="competence-actions">
        {competence.training.state === 'none' && (
          <Link className="button secondary" to={training} aria-describedby={headingId}>
            {t('profile.start')}
          </Link>
        )}
        {competence.training.state === 'started' && (
          <Link className="button" to={training} aria-describedby={headingId}>
            {t('profile.resume')}
          </Link>
        )}
        {competence.training.state === 'completed' && <p className="hint">{t('profile.assessed')}</p>}
        {reset.allowed && !confirming && (
          <button type="button" className="secondary" aria-describedby={headingId} onClick={() => setConfirming(true)}>
            {t('profile.reset')}
          </button>
        )}
        {!reset.allowed && reset.reason === 'too-early' && <p className="hint">{t('profile.resetAt', { date: date(reset.availableAt) })}</p>}
      </div>
      {confirming && (
        <div className="confirm" role="group" aria-labelledby={`${headingId}-confirm`}>
          <p id={`${headingId}-confirm`}>{t('profile.confirmReset', { name })}</p>
          <button type="button" onClick={() => void confirmReset()}>
            {t('profile.confirmResetAction')}
          </button>{' '}
          <button type="button" className="secondary" onClick={() => setConfirming(false)}>
            {t('profile.cancel')}
          </button>
        </div>
      )}
      {message && (
        <p role="status" className="success">
          {message}
        </p>
      )}
    </li>
  );
}
