/** "Paramètres": what the campaign is, as created or last changed. */
import { useTranslation } from 'react-i18next';
import { useCampaignFollowUp } from './campaign-follow-up.store.ts';
import { competenceName, directLink, shortDate } from './campaign-format.ts';

export function SettingsTab() {
  const { t, i18n } = useTranslation();
  const { campaign } = useCampaignFollowUp();
  if (!campaign) return null;
  const target = campaign.targetProfile;
  const rows: [string, string][] = [
    [t('teacher.campaigns.form.purpose'), t(`teacher.campaigns.purposes.${campaign.type}`)],
    [t('teacher.campaigns.code'), campaign.code],
    [t('teacher.campaigns.link'), directLink(campaign.code)],
    [t('teacher.campaigns.form.title'), campaign.title || '–'],
    [
      t('teacher.campaigns.form.target'),
      target ? (target.kind === 'competences' ? target.ids.map((id) => competenceName(id, i18n.language)).join(' ; ') : t('teacher.campaigns.settings.tubes', { count: target.ids.length })) : '–',
    ],
    [t('teacher.campaigns.settings.skills'), String(campaign.targetSkillIds.length)],
    [t('teacher.campaigns.form.pack'), campaign.contentPackName ?? t('teacher.campaigns.form.builtinPack')],
    [t('teacher.campaigns.form.externalIdLabel'), campaign.externalIdLabel ?? t('teacher.campaigns.settings.none')],
    [t('teacher.campaigns.form.multipleSendings'), campaign.multipleSendings ? t('teacher.campaigns.form.yes') : t('teacher.campaigns.form.no')],
    [t('teacher.campaigns.columns.creator'), campaign.owner ? `${campaign.owner.firstName} ${campaign.owner.lastName}` : t('teacher.campaigns.noCreator')],
    [t('teacher.campaigns.settings.createdAt'), shortDate(campaign.createdAt ?? null, i18n.language)],
  ];
  return (
    <>
      <h2>{t('teacher.campaigns.tabs.settings')}</h2>
      <dl className="settings-list">
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h3>{t('teacher.campaigns.form.landingText')}</h3>
      <p className="landing-text">{campaign.landingText || '–'}</p>
    </>
  );
}
