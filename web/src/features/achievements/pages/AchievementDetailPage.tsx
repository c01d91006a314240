import { Alert, Card, Col, Descriptions, Empty, Flex, List, Result, Row, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { IP_KIND_LABELS, TRANSFER_MODE_LABELS } from '../../../../../common/catalog';
import { ContactsBlock } from '../../../components/catalog/ContactsBlock';
import { MatchBar } from '../../../components/catalog/MatchBar';
import { RecordActions, type TransitionAction } from '../../../components/catalog/RecordActions';
import { RecordHeader } from '../../../components/catalog/RecordHeader';
import { TrlTag } from '../../../components/catalog/TrlTag';
import { useLabel, useT } from '../../../i18n/locale';
import { isApiProblem } from '../../../lib/api';
import { useMe } from '../../../lib/auth';
import { formatWanRange } from '../../../lib/money';
import { useProblemHandler } from '../../../lib/problems';
import { useAchievement } from '../api/get-achievement';
import { useAchievementMatches } from '../api/get-achievement-matches';
import { useSimilarAchievements } from '../api/get-similar-achievements';
import { useTransitionAchievement } from '../api/transition-achievement';
import { AchievementPrice, AchievementTags } from '../components/AchievementFacts';

/** /achievements/:id — everything about one achievement; owners and reviewers also get its lifecycle buttons. */
export function AchievementDetailPage() {
  const { id = '' } = useParams();
  const t = useT();
  const label = useLabel();
  const navigate = useNavigate();
  const me = useMe().data;
  const onProblem = useProblemHandler();
  const achievement = useAchievement(id);
  const transition = useTransitionAchievement();
  const record = achievement.data;
  const isOwner = !!record && !!me?.memberships.some((m) => m.organizationId === record.organization.id);
  const published = record?.status === 'published' || record?.status === 'in_trade';
  const similar = useSimilarAchievements(id, !!record && published);
  const matches = useAchievementMatches(id, isOwner);

  if (achievement.isPending) return <Card><Skeleton active /></Card>;
  if (achievement.isError || !record) {
    const notFound = isApiProblem(achievement.error) && achievement.error.status === 404;
    return <Result status={notFound ? '404' : 'error'} title={notFound ? t('record.notFound') : achievement.error?.message} extra={<Link to="/achievements">{t('achievement.backToList')}</Link>} />;
  }

  const onTransition = (action: TransitionAction, reason?: string) =>
    transition.mutateAsync({ id, body: { action, reason } }).catch((e: unknown) => {
      onProblem(e);
      throw e;
    });

  return (
    <Flex vertical gap={16}>
      <RecordHeader
        titleTestId="achievement-title"
        title={record.title}
        status={record.status}
        organizationName={record.organization.name}
        regionName={record.regionName}
        publishedAt={record.publishedAt}
        reviewReason={record.reviewReason}
        actions={
          record.actions.length > 0 && (
            <RecordActions actions={record.actions} onTransition={onTransition} onEdit={() => navigate(`/workspace/achievements/${id}/edit`)} pending={transition.isPending} />
          )
        }
        side={
          <Flex vertical align="end" gap={4}>
            <Typography.Text type="secondary">{t('achievement.price')}</Typography.Text>
            <Typography.Title level={3} style={{ margin: 0, color: '#cf1322' }}>
              <AchievementPrice record={record} />
            </Typography.Title>
          </Flex>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Flex vertical gap={16}>
            <Card title={t('achievement.summary')}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{record.summary}</Typography.Paragraph>
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
            </Card>
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
                    { title: t('achievement.ipKind'), dataIndex: 'kind', render: (k: keyof typeof IP_KIND_LABELS) => label(IP_KIND_LABELS[k], k) },
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
            {isOwner && (
              <Card title={t('match.demandsTitle')} data-testid="matches">
                {matches.isPending ? (
                  <Skeleton active />
                ) : matches.isError ? (
                  <Alert type="info" title={t('match.unavailable')} />
                ) : matches.data.items.length === 0 ? (
                  <Empty description={t('match.none')} />
                ) : (
                  <List
                    dataSource={matches.data.items}
                    renderItem={(m) => (
                      <List.Item data-testid="match-item">
                        <Flex vertical gap={6} style={{ width: '100%' }}>
                          <Flex justify="space-between" wrap gap={8}>
                            <Link to={`/demands/${m.record.id}`}>{m.record.title}</Link>
                            <Typography.Text type="secondary">
                              {m.record.organization.name} · {m.record.budgetNegotiable ? t('money.negotiable') : formatWanRange(m.record.budgetMinFen, m.record.budgetMaxFen)}
                            </Typography.Text>
                          </Flex>
                          <MatchBar explanation={m.explanation} />
                        </Flex>
                      </List.Item>
                    )}
                  />
                )}
              </Card>
            )}
          </Flex>
        </Col>
        <Col xs={24} lg={8}>
          <Flex vertical gap={16}>
            <Card title={t('record.facts')}>
              <Descriptions
                column={1}
                size="small"
                items={[
                  { key: 'field', label: t('record.field'), children: record.fieldName },
                  {
                    key: 'trl',
                    label: t('record.trl'),
                    children: <TrlTag level={record.trl} withDefinition />,
                  },
                  {
                    key: 'modes',
                    label: t('achievement.transferModes'),
                    children: (
                      <Space size={[0, 4]} wrap>
                        {record.transferModes.map((m) => (
                          <Tag key={m}>{label(TRANSFER_MODE_LABELS[m], m)}</Tag>
                        ))}
                      </Space>
                    ),
                  },
                  { key: 'price', label: t('achievement.price'), children: <AchievementPrice record={record} /> },
                  { key: 'funding', label: t('achievement.publicFunding'), children: record.publicFunding ? t('common.yes') : t('common.no') },
                  {
                    key: 'keywords',
                    label: t('record.keywords'),
                    children: record.keywords.length ? (
                      <Space size={[0, 4]} wrap>
                        {record.keywords.map((k) => (
                          <Tag key={k}>{k}</Tag>
                        ))}
                      </Space>
                    ) : (
                      '—'
                    ),
                  },
                  { key: 'org', label: t('record.organization'), children: record.organization.name },
                ]}
              />
            </Card>
            <Card title={t('record.contacts')}>
              <ContactsBlock contacts={record.contacts} />
            </Card>
            {record.attachments.length > 0 && (
              <Card title={t('record.attachments')}>
                <Flex vertical gap={4}>
                  {record.attachments.map((a) => (
                    <a key={a.url} href={a.url} target="_blank" rel="noreferrer noopener">
                      {a.name}
                    </a>
                  ))}
                </Flex>
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
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}
