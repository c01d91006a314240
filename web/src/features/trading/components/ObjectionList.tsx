import { Card, Descriptions, Empty, Flex, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { ObjectionView } from '../../../../../common/api/trading';
import { useT } from '../../../i18n/locale';
import { useAnswerObjection } from '../api/answer-objection';
import { ReasonButton } from './ReasonButton';
import { ResolveButton } from './ResolveButton';
import { StatusTag } from './StatusTag';
import { formatInstant } from './time';

/** One objection: grounds, the owner's answer, the official's resolution, and the buttons the server allows. */
export function ObjectionItem({ objection: o, showNotice }: { objection: ObjectionView; showNotice?: boolean }) {
  const t = useT();
  const answer = useAnswerObjection();
  return (
    <Card size="small" data-testid="objection" data-status={o.status}>
      <Flex vertical gap={8}>
        <Flex justify="space-between" wrap gap={8}>
          <Space wrap>
            <StatusTag kind="objection" status={o.status} />
            {o.mine && <Tag color="blue">{t('trading.myObjection')}</Tag>}
            {showNotice && <Link to={`/trading/notices/${o.notice.id}`}>{o.notice.title}</Link>}
          </Space>
          <Typography.Text type="secondary">
            {t('trading.filedAt')} {formatInstant(o.filedAt)}
            {o.objector && ` · ${o.objector.name}${o.objector.organization ? `（${o.objector.organization.name}）` : ''}`}
          </Typography.Text>
        </Flex>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="objection-grounds">
          {o.grounds}
        </Typography.Paragraph>
        {(o.answer || o.decision) && (
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              ...(o.answer
                ? [
                    {
                      key: 'answer',
                      label: `${t('trading.ownerAnswer')}（${formatInstant(o.answeredAt)}）`,
                      children: <span style={{ whiteSpace: 'pre-wrap' }}>{o.answer}</span>,
                    },
                  ]
                : []),
              ...(o.decision
                ? [
                    {
                      key: 'resolution',
                      label: `${t('trading.resolution')}（${formatInstant(o.resolvedAt)}）`,
                      children: (
                        <span data-testid="objection-resolution">
                          <Tag color={o.decision === 'upheld' ? 'red' : 'default'}>
                            {t(o.decision === 'upheld' ? 'trading.objection.upheld' : 'trading.objection.dismissed')}
                          </Tag>
                          {o.resolutionReason}
                        </span>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
        {(o.actions.includes('answer') || o.actions.includes('resolve')) && (
          <Space>
            {o.actions.includes('answer') && (
              <ReasonButton
                size="small"
                type="primary"
                label={o.answer ? t('trading.reviseAnswer') : t('trading.answer')}
                title={t('trading.answerTitle')}
                field="answer"
                fieldLabel={t('trading.ownerAnswer')}
                pending={answer.isPending}
                testId="answer-objection"
                onSubmit={(text) => answer.mutateAsync({ id: o.id, answer: text })}
              />
            )}
            {o.actions.includes('resolve') && <ResolveButton objectionId={o.id} testId="resolve-objection" />}
          </Space>
        )}
      </Flex>
    </Card>
  );
}

export function ObjectionList({ objections, showNotice }: { objections: ObjectionView[]; showNotice?: boolean }) {
  const t = useT();
  if (objections.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('trading.noObjections')} />;
  return (
    <Flex vertical gap={12} data-testid="objections">
      {objections.map((o) => (
        <ObjectionItem key={o.id} objection={o} showNotice={showNotice} />
      ))}
    </Flex>
  );
}
