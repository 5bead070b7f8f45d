/** "Analyse": topics least mastered, tutorials to suggest, and each competence's participants per stage. */
import { useTranslation } from 'react-i18next';
import { ChartFigure } from './ChartFigure.tsx';
import { PercentBars, StackedBars } from './charts/lazy-charts.ts';
import { useCampaignFollowUp } from './campaign-follow-up.store.ts';
import { competenceName, percent } from './campaign-format.ts';

/** Topics shown in the chart: the least mastered first. */
const SHOWN_TUBES = 8;

export function AnalysisTab() {
  const { t, i18n } = useTranslation();
  const { analysis } = useCampaignFollowUp();
  if (!analysis) return <p role="status">{t('app.loadingPage')}</p>;
  const tubes = analysis.tubes.slice(0, SHOWN_TUBES);
  const stageIds = analysis.distribution[0]?.stages.map((s) => s.stageId) ?? [];
  return (
    <>
      <h2>{t('teacher.campaigns.tabs.analysis')}</h2>
      {analysis.sharedCount === 0 && <p>{t('teacher.campaigns.analysis.none')}</p>}
      <h3>{t('teacher.campaigns.analysis.tubes')}</h3>
      <ChartFigure
        title={t('teacher.campaigns.analysis.tubesChart')}
        summary={tubes.map((tube) => `${tube.title} : ${percent(tube.averageMasteryRate)}`).join(' ; ')}
        table={{
          columns: [t('teacher.campaigns.analysis.tube'), t('teacher.campaigns.analysis.competence'), t('teacher.campaigns.results.averageMastery')],
          rows: analysis.tubes.map((tube) => [tube.title, competenceName(tube.competenceId, i18n.language), percent(tube.averageMasteryRate)]),
        }}
      >
        <PercentBars data={tubes.map((tube) => ({ label: tube.title, value: Math.round((tube.averageMasteryRate ?? 0) * 100) }))} />
      </ChartFigure>

      <h3>{t('teacher.campaigns.analysis.tutorials')}</h3>
      {analysis.tutorials.length === 0 ? (
        <p>{t('teacher.campaigns.analysis.noTutorials')}</p>
      ) : (
        <ul className="tutorial-list">
          {analysis.tutorials.map((tutorial) => (
            <li key={tutorial.id}>
              {tutorial.link ? <a href={tutorial.link}>{tutorial.title}</a> : <strong>{tutorial.title}</strong>}{' '}
              <span className="hint">
                {t('teacher.campaigns.analysis.tutorialMeta', { source: tutorial.source, format: tutorial.format, minutes: tutorial.durationMinutes, tube: analysis.tubes.find((x) => x.tubeId === tutorial.tubeId)?.title ?? tutorial.tubeId })}
              </span>
            </li>
          ))}
        </ul>
      )}

      <h3>{t('teacher.campaigns.analysis.distribution')}</h3>
      <ChartFigure
        title={t('teacher.campaigns.analysis.distributionChart')}
        summary={analysis.distribution
          .map((d) => `${competenceName(d.competenceId, i18n.language)} : ${d.stages.map((s) => `${t(`results.stages.${s.stageId}`)} ${s.count}`).join(', ')}`)
          .join(' ; ')}
        table={{
          columns: [t('teacher.campaigns.analysis.competence'), ...stageIds.map((id) => t(`results.stages.${id}`))],
          rows: analysis.distribution.map((d) => [competenceName(d.competenceId, i18n.language), ...d.stages.map((s) => s.count)]),
        }}
      >
        <StackedBars
          data={analysis.distribution.map((d) => ({ label: competenceName(d.competenceId, i18n.language), ...Object.fromEntries(d.stages.map((s) => [s.stageId, s.count])) }))}
          series={stageIds.map((id) => ({ key: id, label: t(`results.stages.${id}`) }))}
        />
      </ChartFigure>
    </>
  );
}
