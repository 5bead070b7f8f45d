import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { COMPETENCES, DOMAINS } from '../../core/referential.ts';
import { useLive } from '../../data/live.ts';
import { StudentSignIn } from '../student/StudentSignIn.tsx';
import { useStudentSession } from '../student/student-session.store.ts';
import { CompetenceCard } from './CompetenceCard.tsx';
import { useProfile } from './profile.store.ts';
import { SavedTutorialList } from './SavedTutorialList.tsx';
import './profile.css';

/**
 * /profil (SCREENS.md, student 8): the 16 competences by domain with level and pix, the total out of 1024,
 * certifiability, competence training ("Commencer", "Reprendre", "Remettre à zéro") and the saved tutorials.
 * Computed by the engine worker from the student's whole log on this machine; read again whenever the log changes.
 */
export function ProfilePage() {
  const { t, i18n } = useTranslation();
  const learner = useStudentSession((s) => s.learner);
  const restored = useStudentSession((s) => s.restored);
  const view = useProfile((s) => s.view);
  const load = useProfile((s) => s.load);
  const changes = useLive('answers', 'assessments', 'events', 'session');
  const learnerId = learner?.id ?? null;
  const language = i18n.language === 'en' ? 'en' : 'fr';

  useEffect(() => {
    if (learnerId) void load();
  }, [learnerId, load, changes]);

  if (!restored) return <p role="status">{t('profile.loading')}</p>;
  if (!learner) {
    return (
      <div className="narrow">
        <h1>{t('profile.title')}</h1>
        <StudentSignIn />
      </div>
    );
  }

  return (
    <div className="profile">
      <h1>{t('profile.title')}</h1>
      <p>{t('learnerHome.signedInAs', { name: `${learner.firstName} ${learner.lastName}` })}</p>
      {view.kind === 'loading' && <p role="status">{t('profile.loading')}</p>}
      {view.kind === 'failed' && (
        <p role="alert" className="field-error">
          {t(`profile.problems.${view.reason === 'no-content' || view.reason === 'not-signed-in' ? view.reason : 'error'}`, { message: view.reason })}
        </p>
      )}
      {view.kind === 'ready' && (
        <>
          <section className="profile-summary card" aria-labelledby="profile-total">
            <h2 id="profile-total" data-total-pix={view.profile.totalPix}>
              {t('profile.total', { pix: view.profile.totalPix, max: view.profile.maxPix })}
            </h2>
            <p data-certifiable={view.profile.certifiable}>
              {view.profile.certifiable
                ? t('profile.certifiable', { count: view.profile.certifiableCompetenceCount })
                : t('profile.notCertifiable', { count: view.profile.certifiableCompetenceCount })}
            </p>
          </section>
          {DOMAINS.map((domain) => (
            <section key={domain.id} className="profile-domain" aria-labelledby={`domain-${domain.id}`}>
              <h2 id={`domain-${domain.id}`}>{`${domain.id}. ${domain.name[language]}`}</h2>
              <ul className="competence-cards">
                {view.profile.competences
                  .filter((c) => c.domainId === domain.id)
                  .map((competence) => (
                    <CompetenceCard
                      key={competence.competenceId}
                      competence={competence}
                      levelCap={view.profile.levelCap}
                      name={COMPETENCES.find((c) => c.id === competence.competenceId)?.name[language] ?? competence.competenceId}
                    />
                  ))}
              </ul>
            </section>
          ))}
          <section className="profile-tutorials" aria-labelledby="profile-tutorials">
            <h2 id="profile-tutorials">{t('profile.tutorialsTitle')}</h2>
            <SavedTutorialList tutorials={view.profile.tutorials} />
          </section>
        </>
      )}
      <p>
        <Link to="/eleve">{t('profile.backHome')}</Link>
      </p>
    </div>
  );
}
