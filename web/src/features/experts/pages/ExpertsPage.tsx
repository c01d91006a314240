import { Card, Flex, Input, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ExpertView } from '../../../../../common/api/experts';
import { FieldSelect } from '../../../components/catalog/FieldSelect';
import { useT } from '../../../i18n/locale';
import { useExperts } from '../api/list-experts';

const PAGE = 20;

/** /experts — the public expert directory (专家库), by field and words; contact details only reach staff. */
export function ExpertsPage() {
  const t = useT();
  const [field, setField] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const list = useExperts({ field, q: q.trim() || undefined, limit: PAGE, offset: (page - 1) * PAGE });
  const showContact = (list.data?.items ?? []).some((e) => e.contact !== null);
  return (
    <Card title={t('experts.title')}>
      <Typography.Paragraph type="secondary">{t('experts.intro')}</Typography.Paragraph>
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <div style={{ width: 260 }}>
          <FieldSelect
            value={field}
            placeholder={t('experts.allFields')}
            onChange={(v) => {
              setField(v || undefined);
              setPage(1);
            }}
          />
        </div>
        <Input.Search
          allowClear
          style={{ width: 320 }}
          placeholder={t('experts.search')}
          onSearch={(v) => {
            setQ(v);
            setPage(1);
          }}
          data-testid="experts-search"
        />
        {field && (
          <Tag closable onClose={() => setField(undefined)}>
            {field}
          </Tag>
        )}
      </Flex>
      <Table<ExpertView>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('experts.none') }}
        data-testid="experts-list"
        scroll={{ x: 900 }}
        pagination={{
          current: page,
          pageSize: PAGE,
          total: list.data?.total ?? 0,
          onChange: setPage,
          hideOnSinglePage: true,
          showTotal: (n) => t('experts.total', { n }),
        }}
        columns={[
          { title: t('experts.name'), dataIndex: 'name', render: (name: string) => <Typography.Text strong>{name}</Typography.Text> },
          { title: t('experts.titleCol'), dataIndex: 'title' },
          { title: t('experts.organization'), dataIndex: 'organizationName' },
          {
            title: t('experts.fields'),
            dataIndex: 'fields',
            render: (fields: ExpertView['fields']) => fields.map((f) => <Tag key={f.code}>{f.name}</Tag>),
          },
          { title: t('experts.keywords'), dataIndex: 'keywords', ellipsis: true },
          {
            title: t('experts.availability'),
            dataIndex: 'available',
            render: (ok: boolean, e) => (
              <Tag color={ok ? 'green' : 'default'} title={e.availabilityNote ?? undefined}>
                {ok ? t('experts.available') : t('experts.unavailable')}
              </Tag>
            ),
          },
          ...(showContact
            ? [
                {
                  title: t('experts.contact'),
                  key: 'contact',
                  render: (_: unknown, e: ExpertView) =>
                    e.contact ? (
                      <span data-testid="expert-contact">{[e.contact.phone, e.contact.email].filter(Boolean).join(' / ') || '—'}</span>
                    ) : (
                      '—'
                    ),
                },
                {
                  title: t('experts.openAssignments'),
                  dataIndex: 'openAssignments',
                  render: (n: number | null) => n ?? '—',
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
