import type { ReactNode } from 'react';
import { Alert, Card, Col, Descriptions, Flex, Row, Space, Tag, Typography } from 'antd';
import {
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  BulbOutlined,
  FileProtectOutlined,
  KeyOutlined,
  LaptopOutlined,
  LockOutlined,
  SolutionOutlined,
  SwapOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Link } from 'react-router';
import { ROLE_LABELS } from '../../../../../common/roles';
import { OrganizationStatusTag } from '../../../components/OrganizationStatusTag';
import { useLabel, useT } from '../../../i18n/locale';
import type { MessageKey } from '../../../i18n/zh-CN';
import { hasPermission, useMe, type Me } from '../../../lib/auth';
import { TodoCard } from '../components/TodoCard';

interface Tile {
  to: string;
  icon: ReactNode;
  title: MessageKey;
  text?: MessageKey;
}

const AREAS: Tile[] = [
  { to: '/achievements', icon: <BulbOutlined />, title: 'nav.achievements', text: 'comingSoon.achievements' },
  { to: '/demands', icon: <SolutionOutlined />, title: 'nav.demands', text: 'comingSoon.demands' },
  { to: '/trading', icon: <SwapOutlined />, title: 'nav.trading', text: 'comingSoon.trading' },
  { to: '/statistics', icon: <BarChartOutlined />, title: 'nav.statistics', text: 'comingSoon.statistics' },
];

/** Trading tiles: my listings, auctions, notices and bids; the staff desk; objections to resolve. */
function tradingTiles(me: Me): Tile[] {
  return [
    ...(hasPermission(me, 'trade:initiate') || hasPermission(me, 'trade:participate')
      ? [{ to: '/workspace/trading', icon: <SwapOutlined />, title: 'nav.myTrading' as const, text: 'trading.tile.mine' as const }]
      : []),
    ...(hasPermission(me, 'trade:staff')
      ? [
          {
            to: '/workspace/trading/staff',
            icon: <SwapOutlined />,
            title: 'nav.tradingStaff' as const,
            text: 'trading.tile.staff' as const,
          },
        ]
      : []),
    ...(hasPermission(me, 'trade:oversee')
      ? [
          {
            to: '/workspace/trading/objections',
            icon: <SwapOutlined />,
            title: 'nav.objections' as const,
            text: 'trading.tile.objections' as const,
          },
        ]
      : []),
  ];
}

/** Contract registration and monitoring tiles, each for those whose permission opens it. */
function contractTiles(me: Me): Tile[] {
  return [
    ...(hasPermission(me, 'contract:apply')
      ? [
          {
            to: '/workspace/contracts',
            icon: <FileProtectOutlined />,
            title: 'nav.myContracts' as const,
            text: 'comingSoon.contracts' as const,
          },
        ]
      : []),
    ...(hasPermission(me, 'contract:register')
      ? [{ to: '/workspace/registrar', icon: <AuditOutlined />, title: 'nav.registrar' as const, text: 'contract.tile.registrar' as const }]
      : []),
    ...(hasPermission(me, 'stats:read')
      ? [{ to: '/workspace/monitor', icon: <BarChartOutlined />, title: 'nav.monitor' as const, text: 'stat.tile.monitor' as const }]
      : []),
    ...(hasPermission(me, 'stats:target')
      ? [{ to: '/workspace/targets', icon: <BarChartOutlined />, title: 'nav.targets' as const, text: 'stat.tile.targets' as const }]
      : []),
  ];
}

function TileCard({ tile }: { tile: Tile }) {
  const t = useT();
  return (
    <Link to={tile.to}>
      <Card hoverable size="small" style={{ height: '100%' }}>
        <Card.Meta
          avatar={<span style={{ fontSize: 24, color: '#1677ff' }}>{tile.icon}</span>}
          title={t(tile.title)}
          description={tile.text ? t(tile.text) : undefined}
        />
      </Card>
    </Link>
  );
}

export function DashboardPage() {
  const t = useT();
  const label = useLabel();
  const me = useMe().data;
  if (!me) return null;

  const accountTiles: Tile[] = [
    { to: '/account/organization', icon: <BankOutlined />, title: 'nav.myOrganization' },
    { to: '/account/sessions', icon: <LaptopOutlined />, title: 'nav.mySessions' },
    { to: '/account/password', icon: <LockOutlined />, title: 'nav.changePassword' },
    ...(hasPermission(me, 'token:own') ? [{ to: '/account/tokens', icon: <KeyOutlined />, title: 'nav.apiTokens' as const }] : []),
  ];
  const adminTiles: Tile[] = [
    ...(hasPermission(me, 'org:review')
      ? [{ to: '/admin/organizations', icon: <BankOutlined />, title: 'nav.adminOrganizations' as const }]
      : []),
    ...(hasPermission(me, 'user:read_all') ? [{ to: '/admin/users', icon: <TeamOutlined />, title: 'nav.adminUsers' as const }] : []),
    ...(hasPermission(me, 'audit:read') ? [{ to: '/admin/audit', icon: <AuditOutlined />, title: 'nav.adminAudit' as const }] : []),
  ];
  const pending = me.memberships.some((m) => m.organizationStatus === 'pending');

  return (
    <Flex vertical gap={16}>
      <Card data-testid="dashboard-welcome">
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          <UserOutlined /> {t('dashboard.welcome', { name: me.user.name })}
        </Typography.Title>
        <Descriptions
          column={1}
          size="small"
          items={[
            {
              key: 'roles',
              label: t('dashboard.roles'),
              children:
                me.grants.length === 0 ? (
                  t('dashboard.noRoles')
                ) : (
                  <Space size={[0, 4]} wrap>
                    {me.grants.map((g, i) => {
                      const scope = g.organizationName ?? g.regionName;
                      return (
                        <Tag key={i} color="blue">
                          {label(ROLE_LABELS[g.role], g.role)}
                          {scope ? ` · ${scope}` : ''}
                        </Tag>
                      );
                    })}
                  </Space>
                ),
            },
            {
              key: 'organizations',
              label: t('dashboard.organizations'),
              children:
                me.memberships.length === 0 ? (
                  t('dashboard.noOrganizations')
                ) : (
                  <Space orientation="vertical" size={4}>
                    {me.memberships.map((m) => (
                      <span key={m.organizationId}>
                        <Link to="/account/organization">{m.organizationName}</Link> <OrganizationStatusTag status={m.organizationStatus} />
                      </span>
                    ))}
                  </Space>
                ),
            },
          ]}
        />
        {pending && <Alert type="info" showIcon title={t('dashboard.pendingHint')} style={{ marginTop: 12 }} />}
      </Card>

      <TodoCard />

      <Card title={t('dashboard.areas')}>
        <Row gutter={[16, 16]}>
          {[...AREAS, ...tradingTiles(me), ...contractTiles(me)].map((tile) => (
            <Col key={tile.to} xs={24} sm={12} xl={8}>
              <TileCard tile={tile} />
            </Col>
          ))}
        </Row>
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={adminTiles.length ? 12 : 24}>
          <TileGroup title={t('dashboard.account')} tiles={accountTiles} />
        </Col>
        {adminTiles.length > 0 && (
          <Col xs={24} lg={12}>
            <TileGroup title={t('dashboard.admin')} tiles={adminTiles} />
          </Col>
        )}
      </Row>
    </Flex>
  );
}

/** A card of tiles, two to a row. */
function TileGroup({ title, tiles }: { title: string; tiles: Parameters<typeof TileCard>[0]['tile'][] }) {
  return (
    <Card title={title} style={{ height: '100%' }}>
      <Row gutter={[12, 12]}>
        {tiles.map((tile) => (
          <Col key={tile.to} xs={24} sm={12}>
            <TileCard tile={tile} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}
