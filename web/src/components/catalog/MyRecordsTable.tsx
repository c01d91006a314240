import type { ReactNode } from 'react';
import { Card, Flex, Segmented, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { RecordAction } from '../../../../common/api/catalog';
import type { RecordStatus } from '../../../../common/catalog';
import { RECORD_STATUS_LABELS } from '../../../../common/catalog';
import { useLabel, useLocale, useT } from '../../i18n/locale';
import { formatDateTime } from '../../lib/format';
import { RecordStatusTag } from './RecordStatusTag';

export interface MyRecordRow {
  id: string;
  title: string;
  status: RecordStatus;
  fieldName: string;
  updatedAt: string;
  actions: RecordAction[];
}

const FILTERS: (RecordStatus | 'all')[] = ['all', 'draft', 'submitted', 'returned', 'approved', 'published', 'withdrawn', 'closed'];

interface Props<T extends MyRecordRow> {
  title: string;
  basePath: string;
  rows: T[] | undefined;
  total: number | undefined;
  loading: boolean;
  status: RecordStatus | undefined;
  onStatusChange: (status: RecordStatus | undefined) => void;
  page: number;
  pageSize: number;
  onPageChange: (page: number) => void;
  extraColumns?: TableColumnsType<T>;
  renderActions: (row: T) => ReactNode;
  toolbar?: ReactNode;
}

/** "My achievements / my demands": a status filter and a table with each record's lifecycle buttons. */
export function MyRecordsTable<T extends MyRecordRow>(props: Props<T>) {
  const t = useT();
  const label = useLabel();
  const { locale } = useLocale();
  const columns: TableColumnsType<T> = [
    {
      title: t('record.title'),
      dataIndex: 'title',
      render: (title: string, row) => <Link to={`${props.basePath}/${row.id}`}>{title}</Link>,
    },
    { title: t('record.status'), dataIndex: 'status', width: 110, render: (s: RecordStatus) => <RecordStatusTag status={s} /> },
    { title: t('record.field'), dataIndex: 'fieldName', width: 160, responsive: ['md'] },
    ...(props.extraColumns ?? []),
    {
      title: t('record.updatedAt'),
      dataIndex: 'updatedAt',
      width: 160,
      responsive: ['lg'],
      render: (v: string) => formatDateTime(v, locale),
    },
    { title: t('common.actions'), key: 'actions', render: (_: unknown, row) => props.renderActions(row) },
  ];
  return (
    <Card>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {props.title}
        </Typography.Title>
        {props.toolbar}
      </Flex>
      <Segmented
        value={props.status ?? 'all'}
        onChange={(v) => props.onStatusChange(v === 'all' ? undefined : (v as RecordStatus))}
        options={FILTERS.map((s) => ({ value: s, label: s === 'all' ? t('common.all') : label(RECORD_STATUS_LABELS[s]) }))}
        style={{ marginBottom: 16 }}
        data-testid="status-filter"
      />
      <Table<T>
        rowKey="id"
        size="middle"
        loading={props.loading}
        columns={columns}
        dataSource={props.rows}
        data-testid="my-records"
        pagination={{
          current: props.page,
          pageSize: props.pageSize,
          total: props.total,
          onChange: props.onPageChange,
          showTotal: (total) => t('common.total', { total }),
        }}
      />
    </Card>
  );
}
