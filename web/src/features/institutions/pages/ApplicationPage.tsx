import { Alert, Button, Card, Descriptions, Form, Input, InputNumber, Result, Space, Table, Tag } from 'antd';
import { Link, useParams } from 'react-router';
import { APPLICATION_STATUS_LABELS, type ApplicationView, type CheckResult } from '../../../../../common/api/institutions';
import { useLocale, useT } from '../../../i18n/locale';
import { isApiProblem } from '../../../lib/api';
import { fenToWan, wanToFen } from '../../../lib/money';
import { useProblemHandler } from '../../../lib/problems';
import { useApplication, useDrawPanel, useTransitionApplication, useUpdateApplication } from '../api/applications';
import { formatFigure, metricLabel } from '../components/labels';

/**
 * /workspace/demonstration/:id — an application: the platform's prefilled figures and each threshold
 * passed or failed with its figure; the institution edits what it declares and submits; certifiers
 * draw the expert panel; seated experts see their own scores.
 */
export function ApplicationPage() {
  const { id = '' } = useParams();
  const t = useT();
  const { locale } = useLocale();
  const lang = locale === 'en' ? 'en' : 'zh';
  const q = useApplication(id);
  const update = useUpdateApplication();
  const transition = useTransitionApplication();
  const draw = useDrawPanel();
  const onProblem = useProblemHandler();
  const [form] = Form.useForm();
  if (q.isPending) return <Card loading />;
  if (q.isError) return <Result status={isApiProblem(q.error, 'not_found') ? '404' : 'error'} />;
  const a = q.data;
  const failed = a.checks.filter((c) => !c.passed);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            {`${a.organization.name} · ${a.roundTitle}`}
            <Tag>{APPLICATION_STATUS_LABELS[a.status][lang]}</Tag>
          </Space>
        }
        extra={
          <Space>
            {a.actions.includes('submit') && (
              <Button
                type="primary"
                data-testid="application-submit"
                loading={transition.isPending}
                onClick={() => transition.mutate({ id, action: 'submit' }, { onError: (e) => onProblem(e) })}
              >
                {t('dapp.submit')}
              </Button>
            )}
            {a.actions.includes('withdraw') && (
              <Button danger onClick={() => transition.mutate({ id, action: 'withdraw' }, { onError: (e) => onProblem(e) })}>
                {t('dapp.withdraw')}
              </Button>
            )}
            {a.actions.includes('assign_panel') && (
              <Button
                type="primary"
                loading={draw.isPending}
                onClick={() => draw.mutate({ id, body: {} }, { onError: (e) => onProblem(e) })}
              >
                {t('dapp.drawPanel')}
              </Button>
            )}
          </Space>
        }
      >
        <Descriptions>
          <Descriptions.Item label={t('round.title')}>
            <Link to={`/institutions/rounds/${a.roundId}`}>{a.roundTitle}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('round.mean')}>{a.mean ?? '—'}</Descriptions.Item>
        </Descriptions>
        {failed.length > 0 && <Alert type="warning" showIcon message={`${t('dapp.failed')}：${failed.map((c) => c.label).join('；')}`} />}
      </Card>
      <Card title={t('dapp.checks')}>
        <Table<CheckResult>
          rowKey="key"
          dataSource={a.checks}
          pagination={false}
          data-testid="application-checks"
          columns={[
            { title: t('round.title'), dataIndex: 'label' },
            {
              title: t('dapp.value'),
              key: 'v',
              render: (_, c) =>
                c.conditions.map((k) => (
                  <div key={k.metric}>
                    {`${metricLabel(k.metric, locale)}：${formatFigure(k.metric, k.value)}（${t('dapp.required')} ${k.op === 'gte' ? '≥' : '≤'} ${formatFigure(k.metric, k.required)}，${t(`dapp.origin.${k.origin}`)}）`}
                  </div>
                )),
            },
            {
              title: t('round.status'),
              dataIndex: 'passed',
              render: (p: boolean) => <Tag color={p ? 'green' : 'red'}>{p ? t('dapp.passed') : t('dapp.failed')}</Tag>,
            },
            { title: t('round.source'), dataIndex: 'source' },
          ]}
        />
      </Card>
      {a.actions.includes('edit') && (
        <Card title={t('dapp.title')}>
          <Form
            form={form}
            layout="vertical"
            initialValues={{
              income: fenToWan(a.figures.find((f) => f.metric === 'income_last_year_fen' && f.origin === 'declared')?.value ?? null),
              complaints: a.figures.find((f) => f.metric === 'complaints_last_2_years')?.value,
              statement: a.statement,
            }}
            onFinish={(v) =>
              update.mutate(
                {
                  id,
                  body: {
                    declaredIncomeLastYearFen: wanToFen(v.income),
                    declaredComplaintsLast2Years: v.complaints ?? null,
                    statement: v.statement ?? '',
                  },
                },
                { onError: (e) => onProblem(e, form) },
              )
            }
          >
            <Form.Item name="income" label={t('dapp.declaredIncome')}>
              <InputNumber min={0} style={{ width: 240 }} />
            </Form.Item>
            <Form.Item name="complaints" label={t('dapp.declaredComplaints')} rules={[{ required: true }]}>
              <InputNumber min={0} />
            </Form.Item>
            <Form.Item name="statement" label={t('dapp.statement')}>
              <Input.TextArea rows={4} maxLength={5000} />
            </Form.Item>
            <Button htmlType="submit" loading={update.isPending}>
              {t('dapp.save')}
            </Button>
          </Form>
        </Card>
      )}
      {a.panel && (
        <Card title={t('dapp.panel')}>
          {a.actions.includes('score') && (
            <Alert
              type="info"
              showIcon
              message={<Link to="/workspace/assignments">{t('dapp.scoreHere')}</Link>}
              style={{ marginBottom: 16 }}
            />
          )}
          <Table<ApplicationView['panel'] extends infer P ? (P extends { scorers: Array<infer S> } ? S : never) : never>
            rowKey={(s) => `${s.userId ?? ''}${s.total}`}
            dataSource={a.panel.scorers}
            pagination={false}
            columns={[
              { title: t('dapp.expert'), dataIndex: 'name', render: (n: string | null) => n ?? '—' },
              { title: t('dapp.total'), dataIndex: 'total', render: (x: number | null) => x ?? '—' },
              { title: t('dapp.dropped'), dataIndex: 'dropped', render: (d: boolean) => (d ? <Tag>{t('dapp.dropped')}</Tag> : null) },
            ]}
            footer={() => `${t('dapp.mean')}：${a.panel?.mean ?? '—'}`}
          />
          {a.myScores && (
            <Descriptions title={t('dapp.myScores')}>
              {Object.entries(a.myScores).map(([k, v]) => (
                <Descriptions.Item key={k} label={k}>
                  {v}
                </Descriptions.Item>
              ))}
            </Descriptions>
          )}
        </Card>
      )}
    </Space>
  );
}
