import { lazy, type ComponentType } from 'react';
import { createBrowserRouter } from 'react-router';
import type { Permission } from '../../../common/roles';
import { NotFound, RequireAuth, RequirePermission } from './guards';
import { AppLayout } from './layout/AppLayout';
import { PublicLayout } from './layout/PublicLayout';

/** React.lazy for a page module's named export, so each page is its own chunk. */
function page<M extends Record<string, unknown>, K extends keyof M>(load: () => Promise<M>, name: K) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

const LoginPage = page(() => import('../features/auth/pages/LoginPage'), 'LoginPage');
const RegisterPage = page(() => import('../features/auth/pages/RegisterPage'), 'RegisterPage');
const DashboardPage = page(() => import('../features/dashboard/pages/DashboardPage'), 'DashboardPage');
const AchievementsPage = page(() => import('../features/achievements/pages/AchievementsPage'), 'AchievementsPage');
const DemandsPage = page(() => import('../features/demands/pages/DemandsPage'), 'DemandsPage');
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
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <DashboardPage /> },
      { path: 'achievements', element: <AchievementsPage /> },
      { path: 'demands', element: <DemandsPage /> },
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
      { path: '*', element: <NotFound /> },
    ],
  },
]);
