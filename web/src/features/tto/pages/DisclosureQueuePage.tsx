import { Card, Switch, Space, Typography } from 'antd';
import { useState } from 'react';
import { useLocale, useT } from '../../../i18n/locale';
import { useDisclosureQueue } from '../api/list-disclosure-queue';
import { DisclosureTable } from './MyDisclosuresPage';

/** /workspace/disclosures/queue — the TTO's queue: disclosures to assess and decide, the overdue ones on demand. */
export function DisclosureQueuePage() {
  const t = useT();
  const { locale } = useLocale();
  const [overdue, setOverdue] = useState(false);
  const list = useDisclosureQueue(overdue);
  return (
    <Card
      title={t('tto.queue')}
      extra={
        <Space>
          <Typography.Text>{t('tto.overdueOnly')}</Typography.Text>
          <Switch checked={overdue} onChange={setOverdue} data-testid="overdue-only" />
        </Space>
      }
    >
      <DisclosureTable items={list.data?.items ?? []} loading={list.isPending} locale={locale} />
    </Card>
  );
}
