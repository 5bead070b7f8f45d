/**
 * "Résultats": the stages with their stars and how many reached each (click a stage, or its button, to list its
 * students), the filter "Paliers", per-competence averages; for a profiles collection, each profile sent. Only
 * results the students sent count.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AssessmentResultsView, ProfilesResultsView } from '../../../data/campaign-types.ts';
import { ChartFigure } from './ChartFigure.tsx';
import { CategoryBars, PercentBars } from './charts/lazy-charts.ts';
import { useCampaignFollowUp } from './campaign-follow-up.store.ts';
import { competenceName, percent } from './campaign-format.ts';
import { FlagNote } from './FlagNote.tsx';

export function ResultsTab() {
  const { t } = useTranslation();
  const { campaign, results } = useCampaignFollowUp();
  if (!campaign || !results) return <p role="status">{t('app.loadingPage')}</p>;
  return (
    <>
      <h2>{t('teacher.campaigns.tabs.results')}</h2>
      <p>{t('teacher.campaigns.results.sharedCount', { count: results.sharedCount })}</p>
      {results.sharedCount === 0 && <p>{t('teacher.campaigns.results.none')}</p>}
      {results.type === 'ASSESSMENT' ? <AssessmentResults results={results} campaignId={campaign.id} /> : <ProfilesResults results={results} campaignId={campaign.id} />}
      {results.unscored.length > 0 && (
        <section>
          <h3>{t('teacher.campaigns.results.unscored')}</h3>
          <ul>
            {results.unscored.map((p) => (
              <li key={p.learnerId}>
                {`${p.lastName} ${p.firstName}`} <FlagNote flag={p.flag} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function Stars({ count }: { count: number }) {
  const { t } = useTranslation();
  return (
    <span className="stars">
      <span aria-hidden="true">{'★'.repeat(count) + '☆'.repeat(Math.max(0, 3 - count))}</span>
      <span className="visually-hidden">{t('results.stars', { count })}</span>
    </span>
  );
}

function AssessmentResults({ results, campaignId }: { results: AssessmentResultsView; campaignId: string }) {
  const { t, i18n } = useTranslation();
  const [stage, setStage] = useState('');
  const id = useId();
  const stageTitle = (stageId: string) => t(`results.stages.${stageId}`);
  const shown = results.participants.filter((p) => !stage || p.stageId === stage);
  return (
    <>
      {results.averageMasteryPercent !== null && <p>{t('teacher.campaigns.results.average', { percent: results.averageMasteryPercent })}</p>}
      <h3>{t('teacher.campaigns.results.stages')}</h3>
      <ChartFigure
        title={t('teacher.campaigns.results.stagesChart')}
        summary={results.stages.map((s) => t('teacher.campaigns.results.stageCount', { title: stageTitle(s.id), count: s.count })).join(' ; ')}
        table={{ columns: [t('teacher.campaigns.results.stage'), t('teacher.campaigns.results.stars'), t('teacher.campaigns.activity.count')], rows: results.stages.map((s) => [stageTitle(s.id), s.stars, s.count]) }}
      >
        <CategoryBars data={results.stages.map((s) => ({ label: `${'★'.repeat(s.stars) || '–'} ${stageTitle(s.id)}`, value: s.count }))} onSelect={(i) => setStage(results.stages[i]?.id ?? '')} />
      </ChartFigure>
      <ul className="stage-list">
        {results.stages.map((s) => (
          <li key={s.id}>
            <Stars count={s.stars} /> {stageTitle(s.id)} : {t('teacher.campaigns.results.students', { count: s.count })}{' '}
            <button type="button" className="secondary small" onClick={() => setStage(s.id)} aria-pressed={stage === s.id}>
              {t('teacher.campaigns.results.showStage', { title: stageTitle(s.id) })}
            </button>
          </li>
        ))}
      </ul>

      <h3>{t('teacher.campaigns.results.competences')}</h3>
      <ChartFigure
        title={t('teacher.campaigns.results.competencesChart')}
        summary={results.competences.map((c) => `${competenceName(c.competenceId, i18n.language)} : ${percent(c.averageMasteryRate)}`).join(' ; ')}
        table={{ columns: [t('teacher.campaigns.analysis.competence'), t('teacher.campaigns.results.averageMastery')], rows: results.competences.map((c) => [competenceName(c.competenceId, i18n.language), percent(c.averageMasteryRate)]) }}
      >
        <PercentBars data={results.competences.map((c) => ({ label: competenceName(c.competenceId, i18n.language), value: Math.round((c.averageMasteryRate ?? 0) * 100) }))} />
      </ChartFigure>

      <h3>{t('teacher.campaigns.results.participants')}</h3>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <div>
          <label htmlFor={`${id}-stage`}>{t('teacher.campaigns.results.stageFilter')}</label>
          <select id={`${id}-stage`} value={stage} onChange={(e) => setStage(e.target.value)}>
            <option value="">{t('teacher.campaigns.results.allStages')}</option>
            {results.stages.map((s) => (
              <option key={s.id} value={s.id}>
                {stageTitle(s.id)}
              </option>
            ))}
          </select>
        </div>
      </form>
      <div className="table-scroll">
        <table className="learner-table">
          <caption>{t('teacher.campaigns.activity.caption', { count: shown.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('teacher.campaigns.activity.participant')}</th>
              <th scope="col">{t('teacher.campaigns.activity.class')}</th>
              <th scope="col">{t('teacher.campaigns.results.mastery')}</th>
              <th scope="col">{t('teacher.campaigns.results.stage')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((p) => (
              <tr key={p.learnerId}>
                <th scope="row">
                  <Link to={`/enseignant/campagnes/${campaignId}/participants/${p.learnerId}`}>{`${p.lastName} ${p.firstName}`}</Link> <FlagNote flag={p.flag} />
                </th>
                <td>{p.className}</td>
                <td>{`${p.masteryPercent} %`}</td>
                <td>{p.stageId ? stageTitle(p.stageId) : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function ProfilesResults({ results, campaignId }: { results: ProfilesResultsView; campaignId: string }) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <table className="learner-table">
        <caption>{t('teacher.campaigns.activity.caption', { count: results.participants.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('teacher.campaigns.activity.participant')}</th>
            <th scope="col">{t('teacher.campaigns.activity.class')}</th>
            <th scope="col">{t('teacher.campaigns.results.totalPix')}</th>
            <th scope="col">{t('teacher.campaigns.results.certifiable')}</th>
            <th scope="col">{t('teacher.campaigns.results.certifiableCompetences')}</th>
          </tr>
        </thead>
        <tbody>
          {results.participants.map((p) => (
            <tr key={p.learnerId}>
              <th scope="row">
                <Link to={`/enseignant/campagnes/${campaignId}/participants/${p.learnerId}`}>{`${p.lastName} ${p.firstName}`}</Link>
              </th>
              <td>{p.className}</td>
              <td>{p.totalPix}</td>
              <td>{p.certifiable ? t('teacher.campaigns.form.yes') : t('teacher.campaigns.form.no')}</td>
              <td>{p.certifiableCompetenceCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
