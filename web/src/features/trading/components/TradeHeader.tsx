import type { ReactNode } from 'react';
import { Card, Flex, Space, Tag, Typography } from 'antd';
import { BankOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { OrgRef, TradeRoute } from '../../../../../common/api/trading';
import { TRANSFER_MODE_LABELS, type TransferMode } from '../../../../../common/catalog';
import { useLabel } from '../../../i18n/locale';
import { RouteTag } from './StatusTag';

interface Props {
  route: TradeRoute;
  achievement: { id: string; title: string; fieldName: string };
  seller: OrgRef;
  regionName: string;
  transferMode: TransferMode;
  status: ReactNode;
  /** Big figure on the right: price and what it is. */
  side?: ReactNode;
  /** The buttons the server says the caller may press. */
  actions?: ReactNode;
  extra?: ReactNode;
}

/** The top of a listing, auction or notice page: what is traded, by whom, how, and its state. */
export function TradeHeader({ route, achievement, seller, regionName, transferMode, status, side, actions, extra }: Props) {
  const label = useLabel();
  return (
    <Card>
      <Flex justify="space-between" gap={16} wrap align="start">
        <Flex vertical gap={8} style={{ minWidth: 0, flex: 1 }}>
          <Space wrap>
            <RouteTag route={route} />
            {status}
          </Space>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="trade-title">
            <Link to={`/achievements/${achievement.id}`}>{achievement.title}</Link>
          </Typography.Title>
          <Space wrap size={[16, 4]}>
            <Typography.Text>
              <BankOutlined /> {seller.name}
            </Typography.Text>
            {regionName && (
              <Typography.Text type="secondary">
                <EnvironmentOutlined /> {regionName}
              </Typography.Text>
            )}
            <Tag>{label(TRANSFER_MODE_LABELS[transferMode], transferMode)}</Tag>
            <Typography.Text type="secondary">{achievement.fieldName}</Typography.Text>
          </Space>
          {extra}
          {actions}
        </Flex>
        {side}
      </Flex>
    </Card>
  );
}

/** The figure on the right of a header. */
export function SideFigure({ label, value, testId }: { label: string; value: ReactNode; testId?: string }) {
  return (
    <Flex vertical align="end" gap={4}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <Typography.Title level={3} style={{ margin: 0, color: '#cf1322' }} data-testid={testId}>
        {value}
      </Typography.Title>
    </Flex>
  );
}
