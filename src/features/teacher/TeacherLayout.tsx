/**
 * The teacher space (SCREENS.md "Teacher"): its menu, "Campagnes", "Élèves", "Équipe", "Postes", around the page
 * chosen. Loaded only when a teacher opens it, never with the students' screens. Only a signed-in admin or teacher
 * of the school gets past it; anyone else goes to the sign-in page.
 */
import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Outlet } from 'react-router';
import { useStaffSession } from '../auth/staff-session.store.ts';
import './teacher.css';

export const TEACHER_SECTIONS = [
  { path: '/enseignant/campagnes', key: 'campaigns' },
  { path: '/enseignant/eleves', key: 'students' },
  { path: '/enseignant/equipe', key: 'team' },
  { path: '/enseignant/postes', key: 'devices' },
] as const;

export function TeacherLayout() {
  const { t } = useTranslation();
  const user = useStaffSession((s) => s.user);
  if (!user) return <Navigate to="/enseignant" replace />;
  if (!user.roles.some((role) => role === 'admin' || role === 'member')) {
    return (
      <p role="alert" className="field-error">
        {t('teacher.forbidden')}
      </p>
    );
  }
  return (
    <div className="teacher-space">
      <nav aria-label={t('teacher.nav.label')} className="teacher-nav">
        <ul>
          {TEACHER_SECTIONS.map((section) => (
            <li key={section.key}>
              <NavLink to={section.path}>{t(`teacher.nav.${section.key}`)}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="teacher-page">
        <Outlet />
      </div>
    </div>
  );
}

/** The sections built next ("Campagnes", "Équipe", "Postes") until they are. */
export function ComingSoonPage({ section }: { section: 'campaigns' | 'team' | 'devices' }) {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t(`teacher.nav.${section}`)}</h1>
      <p>{t('teacher.comingSoon')}</p>
    </>
  );
}
