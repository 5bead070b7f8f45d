import { useTranslation } from 'react-i18next';
import type { SavedTutorial } from '../../data/engine-client.ts';
import { useProfile } from './profile.store.ts';

/** "Mes tutos": the tutorials the student saved, each to mark "Tuto utile" or drop from the list. */
export function SavedTutorialList({ tutorials }: { tutorials: SavedTutorial[] }) {
  const { t } = useTranslation();
  const markUseful = useProfile((s) => s.markUseful);
  const unsave = useProfile((s) => s.unsaveTutorial);
  if (tutorials.length === 0) return <p>{t('profile.noTutorials')}</p>;
  return (
    <ul className="saved-tutorials">
      {tutorials.map((tutorial) => (
        <li key={tutorial.id} className="card" data-tutorial={tutorial.id}>
          <h3 id={`tutorial-${tutorial.id}`} lang="fr">
            {tutorial.title}
          </h3>
          <p className="hint">{t('profile.tutorialMeta', { format: tutorial.format, minutes: tutorial.durationMinutes, source: tutorial.source })}</p>
          {tutorial.link && (
            <p>
              <a href={tutorial.link} target="_blank" rel="noopener noreferrer" aria-describedby={`tutorial-${tutorial.id}`}>
                {t('profile.tutorialLink')}
              </a>
            </p>
          )}
          <p className="tutorial-actions">
            <button type="button" className="secondary small" aria-pressed={tutorial.useful} disabled={tutorial.useful} aria-describedby={`tutorial-${tutorial.id}`} onClick={() => void markUseful(tutorial.id)}>
              {tutorial.useful && <span aria-hidden="true">✓ </span>}
              {t('profile.useful')}
            </button>{' '}
            <button type="button" className="link-button" aria-describedby={`tutorial-${tutorial.id}`} onClick={() => void unsave(tutorial.id)}>
              {t('profile.unsave')}
            </button>
          </p>
        </li>
      ))}
    </ul>
  );
}
