import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { normalizeCampaignCode } from '../../core/campaign-code.ts';
import { AssessmentScreen } from '../assessment/AssessmentScreen.tsx';
import '../assessment/assessment.css';
import { StudentSignIn } from '../student/StudentSignIn.tsx';
import { useStudentSession } from '../student/student-session.store.ts';
import { CampaignLanding } from './CampaignLanding.tsx';
import { CampaignProblem } from './CampaignProblem.tsx';
import { useCampaignEntry } from './campaign-entry.store.ts';
import { GameRules } from './GameRules.tsx';

/**
 * /campagnes/<CODE> (SCREENS.md, student 1–7): sign in on this machine, then the campaign's landing page, the rules
 * of the game once, and the test itself. Every outcome has words and a way on; nothing here needs the network.
 */
export function CampaignPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const campaignCode = normalizeCampaignCode(code);
  const navigate = useNavigate();
  const location = useLocation();
  const learner = useStudentSession((s) => s.learner);
  /** False just after a reload, until the worker has said who is signed in on this tab. */
  const restored = useStudentSession((s) => s.restored);
  const signOut = useStudentSession((s) => s.signOut);
  const { view, look, resume } = useCampaignEntry();
  const learnerId = learner?.id ?? null;
  /** Set by the home page's "Reprendre": go straight back to the challenge. */
  const resumeRequested = (location.state as { resume?: boolean } | null)?.resume === true;

  useEffect(() => {
    if (learnerId) void look(campaignCode, learnerId);
  }, [campaignCode, learnerId, look]);

  useEffect(() => {
    if (!resumeRequested || view.kind !== 'landing' || view.participation?.state !== 'started') return;
    // Once: a reload later shows the landing page with "Reprendre", as for any other way in.
    void navigate(location.pathname, { replace: true, state: null });
    void resume();
  }, [resumeRequested, view, resume, navigate, location.pathname]);

  useEffect(() => {
    // The worker no longer knows who is signed in on this tab (a session past its age): sign in again.
    if (view.kind === 'problem' && view.reason === 'not-signed-in') signOut();
  }, [view, signOut]);

  if (learner && view.kind === 'running') {
    return <AssessmentScreen assessmentId={view.assessmentId} title={view.campaign.title} campaignCode={campaignCode} onQuit={() => void navigate('/')} />;
  }
  if (learner && view.kind === 'rules') return <GameRules step={view.step} />;

  const title = learner && (view.kind === 'landing' || view.kind === 'starting') ? view.campaign.title : t('campaign.title', { code: campaignCode });
  return (
    <div className="narrow campaign-page">
      <h1>{title}</h1>
      {!restored ? (
        <p role="status">{t('campaign.loading')}</p>
      ) : !learner ? (
        <StudentSignIn />
      ) : (
        <>
          <p role="status">{t('student.signedInAs', { name: `${learner.firstName} ${learner.lastName}` })}</p>
          {view.kind === 'loading' && <p role="status">{t('campaign.loading')}</p>}
          {view.kind === 'starting' && <p role="status">{t('campaign.starting')}</p>}
          {view.kind === 'problem' && <CampaignProblem reason={view.reason} message={view.message} code={campaignCode} onRetry={() => void look(campaignCode, learnerId)} onSignOut={signOut} />}
          {view.kind === 'landing' && <CampaignLanding campaign={view.campaign} participation={view.participation} onSignOut={signOut} />}
        </>
      )}
      <p>
        <Link to="/">{t('campaign.backHome')}</Link>
      </p>
    </div>
  );
}
