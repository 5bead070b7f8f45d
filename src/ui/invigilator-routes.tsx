/**
 * The invigilator space's routes ("Espace surveillant"). Every screen is its own lazy chunk: nothing of it is in a
 * student's first load; the service worker precaches the chunks.
 */
import { lazy, Suspense } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RouteObject } from 'react-router';

const InvigilatorLayout = lazy(() => import('../features/invigilator/InvigilatorLayout.tsx').then((m) => ({ default: m.InvigilatorLayout })));
const SessionsPage = lazy(() => import('../features/invigilator/SessionsPage.tsx').then((m) => ({ default: m.SessionsPage })));
const CreateSessionPage = lazy(() => import('../features/invigilator/CreateSessionPage.tsx').then((m) => ({ default: m.CreateSessionPage })));
const SessionPage = lazy(() => import('../features/invigilator/SessionPage.tsx').then((m) => ({ default: m.SessionPage })));
const FinalisePage = lazy(() => import('../features/invigilator/FinalisePage.tsx').then((m) => ({ default: m.FinalisePage })));

function Loading() {
  const { t } = useTranslation();
  return <p role="status">{t('app.loadingPage')}</p>;
}

const lazyPage = (element: ReactNode): ReactNode => <Suspense fallback={<Loading />}>{element}</Suspense>;

export const invigilatorRoutes: RouteObject = {
  element: lazyPage(<InvigilatorLayout />),
  children: [
    { path: '/surveillant/sessions', element: lazyPage(<SessionsPage />) },
    { path: '/surveillant/sessions/nouvelle', element: lazyPage(<CreateSessionPage />) },
    { path: '/surveillant/sessions/:sessionId', element: lazyPage(<SessionPage />) },
    { path: '/surveillant/sessions/:sessionId/finalisation', element: lazyPage(<FinalisePage />) },
  ],
};
