import { Alert, Button, Card, Col, Descriptions, Flex, Form, Input, Result, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { Link, useLocation, useParams } from 'react-router';
import type { NoticeView } from '../../../../../common/api/trading';
import { TRANSFER_MODE_LABELS } from '../../../../../common/catalog';
import { useLabel, useT } from '../../../i18n/locale';
import { isApiProblem } from '../../../lib/api';
import { useMe } from '../../../lib/auth';
import { useProblemHandler } from '../../../lib/problems';
import { useFileObjection } from '../api/file-objection';
import { useNotice } from '../api/get-notice';
import { useServerNow } from '../api/server-clock';
import { useWithdrawNotice } from '../api/withdraw-notice';
import { daysLeft } from '../components/Countdown';
import { DossierCard } from '../components/DossierCard';
import { formatYuan } from '../components/money';
import { ObjectionList } from '../components/ObjectionList';
import { ReasonButton } from '../components/ReasonButton';
import { StatusTag } from '../components/StatusTag';
import { formatDay, formatInstant } from '../components/time';
import { SideFigure, TradeHeader } from '../components/TradeHeader';

function ObjectionForm({ noticeId }: { noticeId: string }) {
  const t = useT();
  const onProblem = useProblemHandler();
  const file = useFileObjection();
  const [form] = Form.useForm<{ grounds: string }>();
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={async ({ grounds }) => {
        try {
          await file.mutateAsync({ noticeId, grounds: grounds.trim() });
          form.resetFields();
        } catch (e) {
          onProblem(e, form);
        }
      }}
    >
      <Form.Item
        name="grounds"
        label={t('trading.grounds')}
        rules={[
          { required: true, whitespace: true, message: t('common.required') },
          { min: 10, message: t('trading.atLeast', { n: 10 }) },
        ]}
      >
        <Input.TextArea rows={4} maxLength={3000} showCount placeholder={t('trading.groundsHint')} data-testid="objection-grounds-input" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={file.isPending} data-testid="objection-submit">
        {t('trading.fileObjection')}
      </Button>
    </Form>
  );
}

function NoticeText({ notice }: { notice: NoticeView }) {
  const t = useT();
  const label = useLabel();
  const now = useServerNow(60_000);
  return (
    <Card title={t('trading.noticeText')} data-testid="notice-text">
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          { key: 'name', label: t('trading.achievementName'), children: notice.achievement.title },
          { key: 'summary', label: t('trading.summary'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{notice.summary}</span> },
          {
            key: 'mode',
            label: t('trading.transferMode'),
            children: label(TRANSFER_MODE_LABELS[notice.transferMode], notice.transferMode),
          },
          {
            key: 'price',
            label: t('trading.agreedPrice'),
            children: <span data-testid="agreed-price">{formatYuan(notice.priceFen)}</span>,
          },
          { key: 'seller', label: t('trading.seller'), children: notice.seller.name },
          { key: 'buyer', label: t('trading.buyer'), children: notice.buyer.name },
          {
            key: 'related',
            label: t('trading.relatedPartyLabel'),
            children: notice.relatedParty ? (
              <Space orientation="vertical" size={4} data-testid="related-party">
                <Tag color="orange">{t('trading.relatedParty')}</Tag>
                {notice.relatedPartyReasons.map((r) => (
                  <Typography.Text key={r}>{r}</Typography.Text>
                ))}
                {notice.relationNote && <Typography.Text type="secondary">{notice.relationNote}</Typography.Text>}
              </Space>
            ) : (
              t('trading.notRelated')
            ),
          },
          {
            key: 'period',
            label: t('trading.noticePeriod'),
            children: (
              <span data-testid="notice-period">
                {formatDay(notice.postedAt)} — {formatInstant(notice.endsAt)}（{t('trading.daysCount', { n: notice.noticeDays })}）
                {notice.status === 'posted' && Date.parse(notice.endsAt) > now && (
                  <Tag color="processing" style={{ marginLeft: 8 }}>
                    {t('trading.noticeDaysLeft', { n: daysLeft(notice.endsAt, now) })}
                  </Tag>
                )}
              </span>
            ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('trading.noticeRule')}
      </Typography.Paragraph>
    </Card>
  );
}

/** /trading/notices/:id — an agreed price under public notice (协议定价公示), its objections, answers and resolutions. */
export function NoticePage() {
  const { id = '' } = useParams();
  const t = useT();
  const me = useMe().data;
  const location = useLocation();
  const query = useNotice(id);
  const withdraw = useWithdrawNotice();
  const notice = query.data;

  if (query.isPending)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  if (!notice) {
    const notFound = isApiProblem(query.error) && query.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('trading.notFound') : query.error?.message}
        extra={<Link to="/trading?tab=notices">{t('trading.backToHall')}</Link>}
      />
    );
  }

  return (
    <Flex vertical gap={16}>
      <TradeHeader
        route="agreement"
        achievement={notice.achievement}
        seller={notice.seller}
        regionName={notice.regionName}
        transferMode={notice.transferMode}
        status={
          <>
            <StatusTag kind="notice" status={notice.status} />
            {notice.relatedParty && <Tag color="orange">{t('trading.relatedParty')}</Tag>}
          </>
        }
        side={<SideFigure label={t('trading.agreedPrice')} value={formatYuan(notice.priceFen)} />}
        actions={
          notice.actions.includes('withdraw') && (
            <div>
              <ReasonButton
                danger
                label={t('trading.withdrawNotice')}
                title={t('trading.withdrawNotice')}
                pending={withdraw.isPending}
                testId="withdraw-notice"
                onSubmit={(reason) => withdraw.mutateAsync({ id, reason })}
              />
            </div>
          )
        }
        extra={
          notice.dealId && (
            <Link to={`/trading/deals/${notice.dealId}`} data-testid="deal-link">
              {t('trading.viewDeal')}
            </Link>
          )
        }
      />
      {notice.status === 'awaiting_resolution' && (
        <Alert type="warning" showIcon title={t('trading.awaitingResolution')} data-testid="awaiting-resolution" />
      )}
      {notice.status === 'voided' && <Alert type="error" showIcon title={t('trading.noticeVoided')} />}
      {notice.status === 'concluded' && (
        <Alert type="success" showIcon title={t('trading.noticeConcluded')} data-testid="notice-concluded" />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Flex vertical gap={16}>
            <NoticeText notice={notice} />
            <Card title={`${t('trading.objections')}（${notice.objections.length}）`}>
              <ObjectionList objections={notice.objections} />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} lg={8}>
          <Flex vertical gap={16}>
            {notice.actions.includes('object') ? (
              <Card title={t('trading.fileObjection')} size="small" data-testid="objection-form">
                <ObjectionForm noticeId={id} />
              </Card>
            ) : (
              !me &&
              notice.status === 'posted' && (
                <Card size="small">
                  <Typography.Paragraph type="secondary">{t('trading.loginToObject')}</Typography.Paragraph>
                  <Link to="/login" state={{ from: location.pathname }}>
                    <Button type="primary">{t('trading.login')}</Button>
                  </Link>
                </Card>
              )
            )}
            <DossierCard pricingBasis={notice.pricingBasis} approvals={notice.approvals} />
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}
