import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { normalizeCampaignCode } from '../../core/campaign-code.ts';

/** /campagnes/<CODE>: the landing page of a campaign on this machine. */
export function CampaignLandingPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  return (
    <div className="narrow">
      <h1>{t('campaign.title', { code: normalizeCampaignCode(code) })}</h1>
      <p>{t('campaign.notAvailable')}</p>
      <Link to="/">{t('campaign.backHome')}</Link>
    </div>
  );
}
