import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Flex, Form, Input, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useLocale, useT } from '../../../i18n/locale';
import { formatDateTime } from '../../../lib/format';
import { useProblemHandler } from '../../../lib/problems';
import { useAuditLog, type AuditEntry, type AuditFilters } from '../api/list-audit';
import { useVerifyAudit } from '../api/verify-audit';

interface FilterForm {
  action?: string;
  entity?: string;
  entityId?: string;
  actorUserId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function toFilters(values: FilterForm): AuditFilters {
  const trimmed = (v?: string) => v?.trim() || undefined;
  return {
    action: trimmed(values.action),
    entity: trimmed(values.entity),
    entityId: trimmed(values.entityId),
    actorUserId: trimmed(values.actorUserId),
    from: values.range?.[0]?.toISOString(),
    to: values.range?.[1]?.toISOString(),
  };
}

export function AuditLogPage() {
  const t = useT();
  const { locale } = useLocale();
  const [form] = Form.useForm<FilterForm>();
  const [filters, setFilters] = useState<AuditFilters>({});
  const audit = useAuditLog(filters);
  const verify = useVerifyAudit();
  const onProblem = useProblemHandler();

  const entries = audit.data?.pages.flatMap((p) => p.items) ?? [];

  const filterByActor = (actorUserId: string) => {
    form.setFieldValue('actorUserId', actorUserId);
    setFilters(toFilters(form.getFieldsValue()));
  };

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.seq'), dataIndex: 'seq', width: 80 },
    { title: t('audit.at'), dataIndex: 'at', render: (v: string) => formatDateTime(v, locale), width: 160 },
    {
      title: t('audit.actor'),
      key: 'actor',
      render: (_, e) =>
        e.actorUserId ? (
          <Typography.Link onClick={() => filterByActor(e.actorUserId!)} title={t('audit.filterByActor')}>
            {e.actorLabel}
          </Typography.Link>
        ) : (
          e.actorLabel
        ),
    },
    { title: t('audit.action'), dataIndex: 'action', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
    { title: t('audit.entity'), dataIndex: 'entity' },
    {
      title: t('audit.entityId'),
      dataIndex: 'entityId',
      render: (v: string) => (
        <Typography.Text copyable={{ text: v }} style={{ fontFamily: 'monospace', fontSize: 12 }}>
          {v.length > 13 ? `${v.slice(0, 8)}…` : v}
        </Typography.Text>
      ),
    },
  ];

  return (
    <Card
      title={t('audit.title')}
      extra={
        <Button
          icon={<SafetyCertificateOutlined />}
          loading={verify.isPending}
          onClick={() => verify.mutate(undefined, { onError: (error) => onProblem(error) })}
          data-testid="audit-verify"
        >
          {t('audit.verify')}
        </Button>
      }
    >
      {verify.data && (
        <Alert
          style={{ marginBottom: 16 }}
          type={verify.data.ok ? 'success' : 'error'}
          showIcon
          closable={{ onClose: () => verify.reset() }}
          title={
            verify.data.ok || !verify.data.broken
              ? t('audit.verifyOk', { rows: verify.data.rows })
              : t('audit.verifyBroken', { rows: verify.data.rows, seq: verify.data.broken.seq, reason: verify.data.broken.reason })
          }
          data-testid="audit-verify-result"
        />
      )}
      {audit.isError && <Alert type="error" showIcon title={audit.error.message} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="inline" onFinish={(values) => setFilters(toFilters(values))} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="action">
          <Input placeholder={t('audit.action')} allowClear style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="entity">
          <Input placeholder={t('audit.entity')} allowClear style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="entityId">
          <Input placeholder={t('audit.entityId')} allowClear style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="actorUserId" rules={[{ pattern: UUID, message: 'UUID' }]}>
          <Input placeholder={t('audit.actorUserId')} allowClear style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="range">
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowEmpty={[true, true]} />
        </Form.Item>
        <Flex gap={8}>
          <Button type="primary" htmlType="submit">
            {t('common.search')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              setFilters({});
            }}
          >
            {t('common.reset')}
          </Button>
        </Flex>
      </Form>
      <Table<AuditEntry>
        rowKey="seq"
        size="small"
        columns={columns}
        dataSource={entries}
        loading={audit.isLoading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        expandable={{
          expandedRowRender: (e) => (
            <Flex vertical gap={4}>
              {e.changes && (
                <pre style={{ margin: 0, fontSize: 12, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                  {JSON.stringify(e.changes, null, 2)}
                </pre>
              )}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('audit.entityId')}: {e.entityId}
                {e.organizationId && ` · ${t('audit.organizationId')}: ${e.organizationId}`}
                {e.requestId && ` · ${t('audit.requestId')}: ${e.requestId}`}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace' }}>
                {t('audit.hash')}: {e.hash}
              </Typography.Text>
            </Flex>
          ),
        }}
      />
      <Flex justify="center" style={{ marginTop: 16 }}>
        {audit.hasNextPage ? (
          <Button onClick={() => audit.fetchNextPage()} loading={audit.isFetchingNextPage} data-testid="audit-load-more">
            {t('common.loadMore')}
          </Button>
        ) : (
          entries.length > 0 && <Typography.Text type="secondary">{t('common.noMore')}</Typography.Text>
        )}
      </Flex>
    </Card>
  );
}
