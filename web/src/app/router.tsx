import { createBrowserRouter, RouterProvider } from 'react-router';
import { ContinueSignInPage } from '../features/auth/components/continue-sign-in-page.tsx';
import { RequireSignIn } from '../features/auth/components/require-sign-in.tsx';
import { SignInPage } from '../features/auth/components/sign-in-page.tsx';
import { HomePage } from '../features/funds/components/home-page.tsx';
import { OutboxPage } from '../features/outbox/components/outbox-page.tsx';
import { PanelPackPage } from '../features/panel/components/panel-pack-page.tsx';
import { Layout } from './layout.tsx';
import { NotFoundPage } from './not-found-page.tsx';

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: '/sign-in', element: <SignInPage /> },
      { path: '/sign-in/continue', element: <ContinueSignInPage /> },
      {
        element: <RequireSignIn />,
        children: [
          { path: '/', element: <HomePage /> },
          { path: '/funds/:fundId', element: <HomePage /> },
          { path: '/outbox', element: <OutboxPage /> },
          { path: '/meetings/:meetingId', element: <PanelPackPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
