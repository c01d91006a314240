import { Alert, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { CatalogueItemView } from '../../../../../common/api/export-control';
import { useT } from '../../../i18n/locale';
import { useCatalogue, useCatalogues } from '../api/list-catalogues';

/** /export-control/catalogue — the versions of 中国禁止出口限制出口技术目录 and their items (public). */
export function CataloguePage() {
  const t = useT();
  const versions = useCatalogues();
  const active = versions.data?.items.find((c) => c.status === 'active');
  const [chosen, setChosen] = useState<string | undefined>();
  const id = chosen ?? active?.id;
  const catalogue = useCatalogue(id);
  return (
    <Card
      title={t('exportControl.catalogueTitle')}
      extra={
        <Select
          style={{ minWidth: 280 }}
          value={id}
          onChange={setChosen}
          options={(versions.data?.items ?? []).map((c) => ({
            value: c.id,
            label: `${c.label} · ${c.publishedOn}${c.status === 'active' ? ` · ${t('exportControl.inForce')}` : ''}`,
          }))}
        />
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        {catalogue.data?.origin === 'seed' && <Alert type="info" showIcon message={t('exportControl.subsetNote')} />}
        <Typography.Text type="secondary">{catalogue.data?.sourceDocument}</Typography.Text>
        <Table<CatalogueItemView>
          rowKey="id"
          loading={catalogue.isPending && !!id}
          dataSource={catalogue.data?.items ?? []}
          pagination={false}
          data-testid="export-catalogue"
          scroll={{ x: 760 }}
          columns={[
            { title: t('exportControl.code'), dataIndex: 'code', width: 100, render: (c: string | null) => c ?? '—' },
            {
              title: t('exportControl.classLabel'),
              dataIndex: 'class',
              width: 100,
              render: (c: CatalogueItemView['class']) => (
                <Tag color={c === 'prohibited' ? 'red' : 'orange'}>{t(`exportControl.class.${c}`)}</Tag>
              ),
            },
            { title: t('exportControl.industry'), dataIndex: 'industry', width: 180 },
            { title: t('exportControl.name'), dataIndex: 'name', width: 220 },
            {
              title: t('exportControl.controlPoints'),
              dataIndex: 'controlPoints',
              render: (points: string[], r) => (
                <Space direction="vertical" size={0}>
                  {points.map((p, i) => (
                    <Typography.Text key={p}>{`${i + 1}. ${p}`}</Typography.Text>
                  ))}
                  {r.note && <Typography.Text type="secondary">{r.note}</Typography.Text>}
                </Space>
              ),
            },
          ]}
        />
      </Space>
    </Card>
  );
}
