import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Result,
  Row,
  Select,
  Space,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { BROKER_TIER_LABELS, type BrokerTier } from '../../../../../common/api/brokers';
import { SERVICE_TYPES, type InstitutionView, type ServiceRecord } from '../../../../../common/api/institutions';
import { useLocale, useT } from '../../../i18n/locale';
import { isApiProblem } from '../../../lib/api';
import { formatWan } from '../../../lib/money';
import { useProblemHandler } from '../../../lib/problems';
import { useInstitution } from '../api/get-institution';
import { useUpdateProfile } from '../api/update-profile';
import { serviceLabel } from '../components/labels';

function RecordStats({ record }: { record: ServiceRecord }) {
  const t = useT();
  return (
    <Row gutter={16}>
      <Col span={8}>
        <Statistic title={t('inst.dealsBrokered')} value={record.dealsBrokered} />
      </Col>
      <Col span={8}>
        <Statistic title={t('inst.contractAmount')} value={formatWan(record.contractAmountFen)} />
      </Col>
      <Col span={8}>
        <Statistic title={t('inst.enterprisesServed')} value={record.enterprisesServed} />
      </Col>
      <Col span={8}>
        <Statistic title={t('inst.techAmount')} value={formatWan(record.technologyTransactionAmountFen)} />
      </Col>
      <Col span={8}>
        <Statistic title={t('inst.completedDeals')} value={record.completedDeals} />
      </Col>
      <Col span={8}>
        <Statistic title={t('inst.serviceIncome')} value={formatWan(record.serviceIncomeFen)} />
      </Col>
    </Row>
  );
}

function ProfileForm({ view, onClose }: { view: InstitutionView; onClose: () => void }) {
  const t = useT();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const update = useUpdateProfile();
  const onProblem = useProblemHandler();
  return (
    <Modal open title={t('inst.editProfile')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={update.isPending}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          services: view.services,
          serviceDescription: view.serviceDescription,
          foundedOn: view.foundedOn ? dayjs(view.foundedOn) : undefined,
          fullTimeStaff: view.fullTimeStaff ?? 0,
          totalStaff: view.totalStaff ?? 0,
        }}
        onFinish={(v) =>
          update.mutate(
            { id: view.id, body: { ...v, foundedOn: v.foundedOn?.format('YYYY-MM-DD') } },
            { onSuccess: () => (message.success(t('inst.saved')), onClose()), onError: (e) => onProblem(e, form) },
          )
        }
      >
        <Form.Item name="services" label={t('inst.services')} rules={[{ required: true }]}>
          <Select mode="multiple" options={SERVICE_TYPES.map((s) => ({ value: s, label: serviceLabel(s, locale) }))} />
        </Form.Item>
        <Form.Item name="foundedOn" label={t('inst.foundedOn')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Space>
          <Form.Item name="fullTimeStaff" label={t('inst.fullTimeStaff')} rules={[{ required: true }]}>
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name="totalStaff" label={t('inst.totalStaff')} rules={[{ required: true }]}>
            <InputNumber min={0} />
          </Form.Item>
        </Space>
        <Form.Item name="serviceDescription" label={t('inst.serviceDescription')}>
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** /institutions/:id — an institution's profile, computed service record, brokers, title and alliances. */
export function InstitutionDetailPage() {
  const { id = '' } = useParams();
  const t = useT();
  const { locale } = useLocale();
  const q = useInstitution(id);
  const [editing, setEditing] = useState(false);
  if (q.isPending) return <Card loading />;
  if (q.isError) return <Result status={isApiProblem(q.error, 'not_found') ? '404' : 'error'} title={t('inst.notFound')} />;
  const v = q.data;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            {v.name}
            {v.demonstration && <Tag color="gold">{t('inst.demonstration')}</Tag>}
          </Space>
        }
        extra={v.actions.includes('edit_profile') && <Button onClick={() => setEditing(true)}>{t('inst.editProfile')}</Button>}
      >
        {v.hasProfile ? (
          <Descriptions column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label={t('inst.services')} span={2}>
              {v.services.map((s) => (
                <Tag key={s}>{serviceLabel(s, locale)}</Tag>
              ))}
            </Descriptions.Item>
            <Descriptions.Item label={t('inst.foundedOn')}>{v.foundedOn}</Descriptions.Item>
            <Descriptions.Item label={t('inst.fullTimeStaff')}>{`${v.fullTimeStaff} / ${v.totalStaff}`}</Descriptions.Item>
            <Descriptions.Item label={t('inst.serviceDescription')} span={2}>
              {v.serviceDescription}
            </Descriptions.Item>
          </Descriptions>
        ) : (
          <Empty description={t('inst.noProfile')} />
        )}
      </Card>
      <Card title={t('inst.serviceRecord')}>
        <RecordStats record={v.serviceRecord} />
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          {t('inst.lastYear', { year: v.lastYear.year })}
        </Typography.Title>
        <RecordStats record={v.lastYear.record} />
      </Card>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Card title={t('inst.brokers')}>
            <List
              dataSource={v.brokers}
              renderItem={(b) => (
                <List.Item>
                  <Link to={`/brokers/${b.id}`}>{b.name}</Link>
                  <Tag>{b.tier ? BROKER_TIER_LABELS[b.tier as BrokerTier][locale === 'en' ? 'en' : 'zh'] : t('broker.noTier')}</Tag>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card title={t('inst.titles')}>
            <List
              dataSource={v.titles}
              renderItem={(ti) => (
                <List.Item>
                  <Link to={`/institutions/rounds/${ti.roundId}`}>{t('inst.titleRow', { year: ti.year, expiresOn: ti.expiresOn })}</Link>
                  <Tag color={ti.status === 'held' ? 'gold' : 'default'}>{t(`inst.title.${ti.status}`)}</Tag>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card title={t('inst.alliances')}>
            <List
              dataSource={v.alliances}
              renderItem={(a) => (
                <List.Item>
                  {a.name}
                  {a.lead && <Tag color="blue">{t('inst.lead')}</Tag>}
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
      {editing && <ProfileForm view={v} onClose={() => setEditing(false)} />}
    </Space>
  );
}
