import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { holdOpenTest, openTests } from '../../data/open-tests.ts';
import { useAssessment } from './assessment.store.ts';
import { ChallengeScreen } from './ChallengeScreen.tsx';
import { CheckpointScreen } from './CheckpointScreen.tsx';
import { EndScreen } from './EndScreen.tsx';
import './assessment.css';

/**
 * A test on screen: its title in the header, "Quitter" (the test stays resumable), and whichever step the engine
 * says: challenge, checkpoint or end. While shown, the test counts as open: no app update reloads it.
 */
export function AssessmentScreen({ assessmentId, title, campaignCode, onQuit }: { assessmentId: string; title: string; campaignCode: string | null; onQuit: () => void }) {
  const { t } = useTranslation();
  const phase = useAssessment((s) => s.phase);
  const open = useAssessment((s) => s.open);
  const close = useAssessment((s) => s.close);
  /** A retry moves the screen to a new participation. */
  const shownId = useAssessment((s) => s.assessmentId) ?? assessmentId;

  useEffect(() => {
    void open({ assessmentId, campaignCode });
  }, [assessmentId, campaignCode, open]);

  useEffect(() => holdOpenTest(`screen:${assessmentId}`), [assessmentId]);

  function quit() {
    // Everything is already on disk: leaving loses nothing, and the test is no longer on screen in this tab.
    const current = useAssessment.getState().assessmentId;
    if (current) openTests.closed(current);
    close();
    onQuit();
  }

  return (
    <div className="assessment" data-assessment-id={shownId}>
      <header className="assessment-header">
        <h1 className="assessment-title">{title}</h1>
        {phase.kind !== 'end' && (
          <button type="button" className="secondary" onClick={quit}>
            {t('challenge.quit')}
          </button>
        )}
      </header>
      {phase.kind === 'loading' && <p role="status">{t('challenge.loading')}</p>}
      {phase.kind === 'challenge' && <ChallengeScreen key={phase.challenge.id} phase={phase} />}
      {phase.kind === 'checkpoint' && <CheckpointScreen phase={phase} />}
      {phase.kind === 'end' && <EndScreen phase={phase} />}
      {phase.kind === 'failed' && (
        <div role="alert" className="notice notice-error">
          <p>{t('campaign.problems.error', { message: phase.reason })}</p>
        </div>
      )}
    </div>
  );
}
