import { App, Button, Card, Flex, Form, Input, List, Modal, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { SERVICE_CATEGORIES, SERVICE_CATEGORY_LABELS, type OfferingView } from '../../../../../common/api/services';
import { useT } from '../../../i18n/locale';
import { hasPermission, useMe } from '../../../lib/auth';
import { formatWan } from '../../../lib/money';
import { useProblemHandler } from '../../../lib/problems';
import { useCreateServiceRequest } from '../api/create-request';
import { useOfferings } from '../api/list-offerings';

function RequestModal({ offering, onClose }: { offering: OfferingView; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm();
  const create = useCreateServiceRequest();
  const onProblem = useProblemHandler();
  const { message } = App.useApp();
  return (
    <Modal
      open
      title={t('service.requestTitle', { title: offering.title })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v: { description: string }) =>
          create.mutate(
            { offeringId: offering.id, description: v.description },
            {
              onSuccess: () => {
                message.success(t('service.requested'));
                onClose();
              },
              onError: (e) => onProblem(e, form),
            },
          )
        }
      >
        <Form.Item name="description" label={t('service.description')} rules={[{ required: true, min: 5 }]}>
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** /services — the catalogue of professional services (IP agency, legal, valuation, evaluation). */
export function ServicesPage() {
  const t = useT();
  const { data: me } = useMe();
  const [category, setCategory] = useState<string>('all');
  const list = useOfferings(category === 'all' ? undefined : category);
  const [requesting, setRequesting] = useState<OfferingView | null>(null);
  const mayRequest = hasPermission(me, 'service:request');
  return (
    <Card
      title={t('service.catalogTitle')}
      extra={
        <Segmented
          value={category}
          onChange={(v) => setCategory(v as string)}
          options={[
            { value: 'all', label: t('service.all') },
            ...SERVICE_CATEGORIES.map((c) => ({ value: c, label: SERVICE_CATEGORY_LABELS[c] })),
          ]}
        />
      }
    >
      <List
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        renderItem={(o) => (
          <List.Item
            data-testid="service-offering"
            actions={[
              mayRequest ? (
                <Button key="req" type="primary" size="small" onClick={() => setRequesting(o)}>
                  {t('service.request')}
                </Button>
              ) : !me ? (
                <Link key="login" to="/login">
                  {t('service.loginToRequest')}
                </Link>
              ) : null,
            ]}
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  <Tag color="blue">{SERVICE_CATEGORY_LABELS[o.category]}</Tag>
                  {o.title}
                </Space>
              }
              description={
                <Flex vertical gap={4}>
                  <Typography.Text>{o.description}</Typography.Text>
                  <Typography.Text type="secondary">
                    {o.provider.name} · {t('service.sla', { quote: o.quoteWorkingDays, deliver: o.deliveryWorkingDays })} ·{' '}
                    {o.providerRating == null
                      ? t('service.noRating')
                      : t('service.rating', { rating: o.providerRating, n: o.providerRatings })}
                  </Typography.Text>
                </Flex>
              }
            />
            <Typography.Text strong style={{ color: '#cf1322' }}>
              {o.pricing === 'fixed' && o.priceFen != null ? formatWan(o.priceFen) : t('service.quoteBased')}
            </Typography.Text>
          </List.Item>
        )}
      />
      {requesting && <RequestModal offering={requesting} onClose={() => setRequesting(null)} />}
    </Card>
  );
}
