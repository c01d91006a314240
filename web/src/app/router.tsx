import { lazy, type ComponentType } from 'react';
import { createBrowserRouter, Outlet } from 'react-router';
import type { Permission } from '../../../common/roles';
import { NotFound, RequireAuth, RequirePermission, RouteError } from './guards';
import { AppLayout } from './layout/AppLayout';
import { PublicLayout } from './layout/PublicLayout';

/** React.lazy for a page module's named export, so each page is its own chunk. */
function page<M extends Record<string, unknown>, K extends keyof M>(load: () => Promise<M>, name: K) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

const LoginPage = page(() => import('../features/auth/pages/LoginPage'), 'LoginPage');
const RegisterPage = page(() => import('../features/auth/pages/RegisterPage'), 'RegisterPage');
const DashboardPage = page(() => import('../features/dashboard/pages/DashboardPage'), 'DashboardPage');
const HomePage = page(() => import('../features/portal/pages/HomePage'), 'HomePage');
const AchievementsPage = page(() => import('../features/achievements/pages/AchievementsPage'), 'AchievementsPage');
const AchievementDetailPage = page(() => import('../features/achievements/pages/AchievementDetailPage'), 'AchievementDetailPage');
const AchievementFilingPage = page(() => import('../features/achievements/pages/AchievementFilingPage'), 'AchievementFilingPage');
const MyAchievementsPage = page(() => import('../features/achievements/pages/MyAchievementsPage'), 'MyAchievementsPage');
const DemandsPage = page(() => import('../features/demands/pages/DemandsPage'), 'DemandsPage');
const DemandDetailPage = page(() => import('../features/demands/pages/DemandDetailPage'), 'DemandDetailPage');
const DemandFilingPage = page(() => import('../features/demands/pages/DemandFilingPage'), 'DemandFilingPage');
const MyDemandsPage = page(() => import('../features/demands/pages/MyDemandsPage'), 'MyDemandsPage');
const ReviewQueuePage = page(() => import('../features/review/pages/ReviewQueuePage'), 'ReviewQueuePage');
const SavedSearchesPage = page(() => import('../features/saved-searches/pages/SavedSearchesPage'), 'SavedSearchesPage');
const TradingPage = page(() => import('../features/trading/pages/TradingPage'), 'TradingPage');
const ContractsPage = page(() => import('../features/contracts/pages/ContractsPage'), 'ContractsPage');
const StatisticsPage = page(() => import('../features/statistics/pages/StatisticsPage'), 'StatisticsPage');
const OrganizationProfilePage = page(
  () => import('../features/organizations/pages/OrganizationProfilePage'),
  'OrganizationProfilePage',
);
const SessionsPage = page(() => import('../features/account/pages/SessionsPage'), 'SessionsPage');
const ChangePasswordPage = page(() => import('../features/account/pages/ChangePasswordPage'), 'ChangePasswordPage');
const TokensPage = page(() => import('../features/account/pages/TokensPage'), 'TokensPage');
const AdminOrganizationsPage = page(() => import('../features/admin/pages/AdminOrganizationsPage'), 'AdminOrganizationsPage');
const AdminUsersPage = page(() => import('../features/admin/pages/AdminUsersPage'), 'AdminUsersPage');
const AuditLogPage = page(() => import('../features/admin/pages/AuditLogPage'), 'AuditLogPage');

function guarded(permission: Permission, Page: ComponentType) {
  return (
    <RequirePermission permission={permission}>
      <Page />
    </RequirePermission>
  );
}

export const router = createBrowserRouter([
  {
    element: <PublicLayout />,
    children: [
      { path: '/login', element: <LoginPage /> },
      { path: '/register', element: <RegisterPage /> },
    ],
  },
  {
    // One layout for visitors and members: the portal pages are public, the workspace needs a login.
    path: '/',
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'achievements', element: <AchievementsPage /> },
      { path: 'achievements/:id', element: <AchievementDetailPage /> },
      { path: 'demands', element: <DemandsPage /> },
      { path: 'demands/:id', element: <DemandDetailPage /> },
      {
        element: (
          <RequireAuth>
            <Outlet />
          </RequireAuth>
        ),
        children: [
          { path: 'workspace', element: <DashboardPage /> },
          { path: 'workspace/achievements', element: guarded('catalog:file', MyAchievementsPage) },
          { path: 'workspace/achievements/new', element: guarded('catalog:file', AchievementFilingPage) },
          { path: 'workspace/achievements/:id/edit', element: guarded('catalog:file', AchievementFilingPage) },
          { path: 'workspace/demands', element: guarded('catalog:file', MyDemandsPage) },
          { path: 'workspace/demands/new', element: guarded('catalog:file', DemandFilingPage) },
          { path: 'workspace/demands/:id/edit', element: guarded('catalog:file', DemandFilingPage) },
          { path: 'workspace/review', element: guarded('catalog:review', ReviewQueuePage) },
          { path: 'workspace/saved-searches', element: <SavedSearchesPage /> },
          { path: 'trading', element: <TradingPage /> },
          { path: 'contracts', element: <ContractsPage /> },
          { path: 'statistics', element: <StatisticsPage /> },
          { path: 'account/organization', element: <OrganizationProfilePage /> },
          { path: 'account/sessions', element: <SessionsPage /> },
          { path: 'account/password', element: <ChangePasswordPage /> },
          { path: 'account/tokens', element: guarded('token:own', TokensPage) },
          { path: 'admin/organizations', element: guarded('org:review', AdminOrganizationsPage) },
          { path: 'admin/users', element: guarded('user:read_all', AdminUsersPage) },
          { path: 'admin/audit', element: guarded('audit:read', AuditLogPage) },
        ],
      },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
