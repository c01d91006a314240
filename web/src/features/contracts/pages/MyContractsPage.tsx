import { useState } from 'react';
import { Button, Card, Flex, Segmented, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined, FilePdfOutlined, PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { ContractSummary } from '../../../../../common/api/contracts';
import { CONTRACT_STATUSES, CONTRACT_STATUS_LABELS, type ContractStatus } from '../../../../../common/contracts';
import { useLabel, useLocale, useT } from '../../../i18n/locale';
import { useMe } from '../../../lib/auth';
import { formatDateTime } from '../../../lib/format';
import { useMyContracts } from '../api/list-my-contracts';
import { ContractStatusTag } from '../components/ContractStatusTag';
import { DeadlineTag } from '../components/DeadlineTag';
import { ImportButton } from '../components/ImportPanel';
import { typeText } from '../components/labels';
import { Yuan } from '../components/money';

const PAGE_SIZE = 20;

/** /workspace/contracts: my organisations' registration applications and registered contracts. */
export function MyContractsPage() {
  const t = useT();
  const label = useLabel();
  const { locale } = useLocale();
  const me = useMe().data;
  const [status, setStatus] = useState<ContractStatus | undefined>();
  const [page, setPage] = useState(1);
  const list = useMyContracts({ status, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const organizationId = me?.memberships[0]?.organizationId;

  const columns: TableColumnsType<ContractSummary> = [
    {
      title: t('contract.title'),
      dataIndex: 'title',
      render: (title: string, row) => (
        <Flex vertical gap={2}>
          <Link to={`/workspace/contracts/${row.id}`} data-testid="contract-link">
            {title}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {typeText(label, row.type, row.subtype)} · {row.buyerName}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('contract.status'), dataIndex: 'status', width: 110, render: (s: ContractStatus) => <ContractStatusTag status={s} /> },
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
      title: t('contract.registrationNumber'),
      key: 'number',
      width: 190,
      responsive: ['md'],
      render: (_, r) =>
        r.registrationNumber ? (
          <Flex vertical gap={0}>
            <Typography.Text data-testid="row-registration-number">{r.registrationNumber}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(r.certifiedAt, locale)}
            </Typography.Text>
          </Flex>
        ) : (
          '—'
        ),
    },
    {
      title: t('contract.deadline'),
      key: 'deadline',
      width: 150,
      responsive: ['lg'],
      render: (_, r) => (
        <DeadlineTag
          deadlineAt={r.deadlineAt}
          workingDaysLeft={r.workingDaysLeft}
          overdue={r.overdue}
          deadlineEstimated={r.deadlineEstimated}
        />
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 170,
      render: (_, r) => (
        <Space wrap size={4}>
          {r.actions.includes('edit') && (
            <Link to={`/workspace/contracts/${r.id}/edit`}>
              <Button size="small">{t('common.edit')}</Button>
            </Link>
          )}
          {r.actions.includes('download_certificate') && (
            <a href={`/api/contracts/${r.id}/certificate.pdf`} download>
              <Button size="small" icon={<FilePdfOutlined />}>
                {t('contract.certificate.short')}
              </Button>
            </a>
          )}
          <Link to={`/workspace/contracts/${r.id}`}>
            <Button size="small" type="link">
              {t('common.open')}
            </Button>
          </Link>
        </Space>
      ),
    },
  ];

  return (
    <Card>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('nav.myContracts')}
        </Typography.Title>
        <Space wrap>
          <a href="/api/me/contracts/export.xlsx" download>
            <Button icon={<DownloadOutlined />}>{t('contract.export')}</Button>
          </a>
          <ImportButton mode="applications" organizationId={organizationId} />
          <Link to="/workspace/contracts/new">
            <Button type="primary" icon={<PlusOutlined />} data-testid="new-contract">
              {t('contract.new')}
            </Button>
          </Link>
        </Space>
      </Flex>
      <Segmented
        value={status ?? 'all'}
        onChange={(v) => {
          setStatus(v === 'all' ? undefined : (v as ContractStatus));
          setPage(1);
        }}
        options={['all' as const, ...CONTRACT_STATUSES].map((s) => ({
          value: s,
          label: s === 'all' ? t('common.all') : label(CONTRACT_STATUS_LABELS[s]),
        }))}
        style={{ marginBottom: 16 }}
        data-testid="status-filter"
      />
      <Table<ContractSummary>
        rowKey="id"
        size="middle"
        loading={list.isFetching && !list.data}
        columns={columns}
        dataSource={list.data?.items}
        data-testid="my-contracts"
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total,
          onChange: setPage,
          showSizeChanger: false,
          showTotal: (total) => t('common.total', { total }),
        }}
      />
    </Card>
  );
}
