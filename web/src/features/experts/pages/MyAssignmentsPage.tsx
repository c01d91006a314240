import { App, Button, Card, Flex, Form, Input, InputNumber, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { MEMBER_STATUS_LABELS, type AssignmentView } from '../../../../../common/api/experts';
import { useLocale, useT } from '../../../i18n/locale';
import { formatDateTime } from '../../../lib/format';
import { useProblemHandler } from '../../../lib/problems';
import { useExcuseFromPanel } from '../api/excuse-from-panel';
import { useMyAssignments } from '../api/list-my-assignments';
import { useSubmitScores } from '../api/submit-scores';

const STATUS_COLORS: Record<AssignmentView['status'], string> = {
  assigned: 'blue',
  scored: 'green',
  conflict: 'orange',
  declined: 'default',
};

/** /workspace/assignments — the panels I was drawn onto: score on the sheet, or declare a conflict / decline. */
export function MyAssignmentsPage() {
  const t = useT();
  const { locale } = useLocale();
  const list = useMyAssignments();
  const [scoring, setScoring] = useState<AssignmentView | null>(null);
  const [excusing, setExcusing] = useState<{ a: AssignmentView; kind: 'conflict' | 'decline' } | null>(null);
  return (
    <Card title={t('assign.title')}>
      <Table<AssignmentView>
        rowKey="panelId"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('assign.none') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid="assignment-list"
        scroll={{ x: 860 }}
        columns={[
          { title: t('assign.subject'), dataIndex: 'subjectTitle' },
          { title: t('assign.sheet'), key: 'sheet', render: (_, a) => a.sheet.name },
          { title: t('assign.dueAt'), dataIndex: 'dueAt', render: (d: string | null) => formatDateTime(d, locale) },
          {
            title: t('assign.status'),
            dataIndex: 'status',
            render: (s: AssignmentView['status'], a) => (
              <Space size={4}>
                <Tag color={STATUS_COLORS[s]}>{MEMBER_STATUS_LABELS[s]}</Tag>
                {a.panelStatus === 'complete' && <Tag>{t('assign.panelComplete')}</Tag>}
              </Space>
            ),
          },
          { title: t('assign.myTotal'), key: 'total', render: (_, a) => a.myScores?.total ?? '—' },
          {
            key: 'actions',
            render: (_, a) =>
              a.actions.length > 0 && (
                <Space wrap>
                  <Button type="primary" size="small" onClick={() => setScoring(a)} data-testid="assignment-score">
                    {t('assign.score')}
                  </Button>
                  <Button size="small" onClick={() => setExcusing({ a, kind: 'conflict' })}>
                    {t('assign.conflict')}
                  </Button>
                  <Button size="small" type="text" onClick={() => setExcusing({ a, kind: 'decline' })}>
                    {t('assign.decline')}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      {scoring && <ScoreForm assignment={scoring} onClose={() => setScoring(null)} />}
      {excusing && <ExcuseForm assignment={excusing.a} kind={excusing.kind} onClose={() => setExcusing(null)} />}
    </Card>
  );
}

function ScoreForm({ assignment, onClose }: { assignment: AssignmentView; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const submit = useSubmitScores();
  const onProblem = useProblemHandler();
  const values = Form.useWatch('scores', form) as Record<string, number | null> | undefined;
  const total = Math.round(Object.values(values ?? {}).reduce<number>((s, v) => s + (v ?? 0), 0) * 10) / 10;
  const { sheet } = assignment;
  const onFinish = async (v: { scores: Record<string, number>; comment?: string }) => {
    try {
      await submit.mutateAsync({ panelId: assignment.panelId, scores: v.scores, comment: v.comment });
      message.success(t('assign.submitted'));
      onClose();
    } catch (err) {
      onProblem(err, form);
    }
  };
  return (
    <Modal open title={t('assign.formTitle', { subject: assignment.subjectTitle })} onCancel={onClose} footer={null} width={680}>
      <Typography.Paragraph type="secondary">{t('assign.source', { source: sheet.source })}</Typography.Paragraph>
      <Form form={form} layout="horizontal" onFinish={onFinish} data-testid="score-form" labelCol={{ span: 14 }} wrapperCol={{ span: 10 }}>
        {sheet.criteria.map((c) => (
          <Form.Item
            key={c.key}
            name={['scores', c.key]}
            label={`${c.label}（0–${c.weight}）`}
            rules={[{ required: true, message: `0–${c.weight}` }]}
          >
            <InputNumber min={0} max={c.weight} step={0.5} precision={1} style={{ width: 120 }} data-testid={`score-${c.key}`} />
          </Form.Item>
        ))}
        <Flex justify="end" style={{ marginBottom: 16 }}>
          <Typography.Text strong data-testid="score-total">
            {t('assign.total')}：{total} / 100
          </Typography.Text>
        </Flex>
        <Form.Item name="comment" label={t('assign.comment')} labelCol={{ span: 24 }} wrapperCol={{ span: 24 }}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Flex justify="end">
          <Button type="primary" htmlType="submit" loading={submit.isPending} data-testid="score-submit">
            {t('assign.submit')}
          </Button>
        </Flex>
      </Form>
    </Modal>
  );
}

function ExcuseForm({ assignment, kind, onClose }: { assignment: AssignmentView; kind: 'conflict' | 'decline'; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const excuse = useExcuseFromPanel();
  const onProblem = useProblemHandler();
  const onFinish = async (v: { reason: string }) => {
    try {
      const { replaced } = await excuse.mutateAsync({ panelId: assignment.panelId, kind, reason: v.reason });
      message.success(replaced ? t('assign.replaced') : t('assign.notReplaced'));
      onClose();
    } catch (err) {
      onProblem(err, form);
    }
  };
  return (
    <Modal
      open
      title={`${kind === 'conflict' ? t('assign.conflict') : t('assign.decline')}：${assignment.subjectTitle}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={excuse.isPending}
    >
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item name="reason" label={t('assign.reason')} rules={[{ required: true, min: 2 }]}>
          <Input.TextArea rows={3} maxLength={500} placeholder={t('assign.reasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
