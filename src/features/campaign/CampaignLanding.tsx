import { useTranslation } from 'react-i18next';
import type { CampaignSummary, ParticipationSummary } from '../../data/engine-client.ts';
import { Markdown } from '../../ui/markdown/Markdown.tsx';
import { useCampaignEntry } from './campaign-entry.store.ts';

/** The campaign's landing page: the teacher's text, then "Je commence", "Reprendre" or the results. */
export function CampaignLanding({ campaign, participation, onSignOut }: { campaign: CampaignSummary; participation: ParticipationSummary | null; onSignOut: () => void }) {
  const { t } = useTranslation();
  const begin = useCampaignEntry((s) => s.begin);
  const resume = useCampaignEntry((s) => s.resume);
  return (
    <section className="campaign-landing" aria-label={campaign.title}>
      {campaign.landingText.trim() !== '' && <Markdown text={campaign.landingText} className="landing-text" headingLevel={2} />}
      {participation === null ? (
        <button type="button" onClick={() => void begin()}>
          {t('campaign.start')}
        </button>
      ) : participation.state === 'started' ? (
        <>
          <p>{t('campaign.resumeIntro', { count: participation.answered })}</p>
          <button type="button" onClick={() => void resume()}>
            {t('campaign.resume')}
          </button>
        </>
      ) : (
        <>
          <p>{t('campaign.finishedIntro')}</p>
          <button type="button" onClick={() => void resume()}>
            {t('campaign.seeResults')}
          </button>
        </>
      )}
      <p>
        <button type="button" className="link-button" onClick={onSignOut}>
          {t('student.signOut')}
        </button>
      </p>
    </section>
  );
}
