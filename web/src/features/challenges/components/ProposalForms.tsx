import { Alert, App, Button, Checkbox, Form, Input, InputNumber, Space } from 'antd';
import type { ChallengeView } from '../../../../../common/api/challenges';
import { useT } from '../../../i18n/locale';
import { isApiProblem } from '../../../lib/api';
import { useRegisterChallenge } from '../api/register-challenge';
import { useScoreProposal } from '../api/score-proposal';
import { useSubmitProposal } from '../api/submit-proposal';

const problemText = (e: unknown) =>
  isApiProblem(e) ? (e.problem.errors?.map((x) => `${x.field}: ${x.message}`).join('；') ?? e.message) : String(e);

/** 报名揭榜: team, contact, consortium members and the agreement. */
export function RegistrationForm({ challenge }: { challenge: ChallengeView }) {
  const t = useT();
  const { message } = App.useApp();
  const register = useRegisterChallenge();
  return (
    <Form
      layout="vertical"
      onFinish={(v: {
        teamName: string;
        contactName: string;
        contactPhone: string;
        members?: { name: string; creditCode: string }[];
        accept: boolean;
      }) =>
        register.mutate(
          {
            id: challenge.id,
            body: {
              teamName: v.teamName,
              contactName: v.contactName,
              contactPhone: v.contactPhone,
              consortiumMembers: v.members ?? [],
              acceptAgreement: v.accept as true,
            },
          },
          { onError: (e) => void message.error(problemText(e)) },
        )
      }
    >
      <Form.Item name="teamName" label={t('challenges.teamName')} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      <Space wrap>
        <Form.Item name="contactName" label={t('challenges.contactName')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('challenges.contactPhone')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
      </Space>
      <Form.List name="members">
        {(fields, { add, remove }) => (
          <Form.Item label={t('challenges.members')}>
            {fields.map((f) => (
              <Space key={f.key} align="baseline">
                <Form.Item name={[f.name, 'name']} rules={[{ required: true }]}>
                  <Input placeholder="单位名称" />
                </Form.Item>
                <Form.Item name={[f.name, 'creditCode']} rules={[{ required: true }]}>
                  <Input placeholder="统一社会信用代码" />
                </Form.Item>
                <Button onClick={() => remove(f.name)}>−</Button>
              </Space>
            ))}
            {fields.length < challenge.consortium.maxMembers && <Button onClick={() => add()}>{t('challenges.addMember')}</Button>}
          </Form.Item>
        )}
      </Form.List>
      <Form.Item
        name="accept"
        valuePropName="checked"
        rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error('!'))) }]}
      >
        <Checkbox data-testid="accept-agreement">{t('challenges.acceptAgreement')}</Checkbox>
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={register.isPending}>
        {t('challenges.register')}
      </Button>
    </Form>
  );
}

/** The sealed 挑战报告. */
export function ProposalForm({ challenge, replacing }: { challenge: ChallengeView; replacing: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const submit = useSubmitProposal();
  return (
    <Form
      layout="vertical"
      onFinish={(v: { title: string; summary: string; report: string; attachment?: string }) =>
        submit.mutate(
          {
            id: challenge.id,
            body: {
              title: v.title,
              summary: v.summary,
              report: v.report,
              attachments: v.attachment ? [{ name: '附件.txt', mediaType: 'text/plain', text: v.attachment }] : [],
            },
          },
          {
            onSuccess: (p) => void message.success(t('challenges.submitted', { digest: p.digest.slice(0, 12) })),
            onError: (e) => void message.error(problemText(e)),
          },
        )
      }
    >
      <Alert type="info" showIcon message={t('challenges.sealedNote')} style={{ marginBottom: 16 }} />
      <Form.Item name="title" label={t('challenges.proposalTitle')} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      <Form.Item name="summary" label={t('challenges.summary')} rules={[{ required: true, min: 10 }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="report" label={t('challenges.report')} rules={[{ required: true, min: 20 }]}>
        <Input.TextArea rows={8} />
      </Form.Item>
      <Form.Item name="attachment" label={t('challenges.attachmentText')}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={submit.isPending}>
        {replacing ? t('challenges.replaceProposal') : t('challenges.submitProposal')}
      </Button>
    </Form>
  );
}

/** A seated expert's sheet for one proposal. */
export function ScoreForm({ challenge, proposalId }: { challenge: ChallengeView; proposalId: string }) {
  const t = useT();
  const { message } = App.useApp();
  const score = useScoreProposal();
  return (
    <Form
      layout="inline"
      onFinish={(v: Record<string, number | string>) => {
        const { comment, ...scores } = v;
        score.mutate(
          { id: challenge.id, proposalId, scores: scores as Record<string, number>, comment: (comment as string) || undefined },
          { onError: (e) => void message.error(problemText(e)) },
        );
      }}
    >
      {challenge.scoreSheet.criteria.map((c) => (
        <Form.Item key={c.key} name={c.key} label={`${c.label}（${c.weight}）`} rules={[{ required: true }]}>
          <InputNumber min={0} max={c.weight} step={0.5} />
        </Form.Item>
      ))}
      <Form.Item name="comment">
        <Input placeholder="评审意见" />
      </Form.Item>
      <Button htmlType="submit" type="primary" loading={score.isPending}>
        {t('challenges.saveScore')}
      </Button>
    </Form>
  );
}
