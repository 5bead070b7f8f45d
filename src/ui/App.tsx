import { lazy, Suspense } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { NotFoundPage } from '../features/errors/NotFoundPage.tsx';
import { HomePage } from '../features/home/HomePage.tsx';
import { Layout } from './Layout.tsx';
import { invigilatorRoutes } from './invigilator-routes.tsx';
import { teacherRoutes } from './teacher-routes.tsx';

// One chunk per route beyond the home page: a student's first load carries neither the staff screens nor the test
// screens until they are asked for (the service worker precaches every chunk, so they still open offline).
const CampaignPage = lazy(() => import('../features/campaign/CampaignPage.tsx').then((m) => ({ default: m.CampaignPage })));
const SignInPage = lazy(() => import('../features/auth/SignInPage.tsx').then((m) => ({ default: m.SignInPage })));
const EnrolDevicePage = lazy(() => import('../features/device/EnrolDevicePage.tsx').then((m) => ({ default: m.EnrolDevicePage })));
const StudentHomePage = lazy(() => import('../features/student/StudentHomePage.tsx').then((m) => ({ default: m.StudentHomePage })));
const ProfilePage = lazy(() => import('../features/profile/ProfilePage.tsx').then((m) => ({ default: m.ProfilePage })));
const CompetenceTrainingPage = lazy(() => import('../features/training/CompetenceTrainingPage.tsx').then((m) => ({ default: m.CompetenceTrainingPage })));
const VerificationPage = lazy(() => import('../features/verification/VerificationPage.tsx').then((m) => ({ default: m.VerificationPage })));
const InvitationPage = lazy(() => import('../features/invitation/InvitationPage.tsx').then((m) => ({ default: m.InvitationPage })));

function RouteLoading() {
  const { t } = useTranslation();
  return <p role="status">{t('app.loadingPage')}</p>;
}

const page = (element: ReactNode): ReactNode => <Suspense fallback={<RouteLoading />}>{element}</Suspense>;

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: '/', element: <HomePage /> },
      { path: '/campagnes/:code', element: page(<CampaignPage />) },
      { path: '/eleve', element: page(<StudentHomePage />) },
      { path: '/profil', element: page(<ProfilePage />) },
      { path: '/competences/:competenceId/evaluation', element: page(<CompetenceTrainingPage />) },
      { path: '/enseignant', element: page(<SignInPage space="teacher" />) },
      { path: '/surveillant', element: page(<SignInPage space="invigilator" />) },
      teacherRoutes,
      invigilatorRoutes,
      { path: '/verification/:code', element: page(<VerificationPage />) },
      { path: '/poste', element: page(<EnrolDevicePage />) },
      { path: '/invitation', element: page(<InvitationPage />) },
      { path: '/invitation/:code', element: page(<InvitationPage />) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
