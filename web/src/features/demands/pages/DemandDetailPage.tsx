import { Alert, Card, Col, Descriptions, Empty, Flex, List, Result, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { TRANSFER_MODE_LABELS } from '../../../../../common/catalog';
import { ContactsBlock } from '../../../components/catalog/ContactsBlock';
import { MatchBar } from '../../../components/catalog/MatchBar';
import { RecordActions, type TransitionAction } from '../../../components/catalog/RecordActions';
import { RecordHeader } from '../../../components/catalog/RecordHeader';
import { TrlTag } from '../../../components/catalog/TrlTag';
import { useLabel, useT } from '../../../i18n/locale';
import { isApiProblem } from '../../../lib/api';
import { useMe } from '../../../lib/auth';
import { formatWan } from '../../../lib/money';
import { useProblemHandler } from '../../../lib/problems';
import { useDemand } from '../api/get-demand';
import { useDemandMatches } from '../api/get-demand-matches';
import { useTransitionDemand } from '../api/transition-demand';
import { DemandBudget } from '../components/DemandFacts';

/** /demands/:id — one demand; its owner also sees the achievements that match it, each score explained. */
export function DemandDetailPage() {
  const { id = '' } = useParams();
  const t = useT();
  const label = useLabel();
  const navigate = useNavigate();
  const me = useMe().data;
  const onProblem = useProblemHandler();
  const demand = useDemand(id);
  const transition = useTransitionDemand();
  const record = demand.data;
  const isOwner = !!record && !!me?.memberships.some((m) => m.organizationId === record.organization.id);
  const matches = useDemandMatches(id, isOwner);

  if (demand.isPending) return <Card><Skeleton active /></Card>;
  if (demand.isError || !record) {
    const notFound = isApiProblem(demand.error) && demand.error.status === 404;
    return <Result status={notFound ? '404' : 'error'} title={notFound ? t('record.notFound') : demand.error?.message} extra={<Link to="/demands">{t('demand.backToList')}</Link>} />;
  }

  const onTransition = (action: TransitionAction, reason?: string) =>
    transition.mutateAsync({ id, body: { action, reason } }).catch((e: unknown) => {
      onProblem(e);
      throw e;
    });

  return (
    <Flex vertical gap={16}>
      <RecordHeader
        titleTestId="demand-title"
        title={record.title}
        status={record.status}
        organizationName={record.organization.name}
        regionName={record.regionName}
        publishedAt={record.publishedAt}
        reviewReason={record.reviewReason}
        actions={
          record.actions.length > 0 && (
            <RecordActions actions={record.actions} onTransition={onTransition} onEdit={() => navigate(`/workspace/demands/${id}/edit`)} pending={transition.isPending} />
          )
        }
        side={
          <Flex vertical align="end" gap={4}>
            <Typography.Text type="secondary">{t('demand.budget')}</Typography.Text>
            <Typography.Title level={3} style={{ margin: 0, color: '#cf1322' }}>
              <DemandBudget record={record} />
            </Typography.Title>
          </Flex>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Flex vertical gap={16}>
            <Card title={t('demand.summary')}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{record.summary}</Typography.Paragraph>
            </Card>
            {isOwner && (
              <Card title={t('match.achievementsTitle')} data-testid="matches">
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
                            <Space wrap>
                              <Link to={`/achievements/${m.record.id}`}>{m.record.title}</Link>
                              <TrlTag level={m.record.trl} />
                            </Space>
                            <Typography.Text type="secondary">
                              {m.record.organization.name} · {m.record.priceNegotiable || m.record.priceFen == null ? t('money.negotiable') : formatWan(m.record.priceFen)}
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
                  { key: 'trl', label: t('demand.trlMin'), children: record.trlMin != null ? <TrlTag level={record.trlMin} withDefinition /> : '—' },
                  {
                    key: 'modes',
                    label: t('demand.cooperationModes'),
                    children: (
                      <Space size={[0, 4]} wrap>
                        {record.cooperationModes.map((m) => (
                          <Tag key={m}>{label(TRANSFER_MODE_LABELS[m], m)}</Tag>
                        ))}
                      </Space>
                    ),
                  },
                  { key: 'budget', label: t('demand.budget'), children: <DemandBudget record={record} /> },
                  { key: 'deadline', label: t('demand.deadline'), children: record.deadline ?? '—' },
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
                  { key: 'region', label: t('record.region'), children: record.regionName || '—' },
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
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}
