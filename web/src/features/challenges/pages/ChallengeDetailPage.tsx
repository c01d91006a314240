import { Alert, App, Button, Card, Checkbox, Descriptions, Input, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import {
  CHALLENGE_STATUS_LABELS,
  CHALLENGE_TRANSITION_LABELS,
  CHALLENGE_TRANSITIONS,
  IP_TERM_TEMPLATES,
  type ChallengeTransition,
  type ChallengeView,
  type ProposalView,
} from '../../../../../common/api/challenges';
import { useT } from '../../../i18n/locale';
import { useMe } from '../../../lib/auth';
import { isApiProblem } from '../../../lib/api';
import { useApplyContract } from '../api/apply-contract';
import { useChallenge } from '../api/get-challenge';
import { useProposals } from '../api/list-proposals';
import { useTransitionChallenge } from '../api/transition-challenge';
import { Countdown } from '../components/Countdown';
import { rewardText, wan } from '../components/money';
import { ProposalForm, RegistrationForm, ScoreForm } from '../components/ProposalForms';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '—');

/** One challenge: the problem, reward, IP terms and timeline; registration, the sealed proposal, and the staff's steps. */
export function ChallengeDetailPage() {
  const { id = '' } = useParams();
  const t = useT();
  const me = useMe().data;
  const challenge = useChallenge(id);
  const proposals = useProposals(id, Boolean(me) && Boolean(challenge.data));
  if (challenge.isLoading) return <Spin />;
  if (!challenge.data) return <Alert type="warning" message={t('challenges.notFound')} />;
  const c = challenge.data;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={2}>
          {c.title} <Tag color={c.status === 'published' ? 'green' : 'default'}>{CHALLENGE_STATUS_LABELS[c.status]}</Tag>
        </Typography.Title>
        <Typography.Text type="secondary">
          {t('challenges.sponsor')}：{c.sponsor?.name ?? t('challenges.anonymousSponsor')}
        </Typography.Text>
      </div>
      {c.returnReason && <Alert type="warning" message={c.returnReason} />}
      <Card>
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label={t('challenges.problem')}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{c.problem}</Typography.Paragraph>
          </Descriptions.Item>
          {c.targets && <Descriptions.Item label={t('challenges.targets')}>{c.targets}</Descriptions.Item>}
          <Descriptions.Item label={c.reward.kind === 'prize' ? t('challenges.reward') : t('challenges.budget')}>
            {rewardText(c.reward)}
          </Descriptions.Item>
          <Descriptions.Item label={t('challenges.ipTerms')}>
            <b>{IP_TERM_TEMPLATES[c.ipTerms].label}</b>：{c.ipTermsText}
          </Descriptions.Item>
          <Descriptions.Item label={t('challenges.registrationCloses')}>
            {when(c.timeline.registrationDeadline)}{' '}
            {c.status === 'published' && <Countdown deadline={c.registrationDeadline} serverNow={c.now} />}
          </Descriptions.Item>
          <Descriptions.Item label={t('challenges.submissionCloses')}>
            {when(c.timeline.submissionDeadline)}{' '}
            {c.status === 'published' && <Countdown deadline={c.submissionDeadline} serverNow={c.now} testId="submission-countdown" />}
          </Descriptions.Item>
          {c.timeline.roadshowAt && (
            <Descriptions.Item label={t('challenges.timeline')}>
              {t('challenges.roadshow', { time: when(c.timeline.roadshowAt), place: c.timeline.roadshowPlace ?? '' })}
            </Descriptions.Item>
          )}
        </Descriptions>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('challenges.consortiumRule', { n: c.consortium.maxMembers, source: c.consortium.source })}
        </Typography.Paragraph>
      </Card>
      {c.awards.length > 0 && <Awards c={c} />}
      {c.shortlist.length > 0 && (
        <Card title={t('challenges.shortlist')}>
          {c.shortlist.map((s) => (
            <Tag key={s.proposalId}>
              {s.teamName}（{s.organization.name}）
            </Tag>
          ))}
        </Card>
      )}
      {c.stages.length > 0 && (
        <Card title={t('challenges.stages')}>
          {c.stages.map((s) => (
            <div key={s.seq}>
              {s.seq}. {s.name}：{s.keptProposalIds.length} 队
              {s.payments.length > 0 && `，里程碑付款 ${wan(s.payments.reduce((x, p) => x + p.amountFen, 0))}`}
            </div>
          ))}
        </Card>
      )}
      {c.myRegistration && <Alert type="success" message={t('challenges.registered', { team: c.myRegistration.teamName })} />}
      {c.actions.includes('register') && (
        <Card title={t('challenges.register')}>
          <RegistrationForm challenge={c} />
        </Card>
      )}
      {c.actions.includes('submit_proposal') && (
        <Card title={t('challenges.submitProposal')}>
          <ProposalForm challenge={c} replacing={Boolean(c.myRegistration?.proposalId)} />
        </Card>
      )}
      {proposals.data && proposals.data.items.length > 0 && <Proposals c={c} items={proposals.data.items} />}
      <StaffSteps c={c} proposals={proposals.data?.items ?? []} />
    </Space>
  );
}

function Awards({ c }: { c: ChallengeView }) {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const apply = useApplyContract();
  const [signedOn, setSignedOn] = useState(new Date().toISOString().slice(0, 10));
  return (
    <Card title={t('challenges.awards')}>
      {c.awards.map((a) => (
        <div key={a.proposalId}>
          <Tag color="gold">{a.prizeLabel}</Tag> {a.teamName}（{a.organization.name}） {wan(a.amountFen)}
        </div>
      ))}
      {c.actions.includes('apply_contract') && (
        <Space style={{ marginTop: 12 }}>
          {t('challenges.signedOn')}
          <Input type="date" value={signedOn} onChange={(e) => setSignedOn(e.target.value)} style={{ width: 160 }} />
          <Button
            type="primary"
            loading={apply.isPending}
            onClick={() =>
              apply.mutate(
                { id: c.id, signedOn },
                {
                  onSuccess: (r) => {
                    void message.success(t('challenges.contractFiled'));
                    void navigate(`/workspace/contracts/${r.contractId}`);
                  },
                  onError: (e) => void message.error(isApiProblem(e) ? e.message : String(e)),
                },
              )
            }
          >
            {t('challenges.applyContract')}
          </Button>
        </Space>
      )}
    </Card>
  );
}

function Proposals({ c, items }: { c: ChallengeView; items: ProposalView[] }) {
  const t = useT();
  return (
    <Card title={t('challenges.proposals')}>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={items}
        expandable={{
          rowExpandable: (p) => Boolean(p.content),
          expandedRowRender: (p) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{p.content?.report}</Typography.Paragraph>
              {p.content?.attachments.map((a) => (
                <Typography.Text key={a.name} type="secondary">
                  📎 {a.name}
                  {a.text ? `：${a.text}` : ''}
                </Typography.Text>
              ))}
              {p.score && !p.score.mine && c.status === 'scoring' && !p.score.complete && <ScoreForm challenge={c} proposalId={p.id} />}
            </Space>
          ),
        }}
        columns={[
          { title: t('challenges.teamName'), render: (_, p) => `${p.teamName}（${p.organization.name}）` },
          {
            title: t('challenges.proposalTitle'),
            render: (_, p) =>
              p.content ? (
                p.content.title
              ) : (
                <Tag data-testid="sealed">{t('challenges.sealedRow', { time: when(c.submissionDeadline) })}</Tag>
              ),
          },
          {
            title: t('challenges.score'),
            render: (_, p) =>
              p.score
                ? p.score.mean !== null
                  ? p.score.mean
                  : p.score.mine
                    ? p.score.mine.total
                    : t('challenges.scorePending', { n: p.score.scored, m: p.score.seats })
                : '—',
          },
          { title: '', render: (_, p) => p.shortlisted && <Tag color="blue">{t('challenges.shortlisted')}</Tag> },
        ]}
      />
    </Card>
  );
}

/** The transitions the caller may fire (the server says which), with what each needs. */
function StaffSteps({ c, proposals }: { c: ChallengeView; proposals: ProposalView[] }) {
  const t = useT();
  const { message } = App.useApp();
  const transition = useTransitionChallenge();
  const [reason, setReason] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [roadshowAt, setRoadshowAt] = useState('');
  const [place, setPlace] = useState('');
  const steps = CHALLENGE_TRANSITIONS.filter((a) => c.actions.includes(a));
  if (steps.length === 0) return null;
  const firstPrize = c.reward.kind === 'prize' ? c.reward.prizes[0]! : { label: '揭榜奖', amountFen: c.reward.budgetFen };
  const fire = (action: ChallengeTransition) =>
    transition.mutate(
      {
        id: c.id,
        body: {
          action,
          reason: reason || undefined,
          proposalIds: action === 'shortlist' ? picked : undefined,
          roadshowAt: action === 'schedule_roadshow' && roadshowAt ? new Date(roadshowAt).toISOString() : undefined,
          roadshowPlace: action === 'schedule_roadshow' ? place : undefined,
          awards:
            action === 'award'
              ? picked.map((proposalId) => ({ proposalId, prizeLabel: firstPrize.label, amountFen: firstPrize.amountFen }))
              : undefined,
        },
      },
      {
        onError: (e) => void message.error(isApiProblem(e) ? (e.problem.errors?.map((x) => x.message).join('；') ?? e.message) : String(e)),
      },
    );
  return (
    <Card title="管理操作">
      <Space direction="vertical" style={{ width: '100%' }}>
        {(steps.includes('shortlist') || steps.includes('award')) && (
          <Checkbox.Group value={picked} onChange={(v) => setPicked(v as string[])}>
            {proposals.map((p) => (
              <Checkbox key={p.id} value={p.id}>
                {p.teamName}
              </Checkbox>
            ))}
          </Checkbox.Group>
        )}
        {(steps.includes('return') || steps.includes('reject') || steps.includes('cancel')) && (
          <Input placeholder={t('challenges.reason')} value={reason} onChange={(e) => setReason(e.target.value)} />
        )}
        {steps.includes('schedule_roadshow') && (
          <Space>
            <Input type="datetime-local" value={roadshowAt} onChange={(e) => setRoadshowAt(e.target.value)} />
            <Input placeholder={t('challenges.roadshowPlace')} value={place} onChange={(e) => setPlace(e.target.value)} />
          </Space>
        )}
        <Space wrap>
          {steps.map((a) => (
            <Button key={a} onClick={() => fire(a)} loading={transition.isPending} danger={a === 'reject' || a === 'cancel'}>
              {CHALLENGE_TRANSITION_LABELS[a]}
            </Button>
          ))}
        </Space>
      </Space>
    </Card>
  );
}
