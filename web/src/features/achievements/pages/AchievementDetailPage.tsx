import { Button, Card, Flex, List, Space, Table, Tag, Typography } from 'antd';
import { SwapOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { IP_KIND_LABELS } from '../../../../../common/catalog';
import { RecordDetail, useOwnsRecord } from '../../../components/catalog/RecordDetail';
import { WatchMatchesButton } from '../../../components/catalog/WatchMatchesButton';
import { TrlTag } from '../../../components/catalog/TrlTag';
import { useLabel, useT } from '../../../i18n/locale';
import { hasPermission, useMe } from '../../../lib/auth';
import { formatWanRange } from '../../../lib/money';
import { useAchievement } from '../api/get-achievement';
import { useAchievementMatches } from '../api/get-achievement-matches';
import { useSimilarAchievements } from '../api/get-similar-achievements';
import { useTransitionAchievement } from '../api/transition-achievement';
import { useWatchAchievementMatches } from '../api/watch-achievement-matches';
import { AchievementPrice, AchievementTags } from '../components/AchievementFacts';

/** /achievements/:id — everything about one achievement; owners and reviewers also get its lifecycle buttons. */
export function AchievementDetailPage() {
  const { id = '' } = useParams();
  const t = useT();
  const label = useLabel();
  const achievement = useAchievement(id);
  const watch = useWatchAchievementMatches();
  const record = achievement.data;
  const isOwner = useOwnsRecord(record);
  // The owner puts a published achievement up for trading (挂牌, 拍卖 or 协议定价) from here.
  const me = useMe().data;
  const canTrade = isOwner && hasPermission(me, 'trade:initiate') && record?.status === 'published';
  const published = record?.status === 'published' || record?.status === 'in_trade';
  const similar = useSimilarAchievements(id, !!record && published);
  const matches = useAchievementMatches(id, isOwner);

  return (
    <RecordDetail
      id={id}
      query={achievement}
      useTransition={useTransitionAchievement}
      basePath="/achievements"
      backLabel={t('achievement.backToList')}
      titleTestId="achievement-title"
      matches={{
        title: t('match.demandsTitle'),
        query: matches,
        basePath: '/demands',
        watch: <WatchMatchesButton recordId={id} recordTitle={achievement.data?.title ?? ''} watch={watch} />,
        price: (m) => (m.record.budgetNegotiable ? t('money.negotiable') : formatWanRange(m.record.budgetMinFen, m.record.budgetMaxFen)),
      }}
      render={(record) => ({
        sideLabel: t('achievement.price'),
        side: <AchievementPrice record={record} />,
        summaryTitle: t('achievement.summary'),
        summaryExtra: (
          <>
            {record.problemSolved && (
              <>
                <Typography.Title level={5}>{t('achievement.problemSolved')}</Typography.Title>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{record.problemSolved}</Typography.Paragraph>
              </>
            )}
            {record.advantage && (
              <>
                <Typography.Title level={5}>{t('achievement.advantage')}</Typography.Title>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{record.advantage}</Typography.Paragraph>
              </>
            )}
          </>
        ),
        main: (
          <>
            <Card title={t('achievement.ipAssets')}>
              {record.ipAssets.length === 0 ? (
                <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
              ) : (
                <Table
                  size="small"
                  rowKey={(a) => `${a.kind}-${a.number ?? a.title}`}
                  pagination={false}
                  dataSource={record.ipAssets}
                  data-testid="ip-assets"
                  columns={[
                    {
                      title: t('achievement.ipKind'),
                      dataIndex: 'kind',
                      render: (k: keyof typeof IP_KIND_LABELS) => label(IP_KIND_LABELS[k], k),
                    },
                    { title: t('achievement.ipNumber'), dataIndex: 'number', render: (n: string | null) => n ?? '—' },
                    { title: t('achievement.ipTitle'), dataIndex: 'title' },
                  ]}
                />
              )}
            </Card>
            {record.team.length > 0 && (
              <Card title={t('achievement.team')}>
                <List
                  size="small"
                  dataSource={record.team}
                  renderItem={(m) => (
                    <List.Item>
                      <Space>
                        <Typography.Text strong>{m.name}</Typography.Text>
                        {m.title && <Tag>{m.title}</Tag>}
                        {m.role && <Typography.Text type="secondary">{m.role}</Typography.Text>}
                      </Space>
                    </List.Item>
                  )}
                />
              </Card>
            )}
          </>
        ),
        trlLabel: t('record.trl'),
        trl: <TrlTag level={record.trl} withDefinition />,
        modesLabel: t('achievement.transferModes'),
        modes: record.transferModes,
        facts: [
          { key: 'price', label: t('achievement.price'), children: <AchievementPrice record={record} /> },
          {
            key: 'funding',
            label: t('achievement.publicFunding'),
            children: record.publicFunding ? (
              <span data-testid="public-funding-duty">
                {t('common.yes')}（{t('achievement.publicFundingDuty')}）
              </span>
            ) : (
              t('common.no')
            ),
          },
        ],
        aside: (canTrade || (published && (similar.data?.items.length ?? 0) > 0)) && (
          <>
            {canTrade && (
              <Card title={t('trading.startFromAchievement')} size="small">
                <Typography.Paragraph type="secondary">{t('trading.startFromAchievementHint')}</Typography.Paragraph>
                <Link to={`/workspace/trading?start=${record.id}`}>
                  <Button type="primary" icon={<SwapOutlined />} data-testid="start-trade">
                    {t('trading.startFromAchievement')}
                  </Button>
                </Link>
              </Card>
            )}
            {published && (similar.data?.items.length ?? 0) > 0 && (
              <Card title={t('achievement.similar')} data-testid="similar">
                <List
                  size="small"
                  dataSource={similar.data?.items ?? []}
                  renderItem={(a) => (
                    <List.Item>
                      <Flex vertical gap={4} style={{ width: '100%' }}>
                        <Link to={`/achievements/${a.id}`}>{a.title}</Link>
                        <Flex wrap gap={4}>
                          <AchievementTags record={a} />
                        </Flex>
                      </Flex>
                    </List.Item>
                  )}
                />
              </Card>
            )}
          </>
        ),
      })}
    />
  );
}
