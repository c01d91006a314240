import { App, Button, Card, Checkbox, DatePicker, Form, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { Link, useNavigate } from 'react-router';
import { CHALLENGE_STATUS_LABELS, IP_TERM_TEMPLATES, IP_TERMS, type IpTerms } from '../../../../../common/api/challenges';
import { useT } from '../../../i18n/locale';
import { hasPermission, useMe } from '../../../lib/auth';
import { isApiProblem } from '../../../lib/api';
import { useCreateChallenge } from '../api/create-challenge';
import { useMyChallenges } from '../api/list-my-challenges';

interface NewChallenge {
  title: string;
  problem: string;
  targets?: string;
  fieldCode: string;
  prizeWan: number;
  ipTerms: IpTerms;
  registrationDeadline: Dayjs;
  submissionDeadline: Dayjs;
  sponsorAnonymous?: boolean;
  demandId?: string;
}

/** Sponsors' and staff's challenges: what awaits screening, what is open, what was awarded; and a new one from a demand. */
export function MyChallengesPage() {
  const t = useT();
  const me = useMe().data;
  const { message } = App.useApp();
  const navigate = useNavigate();
  const mine = useMyChallenges();
  const create = useCreateChallenge();
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card title={t('challenges.myTitle')}>
        <Table
          rowKey="id"
          loading={mine.isLoading}
          dataSource={mine.data?.items ?? []}
          columns={[
            { title: t('challenges.title'), render: (_, c) => <Link to={`/challenges/${c.id}`}>{c.title}</Link> },
            { title: '', render: (_, c) => <Tag>{CHALLENGE_STATUS_LABELS[c.status]}</Tag> },
            { title: t('challenges.sponsor'), render: (_, c) => c.sponsor?.name ?? t('challenges.anonymousSponsor') },
            {
              title: t('challenges.submissionCloses'),
              render: (_, c) => new Date(c.submissionDeadline).toLocaleString('zh-CN', { hour12: false }),
            },
            { title: t('challenges.proposals'), dataIndex: 'proposals' },
          ]}
        />
      </Card>
      {hasPermission(me, 'challenge:sponsor') && (
        <Card title={t('challenges.new')}>
          <Form<NewChallenge>
            layout="vertical"
            initialValues={{ ipTerms: 'solver_keeps', fieldCode: 'D15' }}
            onFinish={(v) =>
              create.mutate(
                {
                  title: v.title,
                  problem: v.problem,
                  targets: v.targets ?? '',
                  fieldCode: v.fieldCode,
                  reward: { kind: 'prize', prizes: [{ label: '揭榜奖', count: 1, amountFen: Math.round(v.prizeWan * 1_000_000) }] },
                  ipTerms: v.ipTerms,
                  sponsorAnonymous: Boolean(v.sponsorAnonymous),
                  demandId: v.demandId || null,
                  timeline: {
                    registrationDeadline: v.registrationDeadline.toDate().toISOString(),
                    submissionDeadline: v.submissionDeadline.toDate().toISOString(),
                  },
                },
                {
                  onSuccess: (c) => {
                    void message.success(t('challenges.created'));
                    void navigate(`/challenges/${c.id}`);
                  },
                  onError: (e) =>
                    void message.error(
                      isApiProblem(e) ? (e.problem.errors?.map((x) => `${x.field}: ${x.message}`).join('；') ?? e.message) : String(e),
                    ),
                },
              )
            }
          >
            <Form.Item name="demandId" label={t('challenges.fromDemand')}>
              <Input />
            </Form.Item>
            <Form.Item name="title" label={t('challenges.title')} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="problem" label={t('challenges.problem')} rules={[{ required: true, min: 20 }]}>
              <Input.TextArea rows={4} />
            </Form.Item>
            <Form.Item name="targets" label={t('challenges.targets')}>
              <Input.TextArea rows={2} />
            </Form.Item>
            <Space wrap>
              <Form.Item name="fieldCode" label={t('challenges.field')} rules={[{ required: true }]}>
                <Input style={{ width: 120 }} />
              </Form.Item>
              <Form.Item name="prizeWan" label={t('challenges.prize')} rules={[{ required: true }]}>
                <InputNumber min={0} />
              </Form.Item>
              <Form.Item name="ipTerms" label={t('challenges.ipTerms')}>
                <Select style={{ width: 220 }} options={IP_TERMS.map((k) => ({ value: k, label: IP_TERM_TEMPLATES[k].label }))} />
              </Form.Item>
              <Form.Item name="registrationDeadline" label={t('challenges.registrationCloses')} rules={[{ required: true }]}>
                <DatePicker showTime />
              </Form.Item>
              <Form.Item name="submissionDeadline" label={t('challenges.submissionCloses')} rules={[{ required: true }]}>
                <DatePicker showTime />
              </Form.Item>
              <Form.Item name="sponsorAnonymous" valuePropName="checked" label=" ">
                <Checkbox>{t('challenges.anonymous')}</Checkbox>
              </Form.Item>
            </Space>
            <Button type="primary" htmlType="submit" loading={create.isPending}>
              {t('challenges.create')}
            </Button>
          </Form>
        </Card>
      )}
    </Space>
  );
}
