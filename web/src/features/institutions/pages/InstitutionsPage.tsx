import { Card, Input, Space, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ROUND_STATUS_LABELS, type InstitutionSummary, type RoundSummary } from '../../../../../common/api/institutions';
import { useLocale, useT } from '../../../i18n/locale';
import { formatWan } from '../../../lib/money';
import { useInstitutions } from '../api/list-institutions';
import { useRounds } from '../api/list-rounds';
import { serviceLabel } from '../components/labels';

/** /institutions — the public directory of technology-transfer institutions, and the demonstration rounds. */
export function InstitutionsPage() {
  const t = useT();
  const { locale } = useLocale();
  const [q, setQ] = useState('');
  const [demoOnly, setDemoOnly] = useState(false);
  const list = useInstitutions({ q: q || undefined, demonstration: demoOnly ? 'true' : undefined });
  const rounds = useRounds();
  return (
    <Card>
      <Typography.Title level={3}>{t('inst.directoryTitle')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('inst.directorySubtitle')}</Typography.Paragraph>
      <Tabs
        items={[
          {
            key: 'directory',
            label: t('inst.directoryTitle'),
            children: (
              <>
                <Space style={{ marginBottom: 16 }} wrap>
                  <Input.Search
                    allowClear
                    placeholder={t('inst.search')}
                    onSearch={setQ}
                    style={{ width: 280 }}
                    data-testid="institution-search"
                  />
                  <Space>
                    <Switch checked={demoOnly} onChange={setDemoOnly} />
                    {t('inst.demonstrationOnly')}
                  </Space>
                </Space>
                <Table<InstitutionSummary>
                  rowKey="id"
                  loading={list.isPending}
                  dataSource={list.data?.items ?? []}
                  locale={{ emptyText: t('inst.none') }}
                  pagination={{ pageSize: 20, hideOnSinglePage: true }}
                  scroll={{ x: 900 }}
                  data-testid="institution-list"
                  columns={[
                    {
                      title: t('inst.name'),
                      dataIndex: 'name',
                      render: (name: string, r) => (
                        <Space direction="vertical" size={0}>
                          <Link to={`/institutions/${r.id}`}>{name}</Link>
                          {r.demonstration && <Tag color="gold">{t('inst.demonstration')}</Tag>}
                        </Space>
                      ),
                    },
                    {
                      title: t('inst.services'),
                      dataIndex: 'services',
                      render: (s: InstitutionSummary['services']) => s.map((x) => <Tag key={x}>{serviceLabel(x, locale)}</Tag>),
                    },
                    { title: t('inst.certifiedBrokers'), dataIndex: 'certifiedBrokers' },
                    { title: t('inst.dealsBrokered'), key: 'deals', render: (_, r) => r.serviceRecord.dealsBrokered },
                    { title: t('inst.contractAmount'), key: 'amount', render: (_, r) => formatWan(r.serviceRecord.contractAmountFen) },
                    { title: t('inst.enterprisesServed'), key: 'ent', render: (_, r) => r.serviceRecord.enterprisesServed },
                  ]}
                />
              </>
            ),
          },
          {
            key: 'rounds',
            label: t('inst.rounds'),
            children: (
              <Table<RoundSummary>
                rowKey="id"
                loading={rounds.isPending}
                dataSource={rounds.data?.items ?? []}
                locale={{ emptyText: t('round.none') }}
                pagination={false}
                columns={[
                  {
                    title: t('round.title'),
                    dataIndex: 'title',
                    render: (title: string, r) => <Link to={`/institutions/rounds/${r.id}`}>{title}</Link>,
                  },
                  {
                    title: t('round.status'),
                    dataIndex: 'status',
                    render: (s: RoundSummary['status']) => <Tag>{ROUND_STATUS_LABELS[s][locale === 'en' ? 'en' : 'zh']}</Tag>,
                  },
                  { title: t('round.deadline'), dataIndex: 'applicationDeadline' },
                  { title: t('round.applications'), dataIndex: 'applications' },
                ]}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
