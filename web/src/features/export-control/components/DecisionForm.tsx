import { App, Button, DatePicker, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { ScreeningTransition, ScreeningView } from '../../../../../common/api/export-control';
import { useT } from '../../../i18n/locale';
import { useTransitionScreening } from '../api/transition-screening';

/** The reviewer's next step: the decision, or the letter of intent / licence / refusal once held. */
export function DecisionForm({ screening }: { screening: ScreeningView }) {
  const t = useT();
  const { message } = App.useApp();
  const transition = useTransitionScreening();
  const [action, setAction] = useState<ScreeningTransition | undefined>(screening.actions[0]);
  if (!action) return null;
  const submit = async (v: {
    decision?: 'free' | 'restricted' | 'prohibited';
    itemIds?: string[];
    reason?: string;
    number?: string;
    issuedOn?: Dayjs;
  }) => {
    const body =
      action === 'decide'
        ? { action, decision: v.decision!, itemIds: v.itemIds ?? [], reason: v.reason ?? '' }
        : action === 'record_refusal'
          ? { action, reason: v.reason ?? '' }
          : { action, number: v.number ?? '', issuedOn: v.issuedOn!.format('YYYY-MM-DD') };
    await transition.mutateAsync({ id: screening.id, body });
    message.success(t(`exportControl.action.${action}`));
  };
  return (
    <Form layout="vertical" onFinish={submit} data-testid="screening-decision">
      <Form.Item label={t('exportControl.nextStep')}>
        <Select
          value={action}
          onChange={setAction}
          options={screening.actions.map((a) => ({ value: a, label: t(`exportControl.action.${a}`) }))}
        />
      </Form.Item>
      {action === 'decide' && (
        <>
          <Form.Item name="decision" label={t('exportControl.decision')} rules={[{ required: true }]}>
            <Select
              options={(['free', 'restricted', 'prohibited'] as const).map((d) => ({
                value: d,
                label: t(`exportControl.decisionLabel.${d}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="itemIds" label={t('exportControl.items')}>
            <Select
              mode="multiple"
              options={screening.candidates.map((c) => ({ value: c.itemId, label: `${c.code ?? ''} ${c.name}`.trim() }))}
            />
          </Form.Item>
        </>
      )}
      {(action === 'decide' || action === 'record_refusal') && (
        <Form.Item name="reason" label={t('exportControl.reason')} rules={[{ required: true, min: 4 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      )}
      {(action === 'record_intent' || action === 'record_licence') && (
        <Space wrap>
          <Form.Item name="number" label={t('exportControl.documentNo')} rules={[{ required: true, min: 4 }]}>
            <Input style={{ width: 260 }} />
          </Form.Item>
          <Form.Item name="issuedOn" label={t('exportControl.issuedOn')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
        </Space>
      )}
      <Button type="primary" htmlType="submit" loading={transition.isPending}>
        {t('exportControl.submit')}
      </Button>
    </Form>
  );
}
