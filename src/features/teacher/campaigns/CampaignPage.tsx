/**
 * A campaign (SCREENS.md): its code and direct link, "Modifier", "Archiver", "Exporter les résultats (.csv)", and the
 * tabs "Activité", "Résultats", "Analyse", "Paramètres", kept up to date live while the page is open.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ActivityTab } from './ActivityTab.tsx';
import { AnalysisTab } from './AnalysisTab.tsx';
import { useCampaignFollowUp } from './campaign-follow-up.store.ts';
import { directLink, shortDate } from './campaign-format.ts';
import { useCampaigns } from './campaigns.store.ts';
import { ResultsTab } from './ResultsTab.tsx';
import { SettingsTab } from './SettingsTab.tsx';
import { Tabs } from './Tabs.tsx';
import type { TabSpec } from './Tabs.tsx';
import './campaigns.css';

const TAB_KEYS = { activite: 'activity', resultats: 'results', analyse: 'analysis', parametres: 'settings' } as const;
type TabKey = keyof typeof TAB_KEYS;

function isTabKey(value: string | null): value is TabKey {
  return value !== null && value in TAB_KEYS;
}

/** Saves a file the relay wrote, as the browser's download. */
function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

export function CampaignPage() {
  const { t, i18n } = useTranslation();
  const { campaignId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const { campaign, failure, live, exporting, exportFailure, open, close, exportCsv, setCampaign } = useCampaignFollowUp();
  const setArchived = useCampaigns((s) => s.setArchived);
  const [copied, setCopied] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);

  useEffect(() => {
    open(campaignId);
  }, [campaignId, open]);
  useEffect(() => close, [close]);

  if (failure && !campaign) {
    return (
      <>
        <h1>{t('teacher.campaigns.title')}</h1>
        <p role="alert" className="field-error">
          {failure.message ?? t('teacher.campaigns.unreachable')}
        </p>
        <Link to="/enseignant/campagnes">{t('teacher.campaigns.back')}</Link>
      </>
    );
  }
  if (!campaign || campaign.id !== campaignId) return <p role="status">{t('app.loadingPage')}</p>;

  const tab = search.get('onglet');
  const selected: TabKey = isTabKey(tab) ? tab : 'activite';
  const link = directLink(campaign.code);
  const tabs: TabSpec<TabKey>[] = [
    { key: 'activite', label: t('teacher.campaigns.tabs.activity'), panel: () => <ActivityTab /> },
    { key: 'resultats', label: t('teacher.campaigns.tabs.results'), panel: () => <ResultsTab /> },
    ...(campaign.type === 'ASSESSMENT' ? [{ key: 'analyse' as const, label: t('teacher.campaigns.tabs.analysis'), panel: () => <AnalysisTab /> }] : []),
    { key: 'parametres', label: t('teacher.campaigns.tabs.settings'), panel: () => <SettingsTab /> },
  ];

  async function toggleArchive(): Promise<void> {
    if (!campaign) return;
    setActionError(null);
    const outcome = await setArchived(campaign.id, campaign.archivedAt === null);
    if (outcome.ok) setCampaign(outcome.value);
    else setActionError(outcome.message ?? t('teacher.campaigns.unreachable'));
  }

  async function exportFile(): Promise<void> {
    const file = await exportCsv();
    if (file) download(file.blob, file.fileName);
  }

  return (
    <>
      <p>
        <Link to="/enseignant/campagnes">{t('teacher.campaigns.back')}</Link>
      </p>
      <h1>{campaign.name}</h1>
      {search.get('cree') === '1' && (
        <p role="status" className="success">
          {t('teacher.campaigns.created')}
        </p>
      )}
      <dl className="campaign-facts">
        <div>
          <dt>{t('teacher.campaigns.code')}</dt>
          <dd className="code" data-testid="campaign-code">
            {campaign.code}
          </dd>
        </div>
        <div>
          <dt>{t('teacher.campaigns.link')}</dt>
          <dd>
            <a href={link}>{link}</a>{' '}
            <button
              type="button"
              className="secondary small"
              onClick={() => void navigator.clipboard?.writeText(link).then(() => setCopied(true), () => setCopied(false))}
            >
              {t('teacher.campaigns.copyLink')}
            </button>
            <span role="status">{copied ? t('teacher.campaigns.copied') : ''}</span>
          </dd>
        </div>
      </dl>
      {campaign.archivedAt !== null && <p className="notice">{t('teacher.campaigns.archivedOn', { date: shortDate(campaign.archivedAt, i18n.language) })}</p>}
      <div className="actions">
        {campaign.archivedAt === null && (
          <Link className="button secondary" to={`/enseignant/campagnes/${campaign.id}/modifier`}>
            {t('teacher.campaigns.edit')}
          </Link>
        )}
        <button type="button" className="secondary" onClick={() => void toggleArchive()}>
          {campaign.archivedAt === null ? t('teacher.campaigns.archive') : t('teacher.campaigns.unarchive')}
        </button>
        <button type="button" onClick={() => void exportFile()} disabled={exporting}>
          {t('teacher.campaigns.export')}
        </button>
      </div>
      {(actionError ?? exportFailure) && (
        <p role="alert" className="field-error">
          {actionError ?? t('teacher.campaigns.exportFailed', { message: exportFailure?.message ?? t('teacher.campaigns.unreachable') })}
        </p>
      )}
      <p className="hint" aria-live="polite">
        {live ? t('teacher.campaigns.live') : ''}
      </p>
      <Tabs
        label={t('teacher.campaigns.tabs.label')}
        tabs={tabs}
        selected={selected}
        onSelect={(key) =>
          setSearch(
            (params) => {
              params.set('onglet', key);
              params.delete('cree');
              return params;
            },
            { replace: true },
          )
        }
      />
    </>
  );
}
