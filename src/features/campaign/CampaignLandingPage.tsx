import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { normalizeCampaignCode } from '../../core/campaign-code.ts';
import { StudentSignIn } from '../student/StudentSignIn.tsx';
import { useStudentSession } from '../student/student-session.store.ts';

/** /campagnes/<CODE>: the student signs in on this machine, then sees the campaign's landing page. */
export function CampaignLandingPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const { learner, signOut } = useStudentSession();
  return (
    <div className="narrow">
      <h1>{t('campaign.title', { code: normalizeCampaignCode(code) })}</h1>
      {learner ? (
        <>
          <p role="status">{t('student.signedInAs', { name: `${learner.firstName} ${learner.lastName}` })}</p>
          <p>{t('campaign.notAvailable')}</p>
          <button type="button" className="secondary" onClick={signOut}>
            {t('student.signOut')}
          </button>
        </>
      ) : (
        <StudentSignIn />
      )}
      <p>
        <Link to="/">{t('campaign.backHome')}</Link>
      </p>
    </div>
  );
}
