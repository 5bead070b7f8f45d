import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { COMPETENCES } from '../../core/referential.ts';
import { useAssessment } from './assessment.store.ts';
import type { AssessmentPhase } from './assessment.store.ts';

/**
 * The end (SCREENS.md, student 7): "Vous maîtrisez N % des compétences testées", per competence, "J'envoie mes
 * résultats" (consent) then the confirmation; "Repasser mon parcours" when the retry rule allows it, or from when.
 */
export function EndScreen({ phase }: { phase: Extract<AssessmentPhase, { kind: 'end' }> }) {
  const { t, i18n } = useTranslation();
  const sharing = useAssessment((s) => s.sharing);
  const share = useAssessment((s) => s.share);
  const retry = useAssessment((s) => s.retry);
  const heading = useRef<HTMLHeadingElement>(null);
  const confirmation = useRef<HTMLParagraphElement>(null);
  const [retryRefused, setRetryRefused] = useState(false);
  const language = i18n.language === 'en' ? 'en' : 'fr';
  const participation = phase.results && phase.results.kind !== 'certification' ? phase.results.participation : null;

  useEffect(() => {
    heading.current?.focus();
  }, []);

  useEffect(() => {
    // The button is gone once the results are sent: the confirmation takes the focus instead.
    if (phase.shared) confirmation.current?.focus();
  }, [phase.shared]);

  const date = (ms: number): string => new Intl.DateTimeFormat(i18n.language, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(ms);
  const collect = participation !== null && participation.targetSkillCount === 0;

  return (
    <section className="end-screen" aria-labelledby="end-title">
      {participation === null ? (
        <h2 id="end-title" ref={heading} tabIndex={-1}>
          {t('results.loading')}
        </h2>
      ) : collect ? (
        <>
          <h2 id="end-title" ref={heading} tabIndex={-1}>
            {t('results.collectTitle')}
          </h2>
          <p>{t('results.collectIntro')}</p>
        </>
      ) : (
        <>
          <h2 id="end-title" ref={heading} tabIndex={-1} data-mastery={participation.masteryPercent}>
            {t('results.mastery', { percent: participation.masteryPercent })}
          </h2>
          {participation.stage && (
            <p className="stage">
              {t('results.stage', { title: participation.stage.title ?? t(`results.stages.${participation.stage.id}`) })}{' '}
              <span aria-hidden="true">{'★'.repeat(participation.stage.stars)}</span>
              <span className="visually-hidden">{t('results.stars', { count: participation.stage.stars })}</span>
            </p>
          )}
          <h3>{t('results.perCompetence')}</h3>
          <ul className="competence-results">
            {participation.competences.map((c) => {
              const percent = Math.round(c.masteryRate * 100);
              const name = COMPETENCES.find((k) => k.id === c.competenceId)?.name[language] ?? c.competenceId;
              return (
                <li key={c.competenceId} data-competence={c.competenceId}>
                  <span className="competence-name">{`${c.competenceId} ${name}`}</span>
                  <span className="competence-percent">{`${percent} %`}</span>
                  <div className="bar" aria-hidden="true">
                    <span style={{ width: `${percent}%` }} />
                  </div>
                  <span className="hint">{t('results.competenceSkills', { validated: c.validatedSkillCount, count: c.targetSkillCount })}</span>
                </li>
              );
            })}
          </ul>
        </>
      )}
      {phase.shared ? (
        <p ref={confirmation} tabIndex={-1} role="status" className="success">
          {t('results.shared')}
        </p>
      ) : phase.results?.kind === 'competence' ? null : (
        // Competence training has nobody to send results to: they are the student's, in their profile.
        <div className="share">
          <p>{t('results.consent')}</p>
          <button type="button" disabled={sharing === 'pending' || participation === null} onClick={() => void share()}>
            {sharing === 'pending' ? t('results.sharing') : t('results.share')}
          </button>
          {sharing === 'failed' && (
            <p className="field-error" role="alert">
              {t('results.shareFailed')}
            </p>
          )}
        </div>
      )}
      {phase.shared && phase.retry && (
        <div className="retry">
          {phase.retry.allowed ? (
            <>
              <p>{t('results.retryIntro')}</p>
              <button
                type="button"
                onClick={() => {
                  setRetryRefused(false);
                  void retry().then((outcome) => setRetryRefused(outcome === 'refused'));
                }}
              >
                {t('results.retry')}
              </button>
            </>
          ) : phase.retry.reason === 'too-early' ? (
            <p>{t('results.retryAt', { date: date(phase.retry.availableAt) })}</p>
          ) : phase.retry.reason === 'nothing-to-retry' ? (
            <p>{t('results.retryNothing')}</p>
          ) : null}
          {retryRefused && (
            <p className="field-error" role="alert">
              {t('campaign.problems.error', { message: 'retry-refused' })}
            </p>
          )}
        </div>
      )}
      <p>
        <Link className="button secondary" to="/">
          {t('results.backHome')}
        </Link>
      </p>
    </section>
  );
}
