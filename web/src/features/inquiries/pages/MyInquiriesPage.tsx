import { Card, Segmented, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { InquirySummary } from '../../../../../common/api/inquiries';
import { useLocale, useT } from '../../../i18n/locale';
import { formatDateTime } from '../../../lib/format';
import { formatWan } from '../../../lib/money';
import { useMyInquiries, type MyInquiriesRole } from '../api/list-my-inquiries';
import { InquiryStatusTag } from '../components/InquiryStatusTag';

/** /workspace/inquiries — the negotiations my organisations are in: received on our records, and started on others'. */
export function MyInquiriesPage() {
  const t = useT();
  const { locale } = useLocale();
  const [role, setRole] = useState<MyInquiriesRole>('all');
  const list = useMyInquiries(role);
  return (
    <Card
      title={t('inquiry.listTitle')}
      extra={
        <Segmented
          value={role}
          onChange={(v) => setRole(v as MyInquiriesRole)}
          options={[
            { value: 'all', label: t('inquiry.all') },
            { value: 'owner', label: t('inquiry.asOwner') },
            { value: 'requester', label: t('inquiry.asRequester') },
          ]}
        />
      }
    >
      <Table<InquirySummary>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('inquiry.none') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid="inquiry-list"
        scroll={{ x: 720 }}
        columns={[
          {
            title: t('inquiry.record'),
            dataIndex: 'recordTitle',
            render: (title: string, r) => (
              <Link to={`/workspace/inquiries/${r.id}`} data-testid="inquiry-link">
                {title}
              </Link>
            ),
          },
          {
            title: t('inquiry.counterpart'),
            key: 'counterpart',
            render: (_, r) => (r.mySide === 'owner' ? r.requesterOrganization.name : r.ownerOrganization.name),
          },
          { title: t('inquiry.mySide'), dataIndex: 'mySide', render: (s: 'owner' | 'requester') => t(`inquiry.side.${s}`) },
          { title: t('inquiry.budget'), dataIndex: 'budgetFen', render: (fen: number | null) => (fen == null ? '—' : formatWan(fen)) },
          { title: t('inquiry.status'), dataIndex: 'status', render: (s: InquirySummary['status']) => <InquiryStatusTag status={s} /> },
          {
            title: t('inquiry.lastMessageAt'),
            dataIndex: 'lastMessageAt',
            render: (d: string) => <Typography.Text type="secondary">{formatDateTime(d, locale)}</Typography.Text>,
          },
        ]}
      />
    </Card>
  );
}
