import { createBrowserRouter, RouterProvider } from 'react-router';
import { ContinueSignInPage } from '../features/auth/components/continue-sign-in-page.tsx';
import { RequireSignIn } from '../features/auth/components/require-sign-in.tsx';
import { SignInPage } from '../features/auth/components/sign-in-page.tsx';
import { AreasPage } from '../features/areas/components/areas-page.tsx';
import { DuplicatesPage } from '../features/duplicates/components/duplicates-page.tsx';
import { CreateFundPage } from '../features/funds/components/create-fund-page.tsx';
import { FundSettingsPage } from '../features/funds/components/fund-settings-page.tsx';
import { HomePage } from '../features/funds/components/home-page.tsx';
import { ContributionFormPage } from '../features/money/components/contribution-form-page.tsx';
import { MoneyPage } from '../features/money/components/money-page.tsx';
import { AcceptInvitePage } from '../features/people/components/accept-invite-page.tsx';
import { PeoplePage } from '../features/people/components/people-page.tsx';
import { OutboxPage } from '../features/outbox/components/outbox-page.tsx';
import { GrantsPage } from '../features/grants/components/grants-page.tsx';
import { OpenDataPage } from '../features/open-data/components/open-data-page.tsx';
import { TriageApplicationPage } from '../features/triage/components/triage-application-page.tsx';
import { TriageQueuePage } from '../features/triage/components/triage-queue-page.tsx';
import { MeetingModePage } from '../features/panel/components/meeting-mode-page.tsx';
import { PanelPackPage } from '../features/panel/components/panel-pack-page.tsx';
import { FunderFocusPage } from '../features/priorities/components/funder-focus-page.tsx';
import { PrioritiesPage } from '../features/priorities/components/priorities-page.tsx';
import { PriorityEditPage } from '../features/priorities/components/priority-edit-page.tsx';
import { WhoFundsWhatPage } from '../features/priorities/components/who-funds-what-page.tsx';
import { CoveragePage } from '../features/coverage/components/coverage-page.tsx';
import { GrantReportPage } from '../features/reports/components/grant-report-page.tsx';
import { ReportingPolicyPage } from '../features/reports/components/reporting-policy-page.tsx';
import { FunderImpactPage } from '../features/reports/components/funder-impact-page.tsx';
import { ImpactPage } from '../features/reports/components/impact-page.tsx';
import { StoriesPage } from '../features/reports/components/stories-page.tsx';
import { Layout } from './layout.tsx';
import { NotFoundPage } from './not-found-page.tsx';

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: '/sign-in', element: <SignInPage /> },
      { path: '/sign-in/continue', element: <ContinueSignInPage /> },
      { path: '/invite', element: <AcceptInvitePage /> },
      {
        element: <RequireSignIn />,
        children: [
          { path: '/', element: <HomePage /> },
          { path: '/funds/:fundId', element: <HomePage /> },
          { path: '/funds/new', element: <CreateFundPage /> },
          { path: '/funds/:fundId/settings', element: <FundSettingsPage /> },
          { path: '/funds/:fundId/people', element: <PeoplePage /> },
          { path: '/funds/:fundId/money', element: <MoneyPage /> },
          { path: '/funds/:fundId/money/record', element: <ContributionFormPage /> },
          { path: '/funds/:fundId/contributions/:contributionId', element: <ContributionFormPage /> },
          { path: '/outbox', element: <OutboxPage /> },
          { path: '/areas', element: <AreasPage /> },
          { path: '/meetings/:meetingId', element: <PanelPackPage /> },
          { path: '/meetings/:meetingId/run', element: <MeetingModePage /> },
          { path: '/funds/:fundId/grants', element: <GrantsPage /> },
          { path: '/funds/:fundId/open-data', element: <OpenDataPage /> },
          { path: '/funds/:fundId/reporting', element: <ReportingPolicyPage /> },
          { path: '/funds/:fundId/grants/:grantId/report', element: <GrantReportPage /> },
          { path: '/funds/:fundId/stories', element: <StoriesPage /> },
          { path: '/funds/:fundId/impact', element: <ImpactPage /> },
          { path: '/funds/:fundId/funders/:funderId/impact', element: <FunderImpactPage /> },
          { path: '/funds/:fundId/triage', element: <TriageQueuePage /> },
          { path: '/funds/:fundId/duplicates', element: <DuplicatesPage /> },
          { path: '/applications/:applicationId', element: <TriageApplicationPage /> },
          { path: '/funds/:fundId/priorities', element: <PrioritiesPage /> },
          { path: '/funds/:fundId/priorities/:priorityId', element: <PriorityEditPage /> },
          { path: '/funds/:fundId/who-funds-what', element: <WhoFundsWhatPage /> },
          { path: '/funds/:fundId/coverage', element: <CoveragePage /> },
          { path: '/funds/:fundId/who-funds-what/focus/:funderId', element: <FunderFocusPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
