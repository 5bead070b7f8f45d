/** "Modifier" a campaign: the same form, with what someone's participation froze shown but locked. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { CampaignForm } from './CampaignForm.tsx';
import { useCampaignFollowUp } from './campaign-follow-up.store.ts';
import './campaigns.css';

export function EditCampaignPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { campaignId = '' } = useParams();
  const { campaign, failure, open, setCampaign } = useCampaignFollowUp();
  useEffect(() => open(campaignId), [campaignId, open]);
  const back = `/enseignant/campagnes/${campaignId}`;
  return (
    <>
      <h1>{t('teacher.campaigns.form.editTitle')}</h1>
      {failure && (
        <p role="alert" className="field-error">
          {failure.message ?? t('teacher.campaigns.unreachable')}
        </p>
      )}
      {campaign?.id === campaignId && (
        <CampaignForm
          key={campaign.id}
          campaign={campaign}
          onSaved={(saved) => {
            setCampaign(saved);
            void navigate(`${back}?onglet=parametres`);
          }}
          onCancel={() => void navigate(`${back}?onglet=parametres`)}
        />
      )}
    </>
  );
}
