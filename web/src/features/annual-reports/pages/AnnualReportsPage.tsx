import { Button, Card, Segmented, Select, Space, Table, Tag, Typography, message } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { AnnualReportSummary } from '../../../../../common/api/reports';
import { useLocale, useT } from '../../../i18n/locale';
import { isApiProblem } from '../../../lib/api';
import { hasPermission, useMe } from '../../../lib/auth';
import { formatDateTime } from '../../../lib/format';
import { useAnnualReports, type AnnualReportsFilter } from '../api/list-annual-reports';
import { useOpenAnnualReport } from '../api/open-annual-report';
import { ReportStatusTag } from '../components/ReportStatusTag';

/** /workspace/annual-reports — the organisation's reports, or the officer's review list for the region. */
export function AnnualReportsPage() {
  const t = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const me = useMe().data;
  const lastYear = new Date().getFullYear() - 1;
  const [year, setYear] = useState<number | undefined>(lastYear);
  const [view, setView] = useState<'all' | 'submitted' | 'overdue'>('all');
  const filter: AnnualReportsFilter = {
    year,
    ...(view === 'submitted' ? { status: 'submitted' } : view === 'overdue' ? { overdue: 'true' } : {}),
  };
  const list = useAnnualReports(filter);
  const open = useOpenAnnualReport();
  const start = () =>
    open.mutate(
      { year: lastYear },
      {
        onSuccess: (r) => navigate(`/workspace/annual-reports/${r.id}`),
        onError: (e) => message.error(isApiProblem(e) ? e.message : String(e)),
      },
    );
  return (
    <Card
      title={t('report.listTitle')}
      extra={
        <Space wrap>
          <Select
            value={year ?? 0}
            style={{ width: 120 }}
            onChange={(v) => setYear(v === 0 ? undefined : v)}
            options={[
              { value: 0, label: t('report.allYears') },
              ...[0, 1, 2, 3].map((i) => ({ value: lastYear - i, label: String(lastYear - i) })),
            ]}
          />
          {hasPermission(me, 'report:review') && (
            <Segmented
              value={view}
              onChange={(v) => setView(v as typeof view)}
              options={[
                { value: 'all', label: t('report.filter.all') },
                { value: 'submitted', label: t('report.filter.toReview') },
                { value: 'overdue', label: t('report.filter.overdue') },
              ]}
            />
          )}
          {hasPermission(me, 'report:file') && (
            <Button type="primary" loading={open.isPending} onClick={start} data-testid="open-report">
              {t('report.open', { year: lastYear })}
            </Button>
          )}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('report.intro')}</Typography.Paragraph>
      <Table<AnnualReportSummary>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('report.none') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 760 }}
        data-testid="annual-report-list"
        columns={[
          {
            title: t('report.organization'),
            key: 'org',
            render: (_, r) => (
              <Space>
                <Link to={`/workspace/annual-reports/${r.id}`}>{r.organization.name}</Link>
                {r.integrityFlag && <Tag color="red">{t('integrity.flag')}</Tag>}
              </Space>
            ),
          },
          { title: t('report.year'), dataIndex: 'year' },
          { title: t('report.statusLabel'), key: 'status', render: (_, r) => <ReportStatusTag status={r.status} overdue={r.overdue} /> },
          { title: t('report.dueAt'), dataIndex: 'dueAt', render: (v: string) => formatDateTime(v, locale) },
          {
            title: t('report.submittedAt'),
            key: 'submittedAt',
            render: (_, r) => (
              <Space>
                {r.submittedAt ? formatDateTime(r.submittedAt, locale) : '—'}
                {r.late && <Tag color="orange">{t('report.late')}</Tag>}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
