/** "Campagnes" (SCREENS.md): the school's campaigns with creator, participants and results received; "Créer une campagne". */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCampaigns } from './campaigns.store.ts';
import './campaigns.css';

export function CampaignsPage() {
  const { t } = useTranslation();
  const { campaigns, loading, failure, load } = useCampaigns();
  const [showArchived, setShowArchived] = useState(false);
  const headingId = useId();
  const archivedId = useId();
  useEffect(() => {
    void load();
  }, [load]);
  const shown = (campaigns ?? []).filter((c) => showArchived || c.archivedAt === null);

  return (
    <>
      <h1>{t('teacher.campaigns.title')}</h1>
      <p>
        <Link className="button" to="/enseignant/campagnes/nouvelle">
          {t('teacher.campaigns.create')}
        </Link>
      </p>
      <section aria-labelledby={headingId} aria-busy={loading}>
        <h2 id={headingId} className="visually-hidden">
          {t('teacher.campaigns.listTitle')}
        </h2>
        {failure && (
          <p role="alert" className="field-error">
            {t('teacher.campaigns.loadFailed', { message: failure.message ?? t('teacher.campaigns.unreachable') })}
          </p>
        )}
        <p className="checkbox-line">
          <input id={archivedId} type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />
          <label htmlFor={archivedId}>{t('teacher.campaigns.showArchived')}</label>
        </p>
        {campaigns && (
          <div className="table-scroll">
            <table className="learner-table">
              <caption>{t('teacher.campaigns.caption', { count: shown.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('teacher.campaigns.columns.name')}</th>
                  <th scope="col">{t('teacher.campaigns.columns.code')}</th>
                  <th scope="col">{t('teacher.campaigns.columns.creator')}</th>
                  <th scope="col">{t('teacher.campaigns.columns.participants')}</th>
                  <th scope="col">{t('teacher.campaigns.columns.shared')}</th>
                  <th scope="col">{t('teacher.campaigns.columns.status')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.length === 0 && (
                  <tr>
                    <td colSpan={6}>{t('teacher.campaigns.empty')}</td>
                  </tr>
                )}
                {shown.map((campaign) => (
                  <tr key={campaign.id}>
                    <th scope="row">
                      <Link to={`/enseignant/campagnes/${campaign.id}`}>{campaign.name}</Link>
                    </th>
                    <td className="code">{campaign.code}</td>
                    <td>{campaign.owner ? `${campaign.owner.firstName} ${campaign.owner.lastName}` : t('teacher.campaigns.noCreator')}</td>
                    <td>{campaign.participantCount}</td>
                    <td>{campaign.sharedCount}</td>
                    <td>{campaign.archivedAt === null ? t('teacher.campaigns.active') : t('teacher.campaigns.archived')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
