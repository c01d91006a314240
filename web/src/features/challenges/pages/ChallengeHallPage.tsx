import { Card, Col, Empty, List, Row, Segmented, Space, Spin, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { CHALLENGE_STATUS_LABELS, IP_TERM_TEMPLATES } from '../../../../../common/api/challenges';
import { useT } from '../../../i18n/locale';
import { useChallengeHall } from '../api/list-challenges';
import { Countdown } from '../components/Countdown';
import { rewardText } from '../components/money';

/** 揭榜大厅: published challenges with countdowns to their deadlines, and the hall's figures. */
export function ChallengeHallPage() {
  const t = useT();
  const [status, setStatus] = useState<'open' | 'all'>('open');
  const hall = useChallengeHall(status);
  const stats = hall.data?.statistics;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={2}>{t('challenges.hallTitle')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('challenges.hallSubtitle')}</Typography.Paragraph>
      </div>
      {stats && (
        <Row gutter={16}>
          {(
            [
              ['challenges.statChallenges', stats.challenges],
              ['challenges.statOpen', stats.open],
              ['challenges.statProposals', stats.proposals],
              ['challenges.statAwards', stats.awards],
              ['challenges.statContracts', stats.contractApplications],
              ['challenges.statSigned', stats.contractsSigned],
            ] as const
          ).map(([key, value]) => (
            <Col key={key} xs={12} md={4}>
              <Card size="small">
                <Statistic title={t(key)} value={value} />
              </Card>
            </Col>
          ))}
        </Row>
      )}
      <Segmented
        value={status}
        onChange={(v) => setStatus(v as 'open' | 'all')}
        options={[
          { value: 'open', label: t('challenges.filterOpen') },
          { value: 'all', label: t('challenges.filterAll') },
        ]}
      />
      {hall.isLoading ? (
        <Spin />
      ) : !hall.data?.items.length ? (
        <Empty description={t('challenges.empty')} />
      ) : (
        <List
          grid={{ gutter: 16, xs: 1, md: 2 }}
          dataSource={hall.data.items}
          renderItem={(c) => (
            <List.Item>
              <Card
                data-testid="challenge-card"
                title={<Link to={`/challenges/${c.id}`}>{c.title}</Link>}
                extra={<Tag color={c.status === 'published' ? 'green' : 'default'}>{CHALLENGE_STATUS_LABELS[c.status]}</Tag>}
              >
                <Space direction="vertical" size={4}>
                  <Typography.Text>
                    {t('challenges.sponsor')}：{c.sponsor?.name ?? t('challenges.anonymousSponsor')}
                  </Typography.Text>
                  <Typography.Text>
                    {c.reward.kind === 'prize' ? t('challenges.reward') : t('challenges.budget')}：{rewardText(c.reward)}
                  </Typography.Text>
                  <Typography.Text type="secondary">{IP_TERM_TEMPLATES[c.ipTerms].label}</Typography.Text>
                  {c.status === 'published' && (
                    <Typography.Text>
                      {t('challenges.submissionCloses')}：<Countdown deadline={c.submissionDeadline} serverNow={c.now} testId="countdown" />
                    </Typography.Text>
                  )}
                  <Typography.Text type="secondary">
                    {t('challenges.registrations', { n: c.registrations })} · {t('challenges.proposalsCount', { n: c.proposals })}
                  </Typography.Text>
                </Space>
              </Card>
            </List.Item>
          )}
        />
      )}
    </Space>
  );
}
