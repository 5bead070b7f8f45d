import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { COMPETENCES } from '../../core/referential.ts';
import { AssessmentScreen } from '../assessment/AssessmentScreen.tsx';
import '../assessment/assessment.css';
import { StudentSignIn } from '../student/StudentSignIn.tsx';
import { useStudentSession } from '../student/student-session.store.ts';
import { useTraining } from './training.store.ts';

const KNOWN_PROBLEMS = ['competence-done', 'unknown-competence', 'no-content', 'not-signed-in'];

/**
 * /competences/<id>/evaluation: competence training outside campaigns, on the same test screens as a campaign
 * (challenge, checkpoint, end). "Quitter" goes back to the profile; the training stays resumable there.
 */
export function CompetenceTrainingPage() {
  const { t, i18n } = useTranslation();
  const { competenceId = '' } = useParams();
  const navigate = useNavigate();
  const learner = useStudentSession((s) => s.learner);
  const restored = useStudentSession((s) => s.restored);
  const signOut = useStudentSession((s) => s.signOut);
  const view = useTraining((s) => s.view);
  const startedFor = useTraining((s) => s.competenceId);
  const start = useTraining((s) => s.start);
  const learnerId = learner?.id ?? null;
  const name = COMPETENCES.find((c) => c.id === competenceId)?.name[i18n.language === 'en' ? 'en' : 'fr'] ?? '';
  const title = t('training.title', { id: competenceId, name });

  useEffect(() => {
    if (learnerId) void start(competenceId);
  }, [learnerId, competenceId, start]);

  useEffect(() => {
    // The worker no longer knows who is signed in on this tab (a session past its age): sign in again.
    if (view.kind === 'problem' && view.reason === 'not-signed-in') signOut();
  }, [view, signOut]);

  // Until the start for this competence has answered, the store may still hold the previous page's test.
  if (restored && learner && view.kind === 'running' && startedFor === competenceId) {
    return (
      <>
        <AssessmentScreen assessmentId={view.assessmentId} title={title} campaignCode={null} onQuit={() => void navigate('/profil')} />
        <p>
          <Link to="/profil">{t('training.toProfile')}</Link>
        </p>
      </>
    );
  }

  return (
    <div className="narrow">
      <h1>{title}</h1>
      {!restored && <p role="status">{t('training.starting')}</p>}
      {restored && !learner && <StudentSignIn />}
      {restored && learner && view.kind === 'starting' && <p role="status">{t('training.starting')}</p>}
      {restored && learner && view.kind === 'problem' && (
        <div role="alert" className="notice notice-error">
          <p>{t(`training.problems.${KNOWN_PROBLEMS.includes(view.reason) ? view.reason : 'error'}`, { message: view.message ?? view.reason })}</p>
        </div>
      )}
      <p>
        <Link to="/profil">{t('training.toProfile')}</Link>
      </p>
    </div>
  );
}
