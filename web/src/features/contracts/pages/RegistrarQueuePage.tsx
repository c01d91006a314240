import { useState } from 'react';
import { Button, Card, Checkbox, Flex, Input, Segmented, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { ContractSummary } from '../../../../../common/api/contracts';
import { CONTRACT_STATUS_LABELS, type ContractStatus } from '../../../../../common/contracts';
import { useLabel, useLocale, useT } from '../../../i18n/locale';
import { withQuery } from '../../../lib/api';
import { useMe } from '../../../lib/auth';
import { formatDateTime } from '../../../lib/format';
import { useRegistrationQueue, type QueueParams } from '../api/list-registration-queue';
import { ContractStatusTag } from '../components/ContractStatusTag';
import { DeadlineTag } from '../components/DeadlineTag';
import { ImportButton } from '../components/ImportPanel';
import { typeText } from '../components/labels';
import { Yuan } from '../components/money';
import { ReviewDrawer } from '../components/ReviewDrawer';

const PAGE_SIZE = 20;
const TABS: ContractStatus[] = ['submitted', 'returned', 'certified', 'refused', 'cancelled'];
const thisYear = new Date().getFullYear();

/** /workspace/registrar: the registration point's queue (soonest deadline first, overdue in red), the review drawer, import and export. */
export function RegistrarQueuePage() {
  const t = useT();
  const label = useLabel();
  const { locale } = useLocale();
  const me = useMe().data;
  const [status, setStatus] = useState<ContractStatus>('submitted');
  const [overdue, setOverdue] = useState(false);
  // Registered contracts are many: their list and export start at this year (clear the year for all).
  const [year, setYear] = useState<number | undefined>(thisYear);
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<string | null>(null);
  const registered = status === 'certified' || status === 'cancelled';
  const params: QueueParams = {
    status,
    overdue: status === 'submitted' && overdue ? true : undefined,
    year: registered ? year : undefined,
    q: q || undefined,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  const queue = useRegistrationQueue(params);
  const registrarOrg = me?.grants.find((g) => g.role === 'registrar' && g.organizationId)?.organizationId ?? undefined;

  const columns: TableColumnsType<ContractSummary> = [
    {
      title: t('contract.title'),
      dataIndex: 'title',
      render: (title: string, r) => (
        <Flex vertical gap={2}>
          <Typography.Link onClick={() => setOpenId(r.id)} data-testid="queue-open">
            {title}
          </Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.applicantName} · {typeText(label, r.type, r.subtype)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('contract.amounts'),
      key: 'amounts',
      width: 190,
      align: 'right',
      render: (_, r) => (
        <Flex vertical gap={0} align="end">
          <Yuan fen={r.contractAmountFen} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('contract.ttaShort')} <Yuan fen={r.technologyTransactionAmountFen} />
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('contract.submittedAt'),
      dataIndex: 'submittedAt',
      width: 150,
      responsive: ['lg'],
      render: (v: string | null) => formatDateTime(v, locale),
    },
    status === 'submitted'
      ? {
          title: t('contract.deadline'),
          key: 'deadline',
          width: 170,
          render: (_, r) => (
            <DeadlineTag
              deadlineAt={r.deadlineAt}
              workingDaysLeft={r.workingDaysLeft}
              overdue={r.overdue}
              deadlineEstimated={r.deadlineEstimated}
              expertReviewRequired={r.expertReviewRequired}
            />
          ),
        }
      : {
          title: t('contract.registrationNumber'),
          key: 'number',
          width: 190,
          render: (_, r) =>
            r.registrationNumber ? <Typography.Text>{r.registrationNumber}</Typography.Text> : <ContractStatusTag status={r.status} />,
        },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_, r) => (
        <Button
          size="small"
          type={status === 'submitted' ? 'primary' : 'default'}
          onClick={() => setOpenId(r.id)}
          data-testid="queue-review"
        >
          {status === 'submitted' ? t('contract.review.action') : t('common.open')}
        </Button>
      ),
    },
  ];

  return (
    <Card>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('nav.registrar')}
        </Typography.Title>
        <Space wrap>
          <a
            href={withQuery('/api/registration/contracts/export.xlsx', { status, year: registered ? year : undefined, q: q || undefined })}
            download
          >
            <Button icon={<DownloadOutlined />} data-testid="queue-export">
              {t('contract.export')}
            </Button>
          </a>
          <ImportButton mode="historical" organizationId={registrarOrg} />
        </Space>
      </Flex>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Segmented
          value={status}
          onChange={(v) => {
            setStatus(v as ContractStatus);
            setPage(1);
          }}
          options={TABS.map((s) => ({ value: s, label: label(CONTRACT_STATUS_LABELS[s]) }))}
          data-testid="queue-status"
        />
        <Input.Search
          allowClear
          placeholder={t('contract.review.search')}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
          style={{ width: 260 }}
        />
        {status === 'submitted' && (
          <Checkbox
            checked={overdue}
            onChange={(e) => {
              setOverdue(e.target.checked);
              setPage(1);
            }}
            data-testid="overdue-only"
          >
            {t('contract.review.overdueOnly')}
          </Checkbox>
        )}
        {registered && (
          <Select
            allowClear
            placeholder={t('contract.review.year')}
            value={year}
            onChange={(v: number | undefined) => {
              setYear(v);
              setPage(1);
            }}
            options={Array.from({ length: 10 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: String(y) }))}
            style={{ width: 120 }}
          />
        )}
      </Flex>
      <Table<ContractSummary>
        rowKey="id"
        size="middle"
        loading={queue.isFetching && !queue.data}
        columns={columns}
        dataSource={queue.data?.items}
        data-testid="registrar-queue"
        onRow={(r) =>
          ({
            style: r.overdue ? { background: '#fff1f0' } : undefined,
            'data-overdue': r.overdue ? 'true' : undefined,
          }) as React.HTMLAttributes<HTMLElement>
        }
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: queue.data?.total,
          onChange: setPage,
          showSizeChanger: false,
          showTotal: (total) => t('common.total', { total }),
        }}
      />
      <ReviewDrawer id={openId} onClose={() => setOpenId(null)} />
    </Card>
  );
}
