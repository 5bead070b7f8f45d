/**
 * "Activité": participants by status ("En cours", "En attente d'envoi", "Résultats reçus") in a chart, participation
 * over time, and the participant list with filters by class, status and name.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PARTICIPATION_STATUSES } from '../../../core/campaign/participation-status.ts';
import { ChartFigure } from './ChartFigure.tsx';
import { CategoryBars, TimelineLines } from './charts/lazy-charts.ts';
import { useCampaignFollowUp } from './campaign-follow-up.store.ts';
import { percent, shortDate } from './campaign-format.ts';
import { FlagNote } from './FlagNote.tsx';

export function ActivityTab() {
  const { t, i18n } = useTranslation();
  const { campaign, activity, filters, setFilters } = useCampaignFollowUp();
  const id = useId();
  if (!campaign || !activity) return <p role="status">{t('app.loadingPage')}</p>;
  const counts = activity.statusCounts;
  const statusLabel = (status: (typeof PARTICIPATION_STATUSES)[number]) => t(`teacher.campaigns.status.${status}`);
  const last = activity.timeline.at(-1);

  return (
    <>
      <h2>{t('teacher.campaigns.tabs.activity')}</h2>
      <div className="chart-row">
        <ChartFigure
          title={t('teacher.campaigns.activity.byStatus')}
          summary={t('teacher.campaigns.activity.byStatusSummary', { started: counts.STARTED, toShare: counts.TO_SHARE, shared: counts.SHARED, count: activity.participantCount })}
          table={{ columns: [t('teacher.campaigns.activity.status'), t('teacher.campaigns.activity.count')], rows: PARTICIPATION_STATUSES.map((s) => [statusLabel(s), counts[s]]) }}
        >
          <CategoryBars data={PARTICIPATION_STATUSES.map((s) => ({ label: statusLabel(s), value: counts[s] }))} />
        </ChartFigure>
        <ChartFigure
          title={t('teacher.campaigns.activity.overTime')}
          summary={last ? t('teacher.campaigns.activity.overTimeSummary', { date: last.day, started: last.started, shared: last.shared }) : t('teacher.campaigns.activity.overTimeEmpty')}
          table={{
            columns: [t('teacher.campaigns.activity.day'), t('teacher.campaigns.activity.startedSeries'), t('teacher.campaigns.activity.sharedSeries')],
            rows: activity.timeline.map((p) => [p.day, p.started, p.shared]),
          }}
        >
          <TimelineLines data={activity.timeline} startedLabel={t('teacher.campaigns.activity.startedSeries')} sharedLabel={t('teacher.campaigns.activity.sharedSeries')} />
        </ChartFigure>
      </div>

      <h3>{t('teacher.campaigns.activity.list')}</h3>
      <form className="filters" role="search" aria-label={t('teacher.campaigns.activity.filters')} onSubmit={(e) => e.preventDefault()}>
        <div>
          <label htmlFor={`${id}-class`}>{t('teacher.campaigns.activity.class')}</label>
          <select id={`${id}-class`} value={filters.className} onChange={(e) => void setFilters({ className: e.target.value })}>
            <option value="">{t('teacher.campaigns.activity.allClasses')}</option>
            {activity.classes.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-status`}>{t('teacher.campaigns.activity.status')}</label>
          <select id={`${id}-status`} value={filters.status} onChange={(e) => void setFilters({ status: PARTICIPATION_STATUSES.find((s) => s === e.target.value) ?? '' })}>
            <option value="">{t('teacher.campaigns.activity.allStatuses')}</option>
            {PARTICIPATION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-name`}>{t('teacher.campaigns.activity.name')}</label>
          <input id={`${id}-name`} type="search" value={filters.name} onChange={(e) => void setFilters({ name: e.target.value })} />
        </div>
      </form>
      <div className="table-scroll">
        <table className="learner-table participants">
          <caption>{t('teacher.campaigns.activity.caption', { count: activity.participants.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('teacher.campaigns.activity.participant')}</th>
              <th scope="col">{t('teacher.campaigns.activity.class')}</th>
              <th scope="col">{t('teacher.campaigns.activity.status')}</th>
              <th scope="col">{t('teacher.campaigns.activity.progress')}</th>
              <th scope="col">{t('teacher.campaigns.activity.startedAt')}</th>
              <th scope="col">{t('teacher.campaigns.activity.sharedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {activity.participants.length === 0 && (
              <tr>
                <td colSpan={6}>{t('teacher.campaigns.activity.empty')}</td>
              </tr>
            )}
            {activity.participants.map((p) => (
              <tr key={p.learnerId} data-learner-id={p.learnerId}>
                <th scope="row">
                  <Link to={`/enseignant/campagnes/${campaign.id}/participants/${p.learnerId}`}>{`${p.lastName} ${p.firstName}`}</Link> <FlagNote flag={p.flag} />
                </th>
                <td>{p.className}</td>
                <td data-status={p.status}>{statusLabel(p.status)}</td>
                <td>{percent(p.progress)}</td>
                <td>{shortDate(p.startedAt, i18n.language)}</td>
                <td>{shortDate(p.sharedAt, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
