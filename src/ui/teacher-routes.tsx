/**
 * The teacher space's routes. Every screen is its own lazy chunk: nothing of it is in a student's first load, and
 * the service worker precaches the chunks, so the space still opens on a machine that loaded it once.
 */
import { lazy, Suspense } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RouteObject } from 'react-router';

const TeacherLayout = lazy(() => import('../features/teacher/TeacherLayout.tsx').then((m) => ({ default: m.TeacherLayout })));
const ComingSoonPage = lazy(() => import('../features/teacher/TeacherLayout.tsx').then((m) => ({ default: m.ComingSoonPage })));
const StudentsPage = lazy(() => import('../features/teacher/students/StudentsPage.tsx').then((m) => ({ default: m.StudentsPage })));
const TeamPage = lazy(() => import('../features/teacher/team/TeamPage.tsx').then((m) => ({ default: m.TeamPage })));
const DevicesPage = lazy(() => import('../features/teacher/devices/DevicesPage.tsx').then((m) => ({ default: m.DevicesPage })));

function Loading() {
  const { t } = useTranslation();
  return <p role="status">{t('app.loadingPage')}</p>;
}

const lazyPage = (element: ReactNode): ReactNode => <Suspense fallback={<Loading />}>{element}</Suspense>;

export const teacherRoutes: RouteObject = {
  element: lazyPage(<TeacherLayout />),
  children: [
    { path: '/enseignant/campagnes', element: lazyPage(<ComingSoonPage section="campaigns" />) },
    { path: '/enseignant/eleves', element: lazyPage(<StudentsPage />) },
    { path: '/enseignant/equipe', element: lazyPage(<TeamPage />) },
    { path: '/enseignant/postes', element: lazyPage(<DevicesPage />) },
  ],
};
