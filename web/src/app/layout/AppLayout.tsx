import { Suspense, useMemo, useState } from 'react';
import { App, Avatar, Button, Dropdown, Flex, Grid, Layout, Menu, Typography } from 'antd';
import type { MenuProps } from 'antd';
import {
  AuditOutlined,
  BankOutlined,
  BellOutlined,
  BarChartOutlined,
  BulbOutlined,
  CalendarOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  DownOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  FolderOpenOutlined,
  HomeOutlined,
  KeyOutlined,
  LaptopOutlined,
  LockOutlined,
  LoginOutlined,
  LogoutOutlined,
  MessageOutlined,
  ReadOutlined,
  SafetyOutlined,
  SolutionOutlined,
  StarOutlined,
  HeartOutlined,
  SwapOutlined,
  TrophyOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useLogout } from '../../features/auth/api/logout';
import { NotificationBell } from '../../features/notifications/components/NotificationBell';
import { SiteFooter } from '../../features/portal/components/SiteFooter';
import { useT } from '../../i18n/locale';
import { hasPermission, useMe } from '../../lib/auth';
import { FullPageSpin } from '../guards';
import { LangSwitch } from './LangSwitch';

const SIDER_BG = '#0f2a47';

export function AppLayout() {
  const t = useT();
  const meQuery = useMe();
  const me = meQuery.data;
  const location = useLocation();
  const navigate = useNavigate();
  const logout = useLogout();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  // On a phone the menu starts closed and, when opened, lies over the page instead of pushing it aside.
  const [collapsed, setCollapsed] = useState(() => typeof window !== 'undefined' && window.innerWidth < 992);

  const menuItems = useMemo<MenuProps['items']>(() => {
    const portal = [
      { key: '/', icon: <HomeOutlined />, label: t('nav.home') },
      { key: '/achievements', icon: <BulbOutlined />, label: t('nav.achievements') },
      { key: '/demands', icon: <SolutionOutlined />, label: t('nav.demands') },
      { key: '/trading', icon: <SwapOutlined />, label: t('nav.trading') },
      { key: '/challenges', icon: <TrophyOutlined />, label: t('nav.challenges') },
      { key: '/statistics', icon: <BarChartOutlined />, label: t('nav.statistics') },
      { key: '/experts', icon: <TeamOutlined />, label: t('nav.experts') },
      { key: '/events', icon: <CalendarOutlined />, label: t('nav.events') },
      { key: '/services', icon: <CustomerServiceOutlined />, label: t('nav.services') },
      { key: '/policies', icon: <ReadOutlined />, label: t('nav.policies') },
      { key: '/institutions', icon: <BankOutlined />, label: t('nav.institutions') },
      { key: '/brokers', icon: <TeamOutlined />, label: t('nav.brokers') },
      { key: '/investors', icon: <BarChartOutlined />, label: t('nav.investors') },
      { key: '/subsidies', icon: <FileProtectOutlined />, label: t('nav.subsidies') },
    ];
    // Visitors see the public portal only; the rest of the menu is the logged-in workspace.
    if (!me) return portal;
    const workspaceChildren = [
      { key: '/workspace', icon: <DashboardOutlined />, label: t('nav.overview') },
      hasPermission(me, 'catalog:file') && { key: '/workspace/achievements', icon: <FolderOpenOutlined />, label: t('nav.myAchievements') },
      hasPermission(me, 'catalog:file') && { key: '/workspace/demands', icon: <FolderOpenOutlined />, label: t('nav.myDemands') },
      hasPermission(me, 'catalog:review') && { key: '/workspace/review', icon: <FileSearchOutlined />, label: t('nav.reviewQueue') },
      { key: '/workspace/inquiries', icon: <MessageOutlined />, label: t('nav.inquiries') },
      hasPermission(me, 'disclosure:file') && { key: '/workspace/disclosures', icon: <BulbOutlined />, label: t('nav.disclosures') },
      hasPermission(me, 'disclosure:manage') && {
        key: '/workspace/disclosures/queue',
        icon: <FileSearchOutlined />,
        label: t('nav.disclosureQueue'),
      },
      { key: '/workspace/distributions', icon: <FileProtectOutlined />, label: t('nav.distributions') },
      hasPermission(me, 'expert:score') && { key: '/workspace/assignments', icon: <AuditOutlined />, label: t('nav.assignments') },
      { key: '/workspace/events', icon: <CalendarOutlined />, label: t('nav.myEvents') },
      { key: '/workspace/services', icon: <CustomerServiceOutlined />, label: t('nav.myServiceRequests') },
      { key: '/workspace/policies/match', icon: <ReadOutlined />, label: t('nav.policyMatch') },
      { key: '/workspace/challenges', icon: <TrophyOutlined />, label: t('nav.myChallenges') },
      (hasPermission(me, 'institution:update_own') || hasPermission(me, 'expert:score')) && {
        key: '/workspace/demonstration',
        icon: <BankOutlined />,
        label: t('nav.demonstration'),
      },
      hasPermission(me, 'institution:certify') && {
        key: '/workspace/demonstration/rounds',
        icon: <BankOutlined />,
        label: t('nav.demonstrationRounds'),
      },
      { key: '/workspace/saved-searches', icon: <StarOutlined />, label: t('nav.savedSearches') },
      { key: '/workspace/favourites', icon: <HeartOutlined />, label: t('nav.favourites') },
      { key: '/workspace/invitations', icon: <TeamOutlined />, label: t('nav.invitations') },
      { key: '/workspace/trading', icon: <SwapOutlined />, label: t('nav.myTrading') },
      hasPermission(me, 'trade:staff') && { key: '/workspace/trading/staff', icon: <SwapOutlined />, label: t('nav.tradingStaff') },
      hasPermission(me, 'trade:oversee') && { key: '/workspace/trading/objections', icon: <SwapOutlined />, label: t('nav.objections') },
      { key: '/workspace/financing', icon: <BarChartOutlined />, label: t('nav.financing') },
      hasPermission(me, 'finance:participate') && { key: '/workspace/sme', icon: <FileProtectOutlined />, label: t('nav.sme') },
      hasPermission(me, 'subsidy:administer') && {
        key: '/workspace/subsidies/queue',
        icon: <FileSearchOutlined />,
        label: t('nav.subsidyQueue'),
      },
      hasPermission(me, 'contract:apply') && { key: '/workspace/contracts', icon: <FileProtectOutlined />, label: t('nav.myContracts') },
      hasPermission(me, 'contract:register') && { key: '/workspace/registrar', icon: <FileProtectOutlined />, label: t('nav.registrar') },
      hasPermission(me, 'stats:read') && { key: '/workspace/monitor', icon: <BarChartOutlined />, label: t('nav.monitor') },
      hasPermission(me, 'stats:target') && { key: '/workspace/targets', icon: <BarChartOutlined />, label: t('nav.targets') },
      (hasPermission(me, 'report:file') || hasPermission(me, 'report:review')) && {
        key: '/workspace/annual-reports',
        icon: <FileProtectOutlined />,
        label: t('nav.annualReports'),
      },
      { key: '/workspace/integrity', icon: <SafetyOutlined />, label: t('nav.integrity') },
      hasPermission(me, 'export:review') && { key: '/workspace/export-control', icon: <SafetyOutlined />, label: t('nav.exportControl') },
      { key: '/export-control/catalogue', icon: <FileSearchOutlined />, label: t('nav.exportCatalogue') },
    ].filter((item) => !!item);
    const adminChildren = [
      hasPermission(me, 'org:review') && { key: '/admin/organizations', icon: <BankOutlined />, label: t('nav.adminOrganizations') },
      hasPermission(me, 'user:read_all') && { key: '/admin/users', icon: <TeamOutlined />, label: t('nav.adminUsers') },
      hasPermission(me, 'audit:read') && { key: '/admin/audit', icon: <AuditOutlined />, label: t('nav.adminAudit') },
      hasPermission(me, 'catalog:curate') && { key: '/admin/synonyms', icon: <BulbOutlined />, label: t('nav.adminSynonyms') },
    ].filter((item) => !!item);
    return [
      ...portal,
      { key: 'workspace', icon: <DashboardOutlined />, label: t('nav.dashboard'), children: workspaceChildren },
      ...(adminChildren.length ? [{ key: 'admin', icon: <SafetyOutlined />, label: t('nav.admin'), children: adminChildren }] : []),
    ];
  }, [me, t]);

  // The menu entry whose path is the longest prefix of the current one.
  const selectedKey = useMemo(() => {
    const path = location.pathname;
    const keys = [
      '/',
      '/achievements',
      '/demands',
      '/workspace',
      '/workspace/achievements',
      '/workspace/demands',
      '/workspace/review',
      '/workspace/saved-searches',
      '/workspace/favourites',
      '/workspace/invitations',
      '/workspace/inquiries',
      '/workspace/annual-reports',
      '/workspace/integrity',
      '/workspace/disclosures',
      '/workspace/disclosures/queue',
      '/workspace/distributions',
      '/workspace/assignments',
      '/experts',
      '/workspace/challenges',
      '/challenges',
      '/workspace/demonstration',
      '/workspace/demonstration/rounds',
      '/institutions',
      '/brokers',
      '/trading',
      '/statistics',
      '/events',
      '/services',
      '/policies',
      '/workspace/events',
      '/workspace/services',
      '/workspace/policies/match',
      '/workspace/trading',
      '/workspace/trading/staff',
      '/workspace/trading/objections',
      '/workspace/contracts',
      '/workspace/registrar',
      '/workspace/monitor',
      '/workspace/targets',
      '/admin/organizations',
      '/admin/users',
      '/admin/audit',
      '/admin/synonyms',
    ];
    return keys
      .filter((k) => (k === '/' || k === '/workspace' ? path === k : path === k || path.startsWith(`${k}/`)))
      .sort((a, b) => b.length - a.length)[0];
  }, [location.pathname]);

  const userMenu: MenuProps = {
    items: [
      { key: '/account/organization', icon: <BankOutlined />, label: t('nav.myOrganization') },
      { key: '/account/sessions', icon: <LaptopOutlined />, label: t('nav.mySessions') },
      { key: '/account/password', icon: <LockOutlined />, label: t('nav.changePassword') },
      { key: '/account/notifications', icon: <BellOutlined />, label: t('nav.notificationPreferences') },
      ...(hasPermission(me, 'token:own') ? [{ key: '/account/tokens', icon: <KeyOutlined />, label: t('nav.apiTokens') }] : []),
      { type: 'divider' as const },
      { key: 'logout', icon: <LogoutOutlined />, danger: true, label: <span data-testid="logout">{t('nav.logout')}</span> },
    ],
    onClick: ({ key }) => {
      if (key !== 'logout') {
        navigate(key);
        return;
      }
      logout.mutate(undefined, {
        onSettled: () => navigate('/login', { replace: true }),
        onError: (error) => message.error(error.message),
      });
    },
  };

  const narrow = !screens.lg;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        breakpoint="lg"
        collapsedWidth={narrow ? 0 : 64}
        width={208}
        style={
          narrow
            ? { background: SIDER_BG, position: 'fixed', insetBlock: 0, insetInlineStart: 0, zIndex: 1001, overflowY: 'auto' }
            : { background: SIDER_BG }
        }
        zeroWidthTriggerStyle={narrow ? { top: 12, insetInlineEnd: -44, zIndex: 1002 } : undefined}
        theme="dark"
        data-testid="main-sider"
      >
        <Link to="/" style={{ display: 'block', padding: '16px 20px', whiteSpace: 'nowrap', overflow: 'hidden' }}>
          <span style={{ color: '#fff', fontSize: 20, fontWeight: 600, letterSpacing: 2 }}>{t('app.brand')}</span>
          {!collapsed && <span style={{ color: 'rgba(255,255,255,0.65)', marginLeft: 8 }}>{t('app.brandLatin')}</span>}
        </Link>
        <Menu
          theme="dark"
          mode="inline"
          style={{ background: SIDER_BG, borderInlineEnd: 0 }}
          items={menuItems}
          selectedKeys={selectedKey ? [selectedKey] : []}
          defaultOpenKeys={location.pathname.startsWith('/admin') ? ['workspace', 'admin'] : ['workspace']}
          onClick={({ key }) => {
            navigate(key);
            if (narrow) setCollapsed(true);
          }}
          data-testid="main-menu"
        />
      </Layout.Sider>
      {narrow && !collapsed && (
        // The page behind the open menu: a tap closes the menu.
        <div
          onClick={() => setCollapsed(true)}
          style={{ position: 'fixed', inset: 0, background: 'rgba(0,0,0,0.45)', zIndex: 1000 }}
          data-testid="menu-mask"
        />
      )}
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: narrow ? '0 8px 0 56px' : '0 16px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: narrow ? 'space-between' : 'flex-end',
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          {narrow && (
            <Link to="/" data-testid="header-brand" style={{ whiteSpace: 'nowrap' }}>
              <span style={{ color: '#1765ad', fontSize: 18, fontWeight: 600, letterSpacing: 2 }}>{t('app.brand')}</span>
            </Link>
          )}
          <Flex align="center" gap={8}>
            {me && <NotificationBell />}
            <LangSwitch />
            {me ? (
              <Dropdown menu={userMenu} trigger={['click']} placement="bottomRight">
                <Button type="text" data-testid="user-menu" style={{ height: 40 }}>
                  <Avatar size="small" icon={<UserOutlined />} style={{ backgroundColor: '#1765ad' }} />
                  <Typography.Text style={{ maxWidth: 160 }} ellipsis>
                    {me.user.name}
                  </Typography.Text>
                  <DownOutlined style={{ fontSize: 10 }} />
                </Button>
              </Dropdown>
            ) : (
              !meQuery.isPending && (
                <>
                  <Link to="/login" state={{ from: location.pathname + location.search }}>
                    <Button type="primary" icon={<LoginOutlined />} data-testid="header-login">
                      {t('login.submit')}
                    </Button>
                  </Link>
                  <Link to="/register">
                    <Button data-testid="header-register">{t('login.register')}</Button>
                  </Link>
                </>
              )
            )}
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: narrow ? 12 : 24 }}>
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
        <Layout.Footer style={{ textAlign: 'center', color: '#8c8c8c', padding: '12px 24px' }}>
          <SiteFooter />
        </Layout.Footer>
      </Layout>
    </Layout>
  );
}
