import { Center, Loader } from '@mantine/core';
import { Suspense, useEffect } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useT } from './i18n/locale';
import { refreshSession, useSession } from './session';
import { HomeRedirect } from './pages/HomeRedirect';
import { Layout } from './components/Layout';
import { ChunkLoader, lazyNamed, SuspendedOutlet } from './components/lazy';
import { LogInPage } from './pages/LogInPage';

// Log-in and the signed-in frame come with the first script; every page comes with its own chunk when first shown.
const AcceptInvitationPage = lazyNamed(() => import('./pages/AcceptInvitationPage'), 'AcceptInvitationPage');
const ForgotPasswordPage = lazyNamed(() => import('./pages/PasswordPages'), 'ForgotPasswordPage');
const ResetPasswordPage = lazyNamed(() => import('./pages/PasswordPages'), 'ResetPasswordPage');
const OrganizationPage = lazyNamed(() => import('./pages/OrganizationPage'), 'OrganizationPage');
const PortfolioPage = lazyNamed(() => import('./pages/PortfolioPage'), 'PortfolioPage');
const SignUpPage = lazyNamed(() => import('./pages/SignUpPage'), 'SignUpPage');
const AgencyMembersPage = lazyNamed(() => import('./pages/agency/MembersPage'), 'AgencyMembersPage');
const OrganizationMembersPage = lazyNamed(() => import('./pages/agency/MembersPage'), 'OrganizationMembersPage');
const ApiKeysPage = lazyNamed(() => import('./pages/agency/ApiKeysPage'), 'ApiKeysPage');
const ModelsPage = lazyNamed(() => import('./pages/agency/ModelsPage'), 'ModelsPage');
const ModelPage = lazyNamed(() => import('./pages/agency/ModelsPage'), 'ModelPage');
const StrategyPage = lazyNamed(() => import('./pages/strategy/StrategyPage'), 'StrategyPage');
const CommunityPage = lazyNamed(() => import('./pages/community/CommunityPage'), 'CommunityPage');
const AccountsPage = lazyNamed(() => import('./pages/accounts/AccountsPage'), 'AccountsPage');
const PoliciesPage = lazyNamed(() => import('./pages/policies/PoliciesPage'), 'PoliciesPage');
const PolicyPage = lazyNamed(() => import('./pages/policies/PolicyPage'), 'PolicyPage');
const EvaluationPage = lazyNamed(() => import('./pages/evaluation/EvaluationPage'), 'EvaluationPage');
const AssessmentPage = lazyNamed(() => import('./pages/evaluation/AssessmentPage'), 'AssessmentPage');
const ContentPage = lazyNamed(() => import('./pages/content/ContentPage'), 'ContentPage');
const SettingsPage = lazyNamed(() => import('./pages/settings/SettingsPage'), 'SettingsPage');
const PressRoomPage = lazyNamed(() => import('./pages/press-room/PressRoomPage'), 'PressRoomPage');
const AgencyWebhooksPage = lazyNamed(() => import('./pages/webhooks/WebhooksPage'), 'AgencyWebhooksPage');
const OrganizationWebhooksPage = lazyNamed(() => import('./pages/webhooks/WebhooksPage'), 'OrganizationWebhooksPage');
const AgencyWebhookDeliveriesPage = lazyNamed(() => import('./pages/webhooks/DeliveriesPage'), 'AgencyWebhookDeliveriesPage');
const OrganizationWebhookDeliveriesPage = lazyNamed(() => import('./pages/webhooks/DeliveriesPage'), 'OrganizationWebhookDeliveriesPage');
const ExternalApprovalPage = lazyNamed(() => import('./pages/content/ExternalApprovalPage'), 'ExternalApprovalPage');

/** The client routes; the API answers each of them with index.html (apps/api console controller lists the same). */
export function App() {
  const session = useSession();
  const t = useT();
  useEffect(() => {
    if (session.status === 'restoring') void refreshSession();
  }, [session.status]);
  if (session.status === 'restoring') {
    return (
      <Center h="100vh" aria-busy="true">
        <Loader aria-label={t('auth.restoring')} />
      </Center>
    );
  }
  return (
    <Suspense fallback={<ChunkLoader height="100vh" />}>
      <Routes>
        <Route path="/login" element={<LogInPage />} />
        <Route path="/signup" element={<SignUpPage />} />
        <Route path="/invitations/accept" element={<AcceptInvitationPage />} />
        <Route path="/password/forgot" element={<ForgotPasswordPage />} />
        <Route path="/password/reset" element={<ResetPasswordPage />} />
        <Route path="/links/approvals/:token" element={<ExternalApprovalPage />} />
        <Route element={<SignedIn />}>
          <Route element={<SuspendedOutlet />}>
            <Route path="/" element={<HomeRedirect />} />
            <Route path="/portfolio" element={<PortfolioPage />} />
            <Route path="/agency/members" element={<AgencyMembersPage />} />
            <Route path="/agency/api-keys" element={<ApiKeysPage />} />
            <Route path="/agency/models" element={<ModelsPage />} />
            <Route path="/agency/webhooks" element={<AgencyWebhooksPage />} />
            <Route path="/agency/webhooks/:endpointId" element={<AgencyWebhookDeliveriesPage />} />
            <Route path="/agency/models/:modelId" element={<ModelPage />} />
            <Route path="/organizations/:organizationId/members" element={<OrganizationMembersPage />} />
            <Route path="/organizations/:organizationId" element={<OrganizationPage />} />
            <Route path="/organizations/:organizationId/strategy/:tab?" element={<StrategyPage />} />
            <Route path="/organizations/:organizationId/community" element={<CommunityPage />} />
            <Route path="/organizations/:organizationId/accounts" element={<AccountsPage />} />
            <Route path="/organizations/:organizationId/policies" element={<PoliciesPage />} />
            <Route path="/organizations/:organizationId/policies/:policyId" element={<PolicyPage />} />
            <Route path="/organizations/:organizationId/evaluation" element={<EvaluationPage />} />
            <Route path="/organizations/:organizationId/evaluation/:assessmentId" element={<AssessmentPage />} />
            <Route path="/organizations/:organizationId/content/*" element={<ContentPage />} />
            <Route path="/organizations/:organizationId/press-room" element={<PressRoomPage />} />
            <Route path="/organizations/:organizationId/settings" element={<SettingsPage />} />
            <Route path="/organizations/:organizationId/webhooks" element={<OrganizationWebhooksPage />} />
            <Route path="/organizations/:organizationId/webhooks/:endpointId" element={<OrganizationWebhookDeliveriesPage />} />
          </Route>
        </Route>
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </Suspense>
  );
}

function SignedIn() {
  const session = useSession();
  const location = useLocation();
  if (session.status !== 'signedIn') return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  return <Layout />;
}
