/**
 * The teacher space's routes. Every screen is its own lazy chunk: nothing of it is in a student's first load, and
 * the service worker precaches the chunks, so the space still opens on a machine that loaded it once.
 */
import { lazy, Suspense } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RouteObject } from 'react-router';

const TeacherLayout = lazy(() => import('../features/teacher/TeacherLayout.tsx').then((m) => ({ default: m.TeacherLayout })));
const CampaignsPage = lazy(() => import('../features/teacher/campaigns/CampaignsPage.tsx').then((m) => ({ default: m.CampaignsPage })));
const CreateCampaignPage = lazy(() => import('../features/teacher/campaigns/CreateCampaignPage.tsx').then((m) => ({ default: m.CreateCampaignPage })));
const CampaignPage = lazy(() => import('../features/teacher/campaigns/CampaignPage.tsx').then((m) => ({ default: m.CampaignPage })));
const EditCampaignPage = lazy(() => import('../features/teacher/campaigns/EditCampaignPage.tsx').then((m) => ({ default: m.EditCampaignPage })));
const ParticipantPage = lazy(() => import('../features/teacher/campaigns/ParticipantPage.tsx').then((m) => ({ default: m.ParticipantPage })));
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
    { path: '/enseignant/campagnes', element: lazyPage(<CampaignsPage />) },
    { path: '/enseignant/campagnes/nouvelle', element: lazyPage(<CreateCampaignPage />) },
    { path: '/enseignant/campagnes/:campaignId', element: lazyPage(<CampaignPage />) },
    { path: '/enseignant/campagnes/:campaignId/modifier', element: lazyPage(<EditCampaignPage />) },
    { path: '/enseignant/campagnes/:campaignId/participants/:learnerId', element: lazyPage(<ParticipantPage />) },
    { path: '/enseignant/eleves', element: lazyPage(<StudentsPage />) },
    { path: '/enseignant/equipe', element: lazyPage(<TeamPage />) },
    { path: '/enseignant/postes', element: lazyPage(<DevicesPage />) },
  ],
};
