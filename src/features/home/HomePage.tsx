import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CampaignCodeForm } from './CampaignCodeForm.tsx';
import { ResumeCard } from './ResumeCard.tsx';

/** The entry points of every role (SCREENS.md): students, candidates, staff, and the lab machine set-up. */
export function HomePage() {
  const { t } = useTranslation();
  const [showCode, setShowCode] = useState(false);
  return (
    <div className="home">
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('app.tagline')}</p>
      <div className="cards">
        <ResumeCard />
        <section className="card" aria-labelledby="home-students">
          <h2 id="home-students">{t('home.studentTitle')}</h2>
          <p>{t('home.studentIntro')}</p>
          {showCode ? (
            <CampaignCodeForm />
          ) : (
            <button type="button" onClick={() => setShowCode(true)}>
              {t('home.haveCode')}
            </button>
          )}
          <p>
            <Link to="/eleve">{t('learnerHome.link')}</Link>
          </p>
        </section>
        <section className="card" aria-labelledby="home-certification">
          <h2 id="home-certification">{t('home.certificationTitle')}</h2>
          <p>{t('home.certificationIntro')}</p>
          <Link className="button" to="/certification">
            {t('home.certification')}
          </Link>
        </section>
        <section className="card" aria-labelledby="home-staff">
          <h2 id="home-staff">{t('home.staffTitle')}</h2>
          <ul className="link-list">
            <li>
              <Link className="button" to="/enseignant">
                {t('home.teacherSpace')}
              </Link>
            </li>
            <li>
              <Link className="button" to="/surveillant">
                {t('home.invigilatorSpace')}
              </Link>
            </li>
          </ul>
        </section>
        <section className="card" aria-labelledby="home-lab">
          <h2 id="home-lab">{t('home.labTitle')}</h2>
          <p>{t('home.labIntro')}</p>
          <Link className="button secondary" to="/poste">
            {t('home.enrolDevice')}
          </Link>
        </section>
      </div>
    </div>
  );
}
