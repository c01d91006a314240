import { Button, Card, Table, Tag } from 'antd';
import { Link, useNavigate } from 'react-router';
import type { DisclosureSummary } from '../../../../../common/api/disclosures';
import { useLocale, useT } from '../../../i18n/locale';
import { formatDateTime } from '../../../lib/format';
import { useMyDisclosures } from '../api/list-my-disclosures';
import { DisclosureStatusTag } from '../components/DisclosureStatusTag';

/** /workspace/disclosures — a researcher's invention disclosures (职务发明披露). */
export function MyDisclosuresPage() {
  const t = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const list = useMyDisclosures();
  return (
    <Card
      title={t('tto.myDisclosures')}
      extra={
        <Button type="primary" onClick={() => navigate('/workspace/disclosures/new')} data-testid="new-disclosure">
          {t('tto.newDisclosure')}
        </Button>
      }
    >
      <DisclosureTable items={list.data?.items ?? []} loading={list.isPending} locale={locale} />
    </Card>
  );
}

export function DisclosureTable({ items, loading, locale }: { items: DisclosureSummary[]; loading: boolean; locale: string }) {
  const t = useT();
  return (
    <Table<DisclosureSummary>
      rowKey="id"
      loading={loading}
      dataSource={items}
      locale={{ emptyText: t('tto.none') }}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: 720 }}
      data-testid="disclosure-list"
      columns={[
        {
          title: t('tto.title'),
          dataIndex: 'title',
          render: (title: string, r) => (
            <Link to={`/workspace/disclosures/${r.id}`}>
              {title} {r.publiclyFunded && <Tag color="gold">{t('tto.publiclyFunded')}</Tag>}
            </Link>
          ),
        },
        { title: t('tto.inventors'), dataIndex: 'inventorNames', render: (names: string[]) => names.join('、') },
        { title: t('tto.status'), dataIndex: 'status', render: (s: DisclosureSummary['status']) => <DisclosureStatusTag status={s} /> },
        {
          title: t('tto.decisionDue'),
          dataIndex: 'decisionDueAt',
          render: (d: string | null, r) =>
            d ? (
              <span>
                {formatDateTime(d, locale as 'zh-CN' | 'en')} {r.overdue && <Tag color="red">{t('tto.overdue')}</Tag>}
              </span>
            ) : (
              '—'
            ),
        },
      ]}
    />
  );
}
