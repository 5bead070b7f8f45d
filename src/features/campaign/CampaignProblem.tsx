import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Reasons with their own words; anything else (a refusal a newer worker adds) reads as an unexpected error. */
const KNOWN = ['unknown-campaign', 'archived-campaign', 'already-participated', 'unknown-learner', 'no-content', 'unknown-competence'] as const;
type Known = (typeof KNOWN)[number];
const isKnown = (reason: string): reason is Known => (KNOWN as readonly string[]).includes(reason);

/** Why this campaign cannot be taken here, in words, and the ways on ([ENTRY-1], [ENTRY-2], [ENTRY-4], [ENTRY-5]). */
export function CampaignProblem({ reason, message, code, onRetry, onSignOut }: { reason: string; message: string | undefined; code: string; onRetry: () => void; onSignOut: () => void }) {
  const { t } = useTranslation();
  const known = isKnown(reason) ? reason : null;
  return (
    <section className="campaign-problem" aria-labelledby="campaign-problem-title">
      <h2 id="campaign-problem-title">{t('campaign.problemTitle')}</h2>
      <p role="alert">{known ? t(`campaign.problems.${known}`, { code }) : t('campaign.problems.error', { message: message ?? reason })}</p>
      <ul className="link-list">
        {(known === 'unknown-campaign' || known === 'archived-campaign' || known === 'already-participated') && (
          <li>
            <Link className="button" to="/">
              {t('campaign.otherCode')}
            </Link>
          </li>
        )}
        {(known === 'no-content' || known === null) && (
          <li>
            <button type="button" onClick={onRetry}>
              {t('campaign.tryAgain')}
            </button>
          </li>
        )}
        <li>
          <button type="button" className="secondary" onClick={onSignOut}>
            {t('student.signOut')}
          </button>
        </li>
      </ul>
    </section>
  );
}
