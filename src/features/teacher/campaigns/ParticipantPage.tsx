/**
 * A participant's page (SCREENS.md): progress, start and share dates, mastery, skills validated and tested, and the
 * same per competence, once the student sent the results; for a profiles collection, the profile sent.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { fetchParticipant } from '../../../data/campaigns-client.ts';
import type { CampaignOutcome } from '../../../data/campaigns-client.ts';
import type { ParticipantView } from '../../../data/campaign-types.ts';
import { competenceName, percent, shortDate } from './campaign-format.ts';
import { FlagNote } from './FlagNote.tsx';
import { signOutWhenUnauthorized, staffToken } from './staff-token.ts';
import './campaigns.css';

export function ParticipantPage() {
  const { t, i18n } = useTranslation();
  const { campaignId = '', learnerId = '' } = useParams();
  const [outcome, setOutcome] = useState<CampaignOutcome<ParticipantView> | null>(null);
  useEffect(() => {
    const token = staffToken();
    if (!token) return;
    let current = true;
    void fetchParticipant(token, campaignId, learnerId).then((result) => {
      if (!current) return;
      setOutcome(result);
      if (!result.ok) signOutWhenUnauthorized(result);
    });
    return () => {
      current = false;
    };
  }, [campaignId, learnerId]);

  const back = (
    <p>
      <Link to={`/enseignant/campagnes/${campaignId}`}>{t('teacher.campaigns.participant.back')}</Link>
    </p>
  );
  if (!outcome) return <p role="status">{t('app.loadingPage')}</p>;
  if (!outcome.ok)
    return (
      <>
        {back}
        <h1>{t('teacher.campaigns.participant.title')}</h1>
        <p role="alert" className="field-error">
          {outcome.message ?? t('teacher.campaigns.unreachable')}
        </p>
      </>
    );
  const p = outcome.value;
  return (
    <>
      {back}
      <h1>{`${p.learner.lastName} ${p.learner.firstName}`}</h1>
      <p>
        {p.learner.className} · {t(`teacher.campaigns.status.${p.status}`)} <FlagNote flag={p.flag} />
      </p>
      <dl className="settings-list">
        <div>
          <dt>{t('teacher.campaigns.activity.progress')}</dt>
          <dd>{percent(p.progress)}</dd>
        </div>
        <div>
          <dt>{t('teacher.campaigns.participant.startedAt')}</dt>
          <dd>{shortDate(p.startedAt, i18n.language)}</dd>
        </div>
        <div>
          <dt>{t('teacher.campaigns.participant.sharedAt')}</dt>
          <dd>{p.sharedAt === null ? t('teacher.campaigns.participant.notShared') : shortDate(p.sharedAt, i18n.language)}</dd>
        </div>
        {p.attempts > 1 && (
          <div>
            <dt>{t('teacher.campaigns.participant.attempts')}</dt>
            <dd>{p.attempts}</dd>
          </div>
        )}
        {p.results && (
          <>
            <div>
              <dt>{t('teacher.campaigns.results.mastery')}</dt>
              <dd>{`${p.results.masteryPercent} %`}</dd>
            </div>
            <div>
              <dt>{t('teacher.campaigns.participant.skills')}</dt>
              <dd>{t('teacher.campaigns.participant.skillCounts', { validated: p.results.validatedSkillCount, tested: p.results.testedSkillCount, target: p.results.targetSkillCount })}</dd>
            </div>
            {p.results.stage && (
              <div>
                <dt>{t('teacher.campaigns.results.stage')}</dt>
                <dd>{t(`results.stages.${p.results.stage.id}`)}</dd>
              </div>
            )}
          </>
        )}
        {p.profile && (
          <>
            <div>
              <dt>{t('teacher.campaigns.results.totalPix')}</dt>
              <dd>{`${p.profile.totalPix} / ${p.profile.maxPix}`}</dd>
            </div>
            <div>
              <dt>{t('teacher.campaigns.results.certifiable')}</dt>
              <dd>{p.profile.certifiable ? t('teacher.campaigns.form.yes') : t('teacher.campaigns.form.no')}</dd>
            </div>
          </>
        )}
      </dl>
      {p.status !== 'SHARED' && <p>{t('teacher.campaigns.participant.resultsHidden')}</p>}
      {p.results && (
        <div className="table-scroll">
          <table className="learner-table">
            <caption>{t('teacher.campaigns.participant.perCompetence')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('teacher.campaigns.analysis.competence')}</th>
                <th scope="col">{t('teacher.campaigns.results.mastery')}</th>
                <th scope="col">{t('teacher.campaigns.participant.validated')}</th>
                <th scope="col">{t('teacher.campaigns.participant.tested')}</th>
                <th scope="col">{t('teacher.campaigns.participant.inProfile')}</th>
              </tr>
            </thead>
            <tbody>
              {p.results.competences.map((c) => (
                <tr key={c.competenceId}>
                  <th scope="row">{competenceName(c.competenceId, i18n.language)}</th>
                  <td>{percent(c.masteryRate)}</td>
                  <td>{c.validatedSkillCount}</td>
                  <td>{c.testedSkillCount}</td>
                  <td>{c.targetSkillCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {p.profile && (
        <div className="table-scroll">
          <table className="learner-table">
            <caption>{t('teacher.campaigns.participant.perCompetence')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('teacher.campaigns.analysis.competence')}</th>
                <th scope="col">{t('teacher.campaigns.participant.level')}</th>
                <th scope="col">{t('teacher.campaigns.results.totalPix')}</th>
              </tr>
            </thead>
            <tbody>
              {p.profile.competences.map((c) => (
                <tr key={c.competenceId}>
                  <th scope="row">{competenceName(c.competenceId, i18n.language)}</th>
                  <td>{c.level}</td>
                  <td>{c.pix}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
