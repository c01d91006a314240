import { App, Button, Card, Form, Input, InputNumber, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import {
  EVALUATION_VALUES,
  EVALUATION_VALUE_LABELS,
  SERVICE_REQUEST_STATUS_LABELS,
  SERVICE_TRANSITION_LABELS,
  type ServiceRequestView,
  type ServiceTransition,
} from '../../../../../common/api/services';
import { useLocale, useT } from '../../../i18n/locale';
import { formatDateTime } from '../../../lib/format';
import { formatWan } from '../../../lib/money';
import { useProblemHandler } from '../../../lib/problems';
import { useMyServiceRequests } from '../api/list-my-requests';
import { useTransitionServiceRequest } from '../api/transition-request';

function ActionModal({ request, action, onClose }: { request: ServiceRequestView; action: ServiceTransition; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm();
  const transition = useTransitionServiceRequest();
  const onProblem = useProblemHandler();
  const { message } = App.useApp();
  return (
    <Modal
      open
      title={`${SERVICE_TRANSITION_LABELS[action]}：${request.offeringTitle}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={transition.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v: {
          quoteYuan?: number;
          note?: string;
          rating?: number;
          comment?: string;
          evaluationValues?: Record<string, string>;
        }) =>
          transition.mutate(
            {
              id: request.id,
              body: {
                action,
                quoteFen: v.quoteYuan == null ? undefined : Math.round(v.quoteYuan * 100),
                note: v.note,
                rating: v.rating,
                comment: v.comment,
                evaluationValues: v.evaluationValues,
              },
            },
            {
              onSuccess: () => {
                message.success(t('service.done'));
                onClose();
              },
              onError: (e) => onProblem(e, form),
            },
          )
        }
      >
        {action === 'quote' && (
          <Form.Item name="quoteYuan" label={t('service.quoteFen')} rules={[{ required: true }]}>
            <InputNumber min={0} step={1000} style={{ width: 200 }} />
          </Form.Item>
        )}
        {action === 'rate' ? (
          <>
            <Form.Item name="rating" label={t('service.rate')} rules={[{ required: true }]}>
              <InputNumber min={1} max={5} />
            </Form.Item>
            <Form.Item name="comment" label={t('service.note')}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </>
        ) : (
          action !== 'accept' && (
            <Form.Item name="note" label={t('service.note')} rules={action === 'deliver' ? [{ required: true }] : []}>
              <Input.TextArea rows={3} />
            </Form.Item>
          )
        )}
        {action === 'deliver' && request.category === 'evaluation' && (
          <>
            <Typography.Text strong>{t('service.evaluationValues')}</Typography.Text>
            {EVALUATION_VALUES.map((k) => (
              <Form.Item key={k} name={['evaluationValues', k]} label={EVALUATION_VALUE_LABELS[k]} rules={[{ required: true }]}>
                <Input />
              </Form.Item>
            ))}
          </>
        )}
      </Form>
    </Modal>
  );
}

/** /workspace/services — service requests of my organisations, as requester or provider, with the steps open to me. */
export function MyServiceRequestsPage() {
  const t = useT();
  const { locale } = useLocale();
  const list = useMyServiceRequests();
  const [acting, setActing] = useState<{ request: ServiceRequestView; action: ServiceTransition } | null>(null);
  return (
    <Card title={t('service.myTitle')}>
      <Table<ServiceRequestView>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('service.none') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 900 }}
        data-testid="service-requests"
        columns={[
          { title: t('service.request'), dataIndex: 'offeringTitle' },
          {
            title: t('service.counterpart'),
            key: 'counterpart',
            render: (_, r) => (
              <Space direction="vertical" size={0}>
                {r.mySide === 'requester' ? r.provider.name : r.requester.name}
                <Typography.Text type="secondary">{t(`service.side.${r.mySide}`)}</Typography.Text>
              </Space>
            ),
          },
          {
            title: t('service.status'),
            dataIndex: 'status',
            render: (s: ServiceRequestView['status'], r) => (
              <Space direction="vertical" size={0}>
                <Tag>{SERVICE_REQUEST_STATUS_LABELS[s]}</Tag>
                {r.rating != null && <span>★ {r.rating}</span>}
              </Space>
            ),
          },
          { title: t('service.quote'), dataIndex: 'quoteFen', render: (fen: number | null) => (fen == null ? '—' : formatWan(fen)) },
          {
            title: t('service.due'),
            dataIndex: 'dueAt',
            render: (due: string | null, r) =>
              due ? (
                <Space direction="vertical" size={0}>
                  {formatDateTime(due, locale)}
                  {r.overdue && <Tag color="red">{t('service.overdue')}</Tag>}
                  {r.dueEstimated && <Typography.Text type="secondary">{t('service.estimated')}</Typography.Text>}
                </Space>
              ) : (
                '—'
              ),
          },
          {
            key: 'actions',
            render: (_, r) => (
              <Space wrap>
                {r.actions.map((a) => (
                  <Button key={a} size="small" onClick={() => setActing({ request: r, action: a })}>
                    {SERVICE_TRANSITION_LABELS[a]}
                  </Button>
                ))}
              </Space>
            ),
          },
        ]}
      />
      {acting && <ActionModal request={acting.request} action={acting.action} onClose={() => setActing(null)} />}
    </Card>
  );
}
