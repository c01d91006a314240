import type { ReactNode } from 'react';
import {
  Alert,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  List,
  Result,
  Row,
  Skeleton,
  Space,
  Tag,
  Typography,
  type DescriptionsProps,
} from 'antd';
import { Link, useNavigate } from 'react-router';
import type { z } from 'zod';
import type { AchievementView } from '../../../../common/api/catalog';
import type { MatchExplanation } from '../../../../common/api/search';
import { TRANSFER_MODE_LABELS, type TransferMode } from '../../../../common/catalog';
import { useLabel, useT } from '../../i18n/locale';
import { isApiProblem } from '../../lib/api';
import { useMe } from '../../lib/auth';
import { ContactsBlock } from './ContactsBlock';
import { InquiryButton } from '../inquiries/InquiryButton';
import { FavouriteButton } from '../favourites/FavouriteButton';
import { MatchBar } from './MatchBar';
import { RecordActions, useReportedTransition, type TransitionAction } from './RecordActions';
import { ReviewStepsCard } from '../ReviewStepsCard';
import { RecordHeader } from './RecordHeader';

/** What a detail page shows of any record, achievement or demand. */
type DetailRecord = Pick<
  AchievementView,
  | 'id'
  | 'title'
  | 'status'
  | 'summary'
  | 'fieldName'
  | 'keywords'
  | 'organization'
  | 'regionName'
  | 'contacts'
  | 'attachments'
  | 'reviewReason'
  | 'reviewSteps'
  | 'publishedAt'
  | 'actions'
>;

type Items = NonNullable<DescriptionsProps['items']>;

/** Whether the caller is a member of the organisation that owns the record. */
export function useOwnsRecord(record: { organization: { id: string } } | undefined): boolean {
  const me = useMe().data;
  return !!record && !!me?.memberships.some((m) => m.organizationId === record.organization.id);
}

interface MatchItem {
  record: { id: string; title: string; organization: { name: string } };
  explanation: z.infer<typeof MatchExplanation>;
}

interface MatchesProps<M extends MatchItem> {
  title: string;
  query: { isPending: boolean; isError: boolean; data?: { items: M[] } };
  /** Where a matched record opens, e.g. `/demands`. */
  basePath: string;
  /** Shown beside the matched record's title. */
  tag?: (m: M) => ReactNode;
  /** The matched record's price or budget. */
  price: (m: M) => ReactNode;
  /** A button to be notified of new matches. */
  watch?: ReactNode;
}

/** The owner's card of records on the other side that match this one, each score explained. */
function MatchesCard<M extends MatchItem>({ title, query, basePath, tag, price, watch }: MatchesProps<M>) {
  const t = useT();
  return (
    <Card title={title} extra={watch} data-testid="matches">
      {query.isPending ? (
        <Skeleton active />
      ) : query.isError || !query.data ? (
        <Alert type="info" title={t('match.unavailable')} />
      ) : query.data.items.length === 0 ? (
        <Empty description={t('match.none')} />
      ) : (
        <List
          dataSource={query.data.items}
          renderItem={(m) => {
            const link = <Link to={`${basePath}/${m.record.id}`}>{m.record.title}</Link>;
            return (
              <List.Item data-testid="match-item">
                <Flex vertical gap={6} style={{ width: '100%' }}>
                  <Flex justify="space-between" wrap gap={8}>
                    {tag ? (
                      <Space wrap>
                        {link}
                        {tag(m)}
                      </Space>
                    ) : (
                      link
                    )}
                    <Typography.Text type="secondary">
                      {m.record.organization.name} · {price(m)}
                    </Typography.Text>
                  </Flex>
                  <MatchBar explanation={m.explanation} />
                </Flex>
              </List.Item>
            );
          }}
        />
      )}
    </Card>
  );
}

/** The parts of a detail page that depend on the kind of record. */
interface Slots {
  /** The price or budget, big on the right of the header. */
  sideLabel: string;
  side: ReactNode;
  summaryTitle: string;
  /** More text under the summary. */
  summaryExtra?: ReactNode;
  /** Cards under the summary. */
  main?: ReactNode;
  trlLabel: string;
  trl: ReactNode;
  modesLabel: string;
  modes: readonly TransferMode[];
  /** Facts after the modes; `factsTail` after the organisation. */
  facts: Items;
  factsTail?: Items;
  /** Cards under the attachments. */
  aside?: ReactNode;
}

interface Props<R extends DetailRecord, M extends MatchItem> {
  id: string;
  query: { isPending: boolean; isError: boolean; error: Error | null; data?: R };
  /** The kind's transition hook. */
  useTransition: () => {
    isPending: boolean;
    mutateAsync: (args: { id: string; body: { action: TransitionAction; reason?: string } }) => Promise<unknown>;
  };
  /** The public list, e.g. `/achievements`; editing lives at `/workspace${basePath}/:id/edit`. */
  basePath: string;
  backLabel: string;
  titleTestId: string;
  /** For the owner: the matching records on the other side. */
  matches: MatchesProps<M>;
  render: (record: R) => Slots;
}

/** A record's detail page: header with its lifecycle buttons, the text and the owner's matches on the left, facts, contacts and attachments on the right. */
export function RecordDetail<R extends DetailRecord, M extends MatchItem>({
  id,
  query,
  useTransition,
  basePath,
  backLabel,
  titleTestId,
  matches,
  render,
}: Props<R, M>) {
  const t = useT();
  const label = useLabel();
  const navigate = useNavigate();
  const transition = useTransition();
  const record = query.data;
  const isOwner = useOwnsRecord(record);
  const onTransition = useReportedTransition(transition);

  if (query.isPending)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  if (query.isError || !record) {
    const notFound = isApiProblem(query.error) && query.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('record.notFound') : query.error?.message}
        extra={<Link to={basePath}>{backLabel}</Link>}
      />
    );
  }

  const slots = render(record);
  return (
    <Flex vertical gap={16}>
      <RecordHeader
        titleTestId={titleTestId}
        title={record.title}
        status={record.status}
        organizationName={record.organization.name}
        regionName={record.regionName}
        publishedAt={record.publishedAt}
        reviewReason={record.reviewReason}
        actions={
          record.actions.length > 0 && (
            <RecordActions
              actions={record.actions}
              onTransition={onTransition(id)}
              onEdit={() => navigate(`/workspace${basePath}/${id}/edit`)}
              pending={transition.isPending}
            />
          )
        }
        side={
          <Flex vertical align="end" gap={4}>
            <Typography.Text type="secondary">{slots.sideLabel}</Typography.Text>
            <Typography.Title level={3} style={{ margin: 0, color: '#cf1322' }}>
              {slots.side}
            </Typography.Title>
          </Flex>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Flex vertical gap={16}>
            <Card title={slots.summaryTitle}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{record.summary}</Typography.Paragraph>
              {slots.summaryExtra}
            </Card>
            {slots.main}
            {isOwner && <MatchesCard {...matches} />}
            <ReviewStepsCard steps={record.reviewSteps} />
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
                  { key: 'trl', label: slots.trlLabel, children: slots.trl },
                  {
                    key: 'modes',
                    label: slots.modesLabel,
                    children: (
                      <Space size={[0, 4]} wrap>
                        {slots.modes.map((m) => (
                          <Tag key={m}>{label(TRANSFER_MODE_LABELS[m], m)}</Tag>
                        ))}
                      </Space>
                    ),
                  },
                  ...slots.facts,
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
                  ...(slots.factsTail ?? []),
                ]}
              />
            </Card>
            <Card title={t('record.contacts')}>
              <Flex vertical gap={12}>
                <ContactsBlock contacts={record.contacts} />
                <FavouriteButton kind={basePath === '/demands' ? 'demand' : 'achievement'} id={record.id} />
                {record.status === 'published' && !isOwner && (
                  <InquiryButton
                    recordKind={basePath === '/demands' ? 'demand' : 'achievement'}
                    recordId={record.id}
                    ownerOrganizationId={record.organization.id}
                  />
                )}
              </Flex>
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
            {slots.aside}
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}
