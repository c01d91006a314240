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
const MyInquiriesPage = page(() => import('../features/inquiries/pages/MyInquiriesPage'), 'MyInquiriesPage');
const InquiryThreadPage = page(() => import('../features/inquiries/pages/InquiryThreadPage'), 'InquiryThreadPage');
const MyDisclosuresPage = page(() => import('../features/tto/pages/MyDisclosuresPage'), 'MyDisclosuresPage');
const DisclosureFormPage = page(() => import('../features/tto/pages/DisclosureFormPage'), 'DisclosureFormPage');
const DisclosureQueuePage = page(() => import('../features/tto/pages/DisclosureQueuePage'), 'DisclosureQueuePage');
const DisclosureDetailPage = page(() => import('../features/tto/pages/DisclosureDetailPage'), 'DisclosureDetailPage');
const DistributionsPage = page(() => import('../features/tto/pages/DistributionsPage'), 'DistributionsPage');
const DistributionDetailPage = page(() => import('../features/tto/pages/DistributionDetailPage'), 'DistributionDetailPage');
const DistributionFormPage = page(() => import('../features/tto/pages/DistributionFormPage'), 'DistributionFormPage');
const DistributionCalculatorPage = page(() => import('../features/tto/pages/DistributionCalculatorPage'), 'DistributionCalculatorPage');
const ExpertsPage = page(() => import('../features/experts/pages/ExpertsPage'), 'ExpertsPage');
const MyAssignmentsPage = page(() => import('../features/experts/pages/MyAssignmentsPage'), 'MyAssignmentsPage');
const InstitutionsPage = page(() => import('../features/institutions/pages/InstitutionsPage'), 'InstitutionsPage');
const InstitutionDetailPage = page(() => import('../features/institutions/pages/InstitutionDetailPage'), 'InstitutionDetailPage');
const RoundPage = page(() => import('../features/institutions/pages/RoundPage'), 'RoundPage');
const RoundsAdminPage = page(() => import('../features/institutions/pages/RoundsAdminPage'), 'RoundsAdminPage');
const ApplicationPage = page(() => import('../features/institutions/pages/ApplicationPage'), 'ApplicationPage');
const MyApplicationsPage = page(() => import('../features/institutions/pages/MyApplicationsPage'), 'MyApplicationsPage');
const BrokersPage = page(() => import('../features/brokers/pages/BrokersPage'), 'BrokersPage');
const BrokerProfilePage = page(() => import('../features/brokers/pages/BrokerProfilePage'), 'BrokerProfilePage');
const ScreeningQueuePage = page(() => import('../features/export-control/pages/ScreeningQueuePage'), 'ScreeningQueuePage');
const ScreeningPage = page(() => import('../features/export-control/pages/ScreeningPage'), 'ScreeningPage');
const CataloguePage = page(() => import('../features/export-control/pages/CataloguePage'), 'CataloguePage');
const NotificationPreferencesPage = page(
  () => import('../features/notifications/pages/NotificationPreferencesPage'),
  'NotificationPreferencesPage',
);
const ChallengeHallPage = page(() => import('../features/challenges/pages/ChallengeHallPage'), 'ChallengeHallPage');
const ChallengeDetailPage = page(() => import('../features/challenges/pages/ChallengeDetailPage'), 'ChallengeDetailPage');
const MyChallengesPage = page(() => import('../features/challenges/pages/MyChallengesPage'), 'MyChallengesPage');
const VerifyPage = page(() => import('../features/verify/pages/VerifyPage'), 'VerifyPage');
const SavedSearchesPage = page(() => import('../features/saved-searches/pages/SavedSearchesPage'), 'SavedSearchesPage');
const MyFavouritesPage = page(() => import('../features/favourites/pages/MyFavouritesPage'), 'MyFavouritesPage');
const TradingHallPage = page(() => import('../features/trading/pages/TradingHallPage'), 'TradingHallPage');
const ListingPage = page(() => import('../features/trading/pages/ListingPage'), 'ListingPage');
const AuctionRoomPage = page(() => import('../features/trading/pages/AuctionRoomPage'), 'AuctionRoomPage');
const NoticePage = page(() => import('../features/trading/pages/NoticePage'), 'NoticePage');
const DealPage = page(() => import('../features/trading/pages/DealPage'), 'DealPage');
const MyTradingPage = page(() => import('../features/trading/pages/MyTradingPage'), 'MyTradingPage');
const StaffDeskPage = page(() => import('../features/trading/pages/StaffDeskPage'), 'StaffDeskPage');
const ObjectionsPage = page(() => import('../features/trading/pages/ObjectionsPage'), 'ObjectionsPage');
const MyContractsPage = page(() => import('../features/contracts/pages/MyContractsPage'), 'MyContractsPage');
const ContractApplicationPage = page(() => import('../features/contracts/pages/ContractApplicationPage'), 'ContractApplicationPage');
const ContractDetailPage = page(() => import('../features/contracts/pages/ContractDetailPage'), 'ContractDetailPage');
const RegistrarQueuePage = page(() => import('../features/contracts/pages/RegistrarQueuePage'), 'RegistrarQueuePage');
const StatisticsPage = page(() => import('../features/statistics/pages/StatisticsPage'), 'StatisticsPage');
const MonitorDashboardPage = page(() => import('../features/statistics/pages/MonitorDashboardPage'), 'MonitorDashboardPage');
const TargetsPage = page(() => import('../features/statistics/pages/TargetsPage'), 'TargetsPage');
const MyInvitationsPage = page(() => import('../features/organizations/pages/MyInvitationsPage'), 'MyInvitationsPage');
const OrganizationProfilePage = page(() => import('../features/organizations/pages/OrganizationProfilePage'), 'OrganizationProfilePage');
const SessionsPage = page(() => import('../features/account/pages/SessionsPage'), 'SessionsPage');
const ChangePasswordPage = page(() => import('../features/account/pages/ChangePasswordPage'), 'ChangePasswordPage');
const TokensPage = page(() => import('../features/account/pages/TokensPage'), 'TokensPage');
const AdminOrganizationsPage = page(() => import('../features/admin/pages/AdminOrganizationsPage'), 'AdminOrganizationsPage');
const AdminUsersPage = page(() => import('../features/admin/pages/AdminUsersPage'), 'AdminUsersPage');
const AnnualReportsPage = page(() => import('../features/annual-reports/pages/AnnualReportsPage'), 'AnnualReportsPage');
const AnnualReportPage = page(() => import('../features/annual-reports/pages/AnnualReportPage'), 'AnnualReportPage');
const IntegrityRecordsPage = page(() => import('../features/integrity/pages/IntegrityRecordsPage'), 'IntegrityRecordsPage');
const EventsPage = page(() => import('../features/events/pages/EventsPage'), 'EventsPage');
const EventDetailPage = page(() => import('../features/events/pages/EventDetailPage'), 'EventDetailPage');
const MyEventsPage = page(() => import('../features/events/pages/MyEventsPage'), 'MyEventsPage');
const CheckInPage = page(() => import('../features/events/pages/CheckInPage'), 'CheckInPage');
const ServicesPage = page(() => import('../features/services/pages/ServicesPage'), 'ServicesPage');
const MyServiceRequestsPage = page(() => import('../features/services/pages/MyServiceRequestsPage'), 'MyServiceRequestsPage');
const PoliciesPage = page(() => import('../features/policies/pages/PoliciesPage'), 'PoliciesPage');
const PolicyDetailPage = page(() => import('../features/policies/pages/PolicyDetailPage'), 'PolicyDetailPage');
const PolicyMatchPage = page(() => import('../features/policies/pages/PolicyMatchPage'), 'PolicyMatchPage');
const InvestorsPage = page(() => import('../features/finance/pages/InvestorsPage'), 'InvestorsPage');
const FinancingRequestsPage = page(() => import('../features/finance/pages/FinancingRequestsPage'), 'FinancingRequestsPage');
const SmeAssessmentPage = page(() => import('../features/finance/pages/SmeAssessmentPage'), 'SmeAssessmentPage');
const ProgrammesPage = page(() => import('../features/subsidies/pages/ProgrammesPage'), 'ProgrammesPage');
const ProgrammeDetailPage = page(() => import('../features/subsidies/pages/ProgrammeDetailPage'), 'ProgrammeDetailPage');
const CheckQueuePage = page(() => import('../features/subsidies/pages/CheckQueuePage'), 'CheckQueuePage');
const AuditLogPage = page(() => import('../features/admin/pages/AuditLogPage'), 'AuditLogPage');
const SynonymCandidatesPage = page(() => import('../features/search/pages/SynonymCandidatesPage'), 'SynonymCandidatesPage');

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
      // 交易大厅 and the public statistics are open to visitors; acting needs a login.
      { path: 'trading', element: <TradingHallPage /> },
      { path: 'trading/listings/:id', element: <ListingPage /> },
      { path: 'trading/auctions/:id', element: <AuctionRoomPage /> },
      { path: 'trading/notices/:id', element: <NoticePage /> },
      { path: 'statistics', element: <StatisticsPage /> },
      // The distribution calculator is open to read; calculating needs a login.
      { path: 'tools/distribution-calculator', element: <DistributionCalculatorPage /> },
      { path: 'experts', element: <ExpertsPage /> },
      // 揭榜大厅 is public; registering, proposals and management need a login (the page shows what the caller may do).
      { path: 'challenges', element: <ChallengeHallPage /> },
      { path: 'challenges/:id', element: <ChallengeDetailPage /> },
      { path: 'institutions', element: <InstitutionsPage /> },
      { path: 'institutions/rounds/:id', element: <RoundPage /> },
      { path: 'institutions/:id', element: <InstitutionDetailPage /> },
      { path: 'brokers', element: <BrokersPage /> },
      { path: 'brokers/:id', element: <BrokerProfilePage /> },
      { path: 'investors', element: <InvestorsPage /> },
      { path: 'subsidies', element: <ProgrammesPage /> },
      { path: 'subsidies/:id', element: <ProgrammeDetailPage /> },
      { path: 'export-control/catalogue', element: <CataloguePage /> },
      // The public check a certificate's QR code opens.
      { path: 'verify/:number', element: <VerifyPage /> },
      // Roadshows and exhibitions, the service catalogue and the policy library are public (C14).
      { path: 'events', element: <EventsPage /> },
      { path: 'events/:id', element: <EventDetailPage /> },
      { path: 'services', element: <ServicesPage /> },
      { path: 'policies', element: <PoliciesPage /> },
      { path: 'policies/:id', element: <PolicyDetailPage /> },
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
          { path: 'workspace/favourites', element: <MyFavouritesPage /> },
          { path: 'workspace/invitations', element: <MyInvitationsPage /> },
          { path: 'workspace/inquiries', element: <MyInquiriesPage /> },
          { path: 'workspace/challenges', element: <MyChallengesPage /> },
          { path: 'workspace/inquiries/:id', element: <InquiryThreadPage /> },
          { path: 'workspace/disclosures', element: guarded('disclosure:file', MyDisclosuresPage) },
          { path: 'workspace/disclosures/new', element: guarded('disclosure:file', DisclosureFormPage) },
          { path: 'workspace/disclosures/queue', element: guarded('disclosure:manage', DisclosureQueuePage) },
          { path: 'workspace/disclosures/:id', element: <DisclosureDetailPage /> },
          { path: 'workspace/distributions', element: <DistributionsPage /> },
          { path: 'workspace/distributions/new', element: guarded('distribution:manage', DistributionFormPage) },
          { path: 'workspace/distributions/:id/edit', element: guarded('distribution:manage', DistributionFormPage) },
          { path: 'workspace/distributions/:id', element: <DistributionDetailPage /> },
          { path: 'workspace/assignments', element: guarded('expert:score', MyAssignmentsPage) },
          { path: 'workspace/events', element: <MyEventsPage /> },
          { path: 'workspace/events/:id/check-in', element: guarded('event:manage', CheckInPage) },
          { path: 'workspace/services', element: <MyServiceRequestsPage /> },
          { path: 'workspace/policies/match', element: <PolicyMatchPage /> },
          { path: 'workspace/demonstration', element: <MyApplicationsPage /> },
          { path: 'workspace/demonstration/rounds', element: guarded('institution:certify', RoundsAdminPage) },
          { path: 'workspace/demonstration/:id', element: <ApplicationPage /> },
          { path: 'workspace/export-control', element: guarded('export:review', ScreeningQueuePage) },
          { path: 'workspace/export-control/:id', element: <ScreeningPage /> },
          { path: 'trading/deals/:id', element: <DealPage /> },
          { path: 'workspace/trading', element: <MyTradingPage /> },
          { path: 'workspace/trading/staff', element: guarded('trade:staff', StaffDeskPage) },
          { path: 'workspace/trading/objections', element: guarded('trade:oversee', ObjectionsPage) },
          { path: 'workspace/contracts', element: guarded('contract:apply', MyContractsPage) },
          { path: 'workspace/contracts/new', element: guarded('contract:apply', ContractApplicationPage) },
          { path: 'workspace/contracts/:id/edit', element: guarded('contract:apply', ContractApplicationPage) },
          { path: 'workspace/contracts/:id', element: <ContractDetailPage /> },
          { path: 'workspace/registrar', element: guarded('contract:register', RegistrarQueuePage) },
          { path: 'workspace/monitor', element: guarded('stats:read', MonitorDashboardPage) },
          { path: 'workspace/targets', element: guarded('stats:target', TargetsPage) },
          { path: 'workspace/annual-reports', element: <AnnualReportsPage /> },
          { path: 'workspace/annual-reports/:id', element: <AnnualReportPage /> },
          { path: 'workspace/integrity', element: <IntegrityRecordsPage /> },
          { path: 'workspace/financing', element: <FinancingRequestsPage /> },
          { path: 'workspace/sme', element: guarded('finance:participate', SmeAssessmentPage) },
          { path: 'workspace/subsidies/queue', element: guarded('subsidy:administer', CheckQueuePage) },
          { path: 'account/organization', element: <OrganizationProfilePage /> },
          { path: 'account/sessions', element: <SessionsPage /> },
          { path: 'account/password', element: <ChangePasswordPage /> },
          { path: 'account/notifications', element: <NotificationPreferencesPage /> },
          { path: 'account/tokens', element: guarded('token:own', TokensPage) },
          { path: 'admin/organizations', element: guarded('org:review', AdminOrganizationsPage) },
          { path: 'admin/users', element: guarded('user:read_all', AdminUsersPage) },
          { path: 'admin/audit', element: guarded('audit:read', AuditLogPage) },
          { path: 'admin/synonyms', element: guarded('catalog:curate', SynonymCandidatesPage) },
        ],
      },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
