import { App, Button, Card, Descriptions, Flex, Input, List, Popconfirm, Result, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { INQUIRY_MODE_LABELS, INQUIRY_TRANSITION_LABELS, type InquiryTransition } from '../../../../../common/api/inquiries';
import { useLocale, useT } from '../../../i18n/locale';
import { isApiProblem } from '../../../lib/api';
import { formatDateTime } from '../../../lib/format';
import { formatWan } from '../../../lib/money';
import { useInquiry } from '../api/get-inquiry';
import { usePostInquiryMessage } from '../api/post-inquiry-message';
import { useTransitionInquiry } from '../api/transition-inquiry';
import { InquiryStatusTag } from '../components/InquiryStatusTag';

/** /workspace/inquiries/:id — one negotiation: the record, both organisations, the messages, a reply box and the status buttons the caller may use. */
export function InquiryThreadPage() {
  const { id = '' } = useParams();
  const t = useT();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const inquiry = useInquiry(id);
  const post = usePostInquiryMessage();
  const transition = useTransitionInquiry();
  const [draft, setDraft] = useState('');
  const [reason, setReason] = useState('');

  if (inquiry.isPending)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  if (inquiry.isError || !inquiry.data) {
    const notFound = isApiProblem(inquiry.error) && inquiry.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('inquiry.notFound') : inquiry.error?.message}
        extra={<Link to="/workspace/inquiries">{t('inquiry.back')}</Link>}
      />
    );
  }
  const v = inquiry.data;
  const transitions = v.actions.filter((a): a is InquiryTransition => a !== 'message');
  const send = async () => {
    if (!draft.trim()) return;
    await post.mutateAsync({ id, body: { body: draft.trim() } });
    setDraft('');
  };
  const fire = async (action: InquiryTransition) => {
    await transition.mutateAsync({ id, body: { action, reason: action === 'close' && reason.trim() ? reason.trim() : undefined } });
    message.success(INQUIRY_TRANSITION_LABELS[action]);
  };

  return (
    <Flex vertical gap={16}>
      <Link to="/workspace/inquiries">{t('inquiry.back')}</Link>
      <Card
        title={
          <Space wrap>
            <Link to={`/${v.recordKind}s/${v.recordId}`} data-testid="inquiry-record">
              {v.recordTitle}
            </Link>
            <InquiryStatusTag status={v.status} />
          </Space>
        }
        extra={
          <Space wrap>
            {transitions.map((a) =>
              a === 'close' ? (
                <Popconfirm
                  key={a}
                  title={INQUIRY_TRANSITION_LABELS[a]}
                  description={<Input placeholder={t('inquiry.reason')} value={reason} onChange={(e) => setReason(e.target.value)} />}
                  onConfirm={() => fire(a)}
                >
                  <Button danger data-testid={`inquiry-action-${a}`}>
                    {INQUIRY_TRANSITION_LABELS[a]}
                  </Button>
                </Popconfirm>
              ) : (
                <Button
                  key={a}
                  type={a === 'agree' ? 'primary' : 'default'}
                  loading={transition.isPending}
                  onClick={() => fire(a)}
                  data-testid={`inquiry-action-${a}`}
                >
                  {INQUIRY_TRANSITION_LABELS[a]}
                </Button>
              ),
            )}
          </Space>
        }
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'owner', label: t('inquiry.side.owner'), children: v.ownerOrganization.name },
            { key: 'requester', label: t('inquiry.side.requester'), children: v.requesterOrganization.name },
            { key: 'mode', label: t('inquiry.wantedMode'), children: v.wantedMode ? INQUIRY_MODE_LABELS[v.wantedMode] : '—' },
            { key: 'budget', label: t('inquiry.budget'), children: v.budgetFen == null ? '—' : formatWan(v.budgetFen) },
            ...(v.closeReason ? [{ key: 'reason', label: t('inquiry.reason'), children: v.closeReason }] : []),
          ]}
        />
      </Card>
      <Card>
        <List
          dataSource={v.messages}
          data-testid="inquiry-messages"
          renderItem={(m) => (
            <List.Item data-testid="inquiry-message-item" style={{ justifyContent: m.side === v.mySide ? 'flex-end' : 'flex-start' }}>
              <div
                style={{ maxWidth: '80%', background: m.side === v.mySide ? '#e6f4ff' : '#f5f5f5', borderRadius: 8, padding: '8px 12px' }}
              >
                <Space size={8} wrap>
                  <Typography.Text strong>{m.authorName}</Typography.Text>
                  <Tag>{t(`inquiry.side.${m.side}`)}</Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(m.createdAt, locale)}
                  </Typography.Text>
                </Space>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }}>{m.body}</Typography.Paragraph>
                {m.attachments.map((a) => (
                  <div key={a.url}>
                    <a href={a.url} target="_blank" rel="noreferrer noopener nofollow">
                      {a.name}
                    </a>
                  </div>
                ))}
              </div>
            </List.Item>
          )}
        />
        {v.actions.includes('message') ? (
          <Flex vertical gap={8} style={{ marginTop: 16 }}>
            <Input.TextArea
              rows={3}
              maxLength={5000}
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              placeholder={t('inquiry.replyPlaceholder')}
              data-testid="inquiry-reply"
            />
            <Flex justify="end">
              <Button type="primary" onClick={send} loading={post.isPending} disabled={!draft.trim()} data-testid="inquiry-send">
                {t('inquiry.send')}
              </Button>
            </Flex>
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('inquiry.closedHint')}</Typography.Text>
        )}
      </Card>
    </Flex>
  );
}
