import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useStudentSession } from '../student/student-session.store.ts';
import { useOpenTests } from './open-tests.store.ts';

/** "Reprendre" for the campaign the signed-in student left open (after "Quitter"): back at the same challenge. */
export function ResumeCard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const learner = useStudentSession((s) => s.learner);
  const open = useOpenTests((s) => s.open);
  const load = useOpenTests((s) => s.load);
  const learnerId = learner?.id ?? null;

  useEffect(() => {
    void load(learnerId);
  }, [learnerId, load]);

  const campaigns = open.filter((o) => o.kind === 'campaign' && o.campaignCode !== null);
  if (!learner || campaigns.length === 0) return null;
  return (
    <section className="card resume-card" aria-labelledby="home-resume">
      <h2 id="home-resume">{t('resume.title')}</h2>
      <ul className="link-list">
        {campaigns.map((test) => (
          <li key={test.assessmentId}>
            <p id={`resume-${test.assessmentId}`}>{t('resume.intro', { name: learner.firstName, title: test.campaignTitle ?? test.campaignCode, count: test.answered })}</p>
            <button type="button" aria-describedby={`resume-${test.assessmentId}`} onClick={() => void navigate(`/campagnes/${test.campaignCode ?? ''}`, { state: { resume: true } })}>
              {t('resume.action')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
