/** "Créer une campagne": the form, then the new campaign's page with its code and direct link. */
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CampaignForm } from './CampaignForm.tsx';
import './campaigns.css';

export function CreateCampaignPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <h1>{t('teacher.campaigns.form.createTitle')}</h1>
      <CampaignForm campaign={null} onSaved={(saved) => void navigate(`/enseignant/campagnes/${saved.id}?cree=1`)} onCancel={() => void navigate('/enseignant/campagnes')} />
    </>
  );
}
