import { Card, Col, Descriptions, Result, Row, Space, Statistic, Table, Tag } from 'antd';
import { Link, useParams } from 'react-router';
import {
  BROKER_TIER_LABELS,
  TRAINING_MODULE_LABELS,
  type BrokerTier,
  type BrokerView,
  type TrainingModule,
} from '../../../../../common/api/brokers';
import { useLocale, useT } from '../../../i18n/locale';
import { isApiProblem } from '../../../lib/api';
import { formatDateTime } from '../../../lib/format';
import { formatWan } from '../../../lib/money';
import { useBroker } from '../api/get-broker';
import { KeeperForms } from '../components/KeeperForms';

/** /brokers/:id — a broker's public profile: tier, certificates, training and the computed track record. */
export function BrokerProfilePage() {
  const { id = '' } = useParams();
  const t = useT();
  const { locale } = useLocale();
  const q = useBroker(id);
  if (q.isPending) return <Card loading />;
  if (q.isError) return <Result status={isApiProblem(q.error, 'not_found') ? '404' : 'error'} title={t('broker.notFound')} />;
  const b = q.data;
  const lang = locale === 'en' ? 'en' : 'zh';
  const tierLabel = (x: BrokerTier | null) => (x ? BROKER_TIER_LABELS[x][lang] : t('broker.noTier'));
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            {b.name}
            <Tag color={b.tier ? 'blue' : 'default'}>{tierLabel(b.tier)}</Tag>
          </Space>
        }
        extra={<KeeperForms broker={b} />}
      >
        <Descriptions column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('broker.employer')}>
            {b.employer ? <Link to={`/institutions/${b.employer.id}`}>{b.employer.name}</Link> : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('broker.specialties')}>{b.specialties || '—'}</Descriptions.Item>
          {b.contact && (
            <Descriptions.Item label={t('broker.contact')}>{`${b.contact.phone ?? '—'} / ${b.contact.email ?? '—'}`}</Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card title={t('broker.trackRecord')}>
        <Row gutter={16}>
          <Col span={6}>
            <Statistic title={t('broker.contracts')} value={b.trackRecord.contracts} />
          </Col>
          <Col span={6}>
            <Statistic title={t('broker.amount')} value={formatWan(b.trackRecord.contractAmountFen)} />
          </Col>
          <Col span={6}>
            <Statistic title={t('inst.techAmount')} value={formatWan(b.trackRecord.technologyTransactionAmountFen)} />
          </Col>
          <Col span={6}>
            <Statistic title={t('inst.completedDeals')} value={b.trackRecord.completedDeals} />
          </Col>
        </Row>
        <Table<BrokerView['recentContracts'][number]>
          style={{ marginTop: 16 }}
          rowKey={(r) => r.registrationNumber ?? r.title}
          dataSource={b.recentContracts}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          scroll={{ x: 700 }}
          columns={[
            { title: t('broker.registrationNumber'), dataIndex: 'registrationNumber' },
            { title: t('broker.contractTitle'), dataIndex: 'title' },
            { title: t('broker.parties'), key: 'p', render: (_, r) => `${r.seller} / ${r.buyer}` },
            { title: t('broker.amount'), dataIndex: 'contractAmountFen', render: (f: number) => formatWan(f) },
            { title: t('broker.issuedOn'), dataIndex: 'certifiedAt', render: (d: string | null) => formatDateTime(d, locale) },
          ]}
        />
      </Card>
      <Card title={t('broker.accreditations')}>
        <Table<BrokerView['accreditations'][number]>
          rowKey="id"
          dataSource={b.accreditations}
          pagination={false}
          columns={[
            { title: t('broker.tier'), dataIndex: 'tier', render: (x: BrokerTier) => tierLabel(x) },
            { title: t('broker.certificate'), dataIndex: 'certificateNumber' },
            { title: t('broker.issuedOn'), dataIndex: 'issuedOn' },
            { title: t('broker.expiresOn'), dataIndex: 'expiresOn' },
            { title: t('broker.issuer'), dataIndex: 'issuer' },
            {
              title: t('broker.status'),
              dataIndex: 'status',
              render: (s: 'valid' | 'expired' | 'revoked') => <Tag color={s === 'valid' ? 'green' : 'default'}>{t(`broker.acc.${s}`)}</Tag>,
            },
          ]}
        />
      </Card>
      <Card title={`${t('broker.trainings')}（${b.trainingHours} ${t('broker.hours')}）`}>
        <Table<BrokerView['trainings'][number]>
          rowKey="id"
          dataSource={b.trainings}
          pagination={false}
          columns={[
            { title: t('broker.course'), dataIndex: 'course' },
            { title: t('broker.module'), dataIndex: 'module', render: (m: TrainingModule) => TRAINING_MODULE_LABELS[m][lang] },
            { title: t('broker.hours'), dataIndex: 'hours' },
            { title: t('broker.completedOn'), dataIndex: 'completedOn' },
            { title: t('broker.certificate'), dataIndex: 'certificateNumber' },
          ]}
        />
      </Card>
      {b.declarations && (
        <Card title={t('broker.declarations')}>
          <Table<NonNullable<BrokerView['declarations']>[number]>
            rowKey="id"
            dataSource={b.declarations}
            pagination={false}
            columns={[
              { title: t('broker.contractTitle'), dataIndex: 'contractTitle' },
              {
                title: t('broker.status'),
                dataIndex: 'hasConflict',
                render: (c: boolean) => (c ? <Tag color="red">{t('broker.hasConflict')}</Tag> : <Tag>{t('broker.noConflict')}</Tag>),
              },
              { title: '', dataIndex: 'relation' },
              { title: '', dataIndex: 'statement' },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}
