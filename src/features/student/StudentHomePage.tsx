import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { COMPETENCES } from '../../core/referential.ts';
import type { MyAssessment } from '../../data/engine-client.ts';
import { useLive } from '../../data/live.ts';
import { useMyTests } from './my-tests.store.ts';
import { StudentSignIn } from './StudentSignIn.tsx';
import { useStudentSession } from './student-session.store.ts';

/** Where a test of the list leads: its campaign page (landing, end screen, retry) or the competence training. */
function testLink(test: MyAssessment): string {
  return test.campaign ? `/campagnes/${test.campaign.code}` : `/competences/${test.competenceId ?? ''}/evaluation`;
}

/**
 * /eleve, the student's home once signed in: their tests on this machine with "Reprendre" (or their results), their
 * profile, and signing out. Kept up to date by the engine worker's live updates, not by polling.
 */
export function StudentHomePage() {
  const { t, i18n } = useTranslation();
  const learner = useStudentSession((s) => s.learner);
  const restored = useStudentSession((s) => s.restored);
  const signOut = useStudentSession((s) => s.signOut);
  const view = useMyTests((s) => s.view);
  const load = useMyTests((s) => s.load);
  const changes = useLive('assessments', 'answers', 'session');
  const learnerId = learner?.id ?? null;
  const language = i18n.language === 'en' ? 'en' : 'fr';

  useEffect(() => {
    if (learnerId) void load();
  }, [learnerId, load, changes]);

  const date = (ms: number): string => new Intl.DateTimeFormat(i18n.language, { day: 'numeric', month: 'long', year: 'numeric' }).format(ms);
  const titleOf = (test: MyAssessment): string => {
    if (test.campaign) return t('learnerHome.campaign', { title: test.campaign.title });
    const name = COMPETENCES.find((c) => c.id === test.competenceId)?.name[language] ?? '';
    return t('learnerHome.competence', { id: test.competenceId ?? '', name });
  };

  return (
    <div className="narrow student-home">
      <h1>{t('learnerHome.title')}</h1>
      {!restored ? (
        <p role="status">{t('learnerHome.loading')}</p>
      ) : !learner ? (
        <>
          <p>{t('learnerHome.intro')}</p>
          <StudentSignIn />
        </>
      ) : (
        <>
          <p role="status">{t('learnerHome.signedInAs', { name: `${learner.firstName} ${learner.lastName}` })}</p>
          <p>
            <Link className="button" to="/profil">
              {t('learnerHome.profile')}
            </Link>
          </p>
          <section aria-labelledby="my-tests">
            <h2 id="my-tests">{t('learnerHome.testsTitle')}</h2>
            {view.kind === 'loading' && <p role="status">{t('learnerHome.loading')}</p>}
            {view.kind === 'failed' && (
              <p role="alert" className="field-error">
                {t('learnerHome.failed', { message: view.reason })}
              </p>
            )}
            {view.kind === 'ready' && view.tests.length === 0 && <p>{t('learnerHome.none')}</p>}
            {view.kind === 'ready' && view.tests.length > 0 && (
              <ul className="my-tests">
                {view.tests.map((test) => (
                  <li key={test.assessmentId} className="card">
                    <h3 id={`test-${test.assessmentId}`}>{titleOf(test)}</h3>
                    <p className="hint">
                      {t(`learnerHome.state.${test.state === 'started' || test.state === 'shared' ? test.state : 'completed'}`)}
                      {' · '}
                      {t('learnerHome.answered', { count: test.answered })}
                      {' · '}
                      {t('learnerHome.startedOn', { date: date(test.startedAt) })}
                    </p>
                    <Link className={test.state === 'started' ? 'button' : 'button secondary'} to={testLink(test)} state={{ resume: test.state === 'started' }} aria-describedby={`test-${test.assessmentId}`}>
                      {test.state === 'started' ? t('learnerHome.resume') : t('learnerHome.seeResults')}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <p>
            <button type="button" className="secondary" onClick={signOut}>
              {t('learnerHome.signOut')}
            </button>
          </p>
        </>
      )}
    </div>
  );
}
