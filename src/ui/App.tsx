import { createBrowserRouter, RouterProvider } from 'react-router';
import { SignInPage } from '../features/auth/SignInPage.tsx';
import { CampaignLandingPage } from '../features/campaign/CampaignLandingPage.tsx';
import { EnrolDevicePage } from '../features/device/EnrolDevicePage.tsx';
import { NotFoundPage } from '../features/errors/NotFoundPage.tsx';
import { HomePage } from '../features/home/HomePage.tsx';
import { Layout } from './Layout.tsx';

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: '/', element: <HomePage /> },
      { path: '/campagnes/:code', element: <CampaignLandingPage /> },
      { path: '/enseignant', element: <SignInPage space="teacher" /> },
      { path: '/surveillant', element: <SignInPage space="invigilator" /> },
      { path: '/poste', element: <EnrolDevicePage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
