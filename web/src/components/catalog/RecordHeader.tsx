import type { ReactNode } from 'react';
import { Alert, Card, Flex, Space, Typography } from 'antd';
import { BankOutlined, CalendarOutlined, EnvironmentOutlined } from '@ant-design/icons';
import type { RecordStatus } from '../../../../common/catalog';
import { useLocale, useT } from '../../i18n/locale';
import { formatDateTime } from '../../lib/format';
import { RecordStatusTag } from './RecordStatusTag';

interface Props {
  title: string;
  status: RecordStatus;
  organizationName: string;
  regionName: string;
  publishedAt: string | null;
  reviewReason: string | null;
  actions?: ReactNode;
  side?: ReactNode;
  titleTestId: string;
}

/** Title, status, owner and the lifecycle buttons at the top of a detail page. */
export function RecordHeader({
  title,
  status,
  organizationName,
  regionName,
  publishedAt,
  reviewReason,
  actions,
  side,
  titleTestId,
}: Props) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <Card>
      <Flex justify="space-between" gap={16} wrap align="start">
        <Flex vertical gap={8} style={{ minWidth: 0, flex: 1 }}>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid={titleTestId}>
            {title}
          </Typography.Title>
          <Space wrap size={[16, 4]}>
            {status !== 'published' && <RecordStatusTag status={status} />}
            <Typography.Text>
              <BankOutlined /> {organizationName}
            </Typography.Text>
            {regionName && (
              <Typography.Text type="secondary">
                <EnvironmentOutlined /> {regionName}
              </Typography.Text>
            )}
            {publishedAt && (
              <Typography.Text type="secondary">
                <CalendarOutlined /> {t('record.publishedAt')} {formatDateTime(publishedAt, locale)}
              </Typography.Text>
            )}
          </Space>
          {actions}
        </Flex>
        {side}
      </Flex>
      {reviewReason && (status === 'returned' || status === 'withdrawn') && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          title={t('record.reviewReason')}
          description={reviewReason}
          data-testid="review-reason"
        />
      )}
    </Card>
  );
}
