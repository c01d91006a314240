import { useState } from 'react';
import { Button, Card, Col, Empty, Flex, List, Row, Segmented, Skeleton, Tag, Typography } from 'antd';
import { ArrowRightOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { TRANSFER_MODE_LABELS } from '../../../../../common/catalog';
import type { AchievementView, DemandView } from '../../../../../common/api/catalog';
import { SearchBox } from '../../../components/catalog/SearchBox';
import { TrlTag } from '../../../components/catalog/TrlTag';
import { useLabel, useLocale, useT } from '../../../i18n/locale';
import { useMe } from '../../../lib/auth';
import { formatWan, formatWanRange } from '../../../lib/money';
import { useCuratedLists } from '../api/get-curated-lists';
import { useLatestAchievements } from '../api/get-latest-achievements';
import { useLatestDemands } from '../api/get-latest-demands';
import { useLatestPolicies } from '../api/get-latest-policies';
import { useUpcomingEvents } from '../api/get-upcoming-events';
import { EVENT_KIND_LABELS } from '../../../../../common/api/events';
import { POLICY_LEVEL_LABELS } from '../../../../../common/api/policies';
import { formatDateTime } from '../../../lib/format';
import { Directories } from '../components/Directories';
import { MarketBoard } from '../components/MarketBoard';
import { NewsColumn } from '../components/NewsColumn';
import { PlatformFigures } from '../components/PlatformFigures';

function AchievementCard({ a }: { a: AchievementView }) {
  const t = useT();
  const label = useLabel();
  return (
    <Link to={`/achievements/${a.id}`}>
      <Card hoverable size="small" style={{ height: '100%' }} data-testid="latest-achievement">
        <Flex vertical gap={6}>
          <Typography.Text strong ellipsis={{ tooltip: a.title }}>
            {a.title}
          </Typography.Text>
          <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0, minHeight: 44 }}>
            {a.summary}
          </Typography.Paragraph>
          <Flex wrap gap={4}>
            <TrlTag level={a.trl} />
            <Tag color="blue">{a.fieldName}</Tag>
            {a.transferModes.slice(0, 2).map((m) => (
              <Tag key={m}>{label(TRANSFER_MODE_LABELS[m], m)}</Tag>
            ))}
          </Flex>
          <Flex justify="space-between">
            <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, maxWidth: '60%' }}>
              {a.organization.name}
            </Typography.Text>
            <Typography.Text strong style={{ color: '#cf1322' }}>
              {a.priceNegotiable || a.priceFen == null ? t('money.negotiable') : formatWan(a.priceFen)}
            </Typography.Text>
          </Flex>
        </Flex>
      </Card>
    </Link>
  );
}

/** The policy and event columns (C14), read from the public lists. */
function PublicLifeColumns() {
  const t = useT();
  const { locale } = useLocale();
  const policies = useLatestPolicies(6);
  const events = useUpcomingEvents(5);
  const more = (to: string) => (
    <Link to={to}>
      {t('home.more')} <ArrowRightOutlined />
    </Link>
  );
  return (
    <Row gutter={[24, 24]}>
      <Col xs={24} lg={8}>
        <NewsColumn />
      </Col>
      <Col xs={24} lg={8}>
        <Card title={t('home.policies')} style={{ height: '100%' }} extra={more('/policies')} data-testid="home-policies">
          {policies.isPending ? (
            <Skeleton active />
          ) : !policies.data?.items.length ? (
            <Empty description={t('home.nothingYet')} />
          ) : (
            <List
              size="small"
              dataSource={policies.data.items}
              renderItem={(p) => (
                <List.Item extra={<Typography.Text type="secondary">{p.issuedOn}</Typography.Text>}>
                  <Flex gap={8} align="center" style={{ minWidth: 0 }}>
                    <Tag>{POLICY_LEVEL_LABELS[p.level]}</Tag>
                    <Link to={`/policies/${p.id}`}>
                      <Typography.Text ellipsis={{ tooltip: p.title }}>{p.title}</Typography.Text>
                    </Link>
                  </Flex>
                </List.Item>
              )}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card title={t('home.events')} style={{ height: '100%' }} extra={more('/events')} data-testid="home-events">
          {events.isPending ? (
            <Skeleton active />
          ) : !events.data?.items.length ? (
            <Empty description={t('home.nothingYet')} />
          ) : (
            <List
              size="small"
              dataSource={events.data.items}
              renderItem={(e) => (
                <List.Item extra={<Typography.Text type="secondary">{formatDateTime(e.startsAt, locale)}</Typography.Text>}>
                  <Flex gap={8} align="center" style={{ minWidth: 0 }}>
                    <Tag color="magenta">{EVENT_KIND_LABELS[e.kind]}</Tag>
                    <Link to={`/events/${e.id}`}>
                      <Typography.Text ellipsis={{ tooltip: e.title }}>{e.title}</Typography.Text>
                    </Link>
                  </Flex>
                </List.Item>
              )}
            />
          )}
        </Card>
      </Col>
    </Row>
  );
}

function DemandItem({ d }: { d: DemandView }) {
  const t = useT();
  const range = d.budgetMinFen != null || d.budgetMaxFen != null ? formatWanRange(d.budgetMinFen, d.budgetMaxFen) : t('money.negotiable');
  return (
    <List.Item
      data-testid="latest-demand"
      extra={
        <Typography.Text strong style={{ color: '#cf1322', whiteSpace: 'nowrap' }}>
          {range}
        </Typography.Text>
      }
    >
      <List.Item.Meta
        title={<Link to={`/demands/${d.id}`}>{d.title}</Link>}
        description={
          <Flex wrap gap={4} align="center">
            <Tag color="blue">{d.fieldName}</Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {d.organization.name}
              {d.deadline ? ` · ${t('demand.deadlineShort', { date: d.deadline })}` : ''}
            </Typography.Text>
          </Flex>
        }
      />
    </List.Item>
  );
}

/** `/`: the public portal — one big search box, the newest achievements and demands, and curated lists. */
export function HomePage() {
  const t = useT();
  const navigate = useNavigate();
  const me = useMe().data;
  const [target, setTarget] = useState<'achievements' | 'demands'>('achievements');
  const achievements = useLatestAchievements(12);
  const [field, setField] = useState<string>('');
  const demands = useLatestDemands(6);
  const curated = useCuratedLists();

  return (
    <Flex vertical gap={24}>
      <div
        style={{
          background: 'linear-gradient(135deg, #0f2a47 0%, #1765ad 100%)',
          borderRadius: 12,
          padding: '48px 24px',
          textAlign: 'center',
          color: '#fff',
        }}
        data-testid="portal-hero"
      >
        <Typography.Title level={1} style={{ color: '#fff', marginTop: 0 }}>
          {t('home.heroTitle')}
        </Typography.Title>
        <Typography.Paragraph style={{ color: 'rgba(255,255,255,0.85)', fontSize: 16 }}>{t('home.heroText')}</Typography.Paragraph>
        <Flex vertical gap={12} align="center" style={{ maxWidth: 720, margin: '0 auto' }}>
          <Segmented
            value={target}
            onChange={(v) => setTarget(v as 'achievements' | 'demands')}
            options={[
              { value: 'achievements', label: t('home.searchAchievements') },
              { value: 'demands', label: t('home.searchDemands') },
            ]}
            data-testid="home-search-target"
          />
          <SearchBox
            size="large"
            value=""
            placeholder={target === 'achievements' ? t('search.placeholder') : t('search.placeholderDemands')}
            onSearch={(q) => navigate(`/${target}${q.trim() ? `?q=${encodeURIComponent(q.trim())}` : ''}`)}
          />
          {!me && (
            <Typography.Text style={{ color: 'rgba(255,255,255,0.85)' }}>
              {t('home.joinHint')}{' '}
              <Link to="/register" style={{ color: '#fff', textDecoration: 'underline' }}>
                {t('login.register')}
              </Link>{' '}
              ·{' '}
              <Link to="/login" style={{ color: '#fff', textDecoration: 'underline' }}>
                {t('login.submit')}
              </Link>
            </Typography.Text>
          )}
        </Flex>
      </div>

      <PlatformFigures />
      <MarketBoard />

      <Card
        title={t('home.latestAchievements')}
        extra={
          <Link to="/achievements?sort=newest">
            {t('home.more')} <ArrowRightOutlined />
          </Link>
        }
      >
        {achievements.isPending ? (
          <Skeleton active />
        ) : !achievements.data?.items.length ? (
          <Empty description={t('home.nothingYet')} />
        ) : (
          <Row gutter={[16, 16]}>
            <Col span={24}>
              <Segmented
                value={field}
                onChange={(v) => setField(String(v))}
                options={[
                  { value: '', label: t('portal.allFields') },
                  ...[...new Map(achievements.data.items.map(({ record }) => [record.fieldCode, record.fieldName])).entries()]
                    .slice(0, 6)
                    .map(([value, label]) => ({ value, label })),
                ]}
                style={{ maxWidth: '100%', overflowX: 'auto' }}
                data-testid="home-field-filter"
              />
            </Col>
            {achievements.data.items
              .filter(({ record }) => !field || record.fieldCode === field)
              .slice(0, 6)
              .map(({ record }) => (
                <Col key={record.id} xs={24} sm={12} xl={8}>
                  <AchievementCard a={record} />
                </Col>
              ))}
          </Row>
        )}
      </Card>

      <Row gutter={[24, 24]}>
        <Col xs={24} lg={curated.data?.items.length ? 12 : 24}>
          <Card
            title={t('home.latestDemands')}
            style={{ height: '100%' }}
            extra={
              <Link to="/demands?sort=newest">
                {t('home.more')} <ArrowRightOutlined />
              </Link>
            }
          >
            {demands.isPending ? (
              <Skeleton active />
            ) : !demands.data?.items.length ? (
              <Empty description={t('home.nothingYet')} />
            ) : (
              <List dataSource={demands.data.items.map((h) => h.record)} renderItem={(d) => <DemandItem d={d} />} />
            )}
          </Card>
        </Col>
        {!!curated.data?.items.length && (
          <Col xs={24} lg={12}>
            <Card title={t('home.curated')} style={{ height: '100%' }} data-testid="curated-lists">
              <List
                dataSource={curated.data.items}
                renderItem={(c) => (
                  <List.Item>
                    <Flex vertical gap={4} style={{ width: '100%' }}>
                      <Flex gap={8} align="center" wrap>
                        <Tag color={c.kind === 'package' ? 'purple' : 'green'}>{t(`home.curated.${c.kind}`)}</Tag>
                        <Typography.Text strong>{c.title}</Typography.Text>
                        {c.keyArea && <Tag>{c.keyArea}</Tag>}
                      </Flex>
                      {c.description && (
                        <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                          {c.description}
                        </Typography.Paragraph>
                      )}
                      <Flex wrap gap={8}>
                        {c.achievements.slice(0, 5).map((a) => (
                          <Link key={a.id} to={`/achievements/${a.id}`}>
                            {a.title}
                          </Link>
                        ))}
                      </Flex>
                    </Flex>
                  </List.Item>
                )}
              />
            </Card>
          </Col>
        )}
      </Row>
      <Directories />
      <PublicLifeColumns />
      {me && (
        <Flex justify="center">
          <Link to="/workspace">
            <Button type="primary" size="large" data-testid="go-workspace">
              {t('home.toWorkspace')}
            </Button>
          </Link>
        </Flex>
      )}
    </Flex>
  );
}
