import { useTranslation } from 'react-i18next';
import type { PublicChallenge } from '../../core/content/types.ts';

/**
 * The illustration (with its alt text) and the files to download. Both are app files under /content/ that the
 * service worker precached: they open and download with no network.
 */
export function ChallengeMedia({ challenge }: { challenge: PublicChallenge }) {
  const { t } = useTranslation();
  return (
    <>
      {challenge.illustration && (
        <figure className="illustration">
          <img src={challenge.illustration.url} alt={challenge.illustration.alt} lang="fr" />
        </figure>
      )}
      {challenge.attachments.length > 0 && (
        <section className="attachments" aria-label={t('challenge.attachments')}>
          <h3>{t('challenge.attachments')}</h3>
          <ul>
            {challenge.attachments.map((attachment) => (
              <li key={attachment.url}>
                <a href={attachment.url} download={attachment.name} type={attachment.mediaType}>
                  <span aria-hidden="true">📎 </span>
                  {attachment.name}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
