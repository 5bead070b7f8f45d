import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLive } from '../../data/live.ts';
import { useTutorialMarks } from './tutorial-marks.store.ts';
import './profile.css';

/**
 * Beside a tutorial ("Réponses et tutos"): keep it in "Mes tutos" on the profile, and "Tuto utile". Both are
 * toggles whose state is announced by aria-pressed (their names stay the same), stored in the log by the engine worker.
 */
export function TutorialActions({ tutorialId, describedBy }: { tutorialId: string; describedBy?: string }) {
  const { t } = useTranslation();
  const mark = useTutorialMarks((s) => s.marks.get(tutorialId));
  const load = useTutorialMarks((s) => s.load);
  const setSaved = useTutorialMarks((s) => s.setSaved);
  const markUseful = useTutorialMarks((s) => s.markUseful);
  const changes = useLive('events', 'session');
  const saved = mark?.saved ?? false;
  const useful = mark?.useful ?? false;

  useEffect(() => {
    void load();
  }, [load, changes]);

  return (
    <p className="tutorial-actions">
      <button type="button" className="secondary small" aria-pressed={saved} aria-describedby={describedBy} onClick={() => void setSaved(tutorialId, !saved)}>
        {saved && <span aria-hidden="true">✓ </span>}
        {t('tutorial.save')}
      </button>{' '}
      <button type="button" className="secondary small" aria-pressed={useful} disabled={useful} aria-describedby={describedBy} onClick={() => void markUseful(tutorialId)}>
        {useful && <span aria-hidden="true">✓ </span>}
        {t('tutorial.useful')}
      </button>
    </p>
  );
}
