import { Button, Card, DatePicker, Form, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useNavigate } from 'react-router';
import { ROUND_STATUS_LABELS, type RoundSummary } from '../../../../../common/api/institutions';
import { useLocale, useT } from '../../../i18n/locale';
import { useProblemHandler } from '../../../lib/problems';
import { useCreateRound } from '../api/create-round';
import { useRounds } from '../api/list-rounds';

/** /workspace/demonstration/rounds — government officers open and run the yearly demonstration rounds. */
export function RoundsAdminPage() {
  const t = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const rounds = useRounds();
  const create = useCreateRound();
  const onProblem = useProblemHandler();
  const [form] = Form.useForm();
  const year = dayjs().year() + 1;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('round.open')}>
        <Typography.Paragraph type="secondary">{t('round.defaultThresholds')}</Typography.Paragraph>
        <Form
          form={form}
          layout="inline"
          initialValues={{
            year,
            title: `${year}年度天津市技术转移示范机构认定`,
            passMark: 70,
            panelSize: 5,
            noticeWorkingDays: 7,
            termYears: 3,
          }}
          onFinish={(v) =>
            create.mutate(
              { ...v, applicationDeadline: v.applicationDeadline.format('YYYY-MM-DD') },
              { onSuccess: (r) => navigate(`/institutions/rounds/${r.id}`), onError: (e) => onProblem(e, form) },
            )
          }
        >
          <Form.Item name="year" label={t('round.year')} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="title" label={t('round.title')} rules={[{ required: true }]}>
            <Input style={{ width: 320 }} />
          </Form.Item>
          <Form.Item name="applicationDeadline" label={t('round.deadline')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="passMark" label={t('round.passMark')}>
            <InputNumber min={0} max={100} />
          </Form.Item>
          <Form.Item name="panelSize" label={t('round.panelSize')}>
            <InputNumber min={1} max={15} />
          </Form.Item>
          <Form.Item name="noticeWorkingDays" label={t('round.noticeWorkingDays')}>
            <InputNumber min={1} max={30} />
          </Form.Item>
          <Form.Item name="termYears" label={t('round.termYears')}>
            <InputNumber min={1} max={10} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={create.isPending}>
              {t('round.open')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <Card title={t('inst.rounds')}>
        <Table<RoundSummary>
          rowKey="id"
          loading={rounds.isPending}
          dataSource={rounds.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t('round.none') }}
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
      </Card>
    </Space>
  );
}
