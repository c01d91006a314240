import { Alert, Button, Card, Checkbox, Descriptions, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import type { AuctionView } from '../../../../../common/api/trading';
import { useT } from '../../../i18n/locale';
import { useMe } from '../../../lib/auth';
import { useProblemHandler } from '../../../lib/problems';
import { useRegisterBidder } from '../api/register-bidder';
import { useWithdrawRegistration } from '../api/withdraw-registration';
import { formatYuan } from './money';
import { QualificationForm } from './QualificationForm';
import { StatusTag } from './StatusTag';

/** The caller's side of an auction: register as a bidder, or the registration with its 竞买人编号 and deposit. */
export function MyRegistrationCard({ auction, open }: { auction: AuctionView; open: boolean }) {
  const t = useT();
  const me = useMe().data;
  const location = useLocation();
  const onProblem = useProblemHandler();
  const register = useRegisterBidder();
  const withdraw = useWithdrawRegistration();
  const reg = auction.myRegistration;
  const [accepted, setAccepted] = useState(false);

  if (!me) {
    if (!open) return null;
    return (
      <Card title={t('trading.myRegistration')} size="small">
        <Typography.Paragraph type="secondary">{t('trading.loginToBid')}</Typography.Paragraph>
        <Link to="/login" state={{ from: location.pathname }}>
          <Button type="primary">{t('trading.login')}</Button>
        </Link>
      </Card>
    );
  }
  if (!reg && !auction.actions.includes('register')) {
    return null;
  }

  return (
    <Card title={t('trading.myRegistration')} size="small" data-testid="my-registration">
      {reg ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Descriptions
            size="small"
            column={1}
            items={[
              {
                key: 'number',
                label: t('trading.bidderNumber'),
                children: (
                  <Typography.Text strong data-testid="my-bidder-number">
                    {reg.bidderNumber}
                  </Typography.Text>
                ),
              },
              { key: 'status', label: t('trading.qualificationStatus'), children: <StatusTag kind="registration" status={reg.status} /> },
              {
                key: 'deposit',
                label: t('trading.deposit'),
                children: (
                  <Space>
                    {formatYuan(reg.depositFen)}
                    <StatusTag kind="deposit" status={reg.depositStatus} />
                  </Space>
                ),
              },
              ...(reg.reviewReason ? [{ key: 'reason', label: t('trading.reviewReason'), children: reg.reviewReason }] : []),
            ]}
          />
          {reg.eligible ? (
            <Alert type="success" showIcon title={t('trading.eligible')} data-testid="eligible" />
          ) : (
            reg.status !== 'rejected' && reg.status !== 'withdrawn' && <Alert type="info" showIcon title={t('trading.notYetEligible')} />
          )}
          {reg.actions.includes('withdraw') && (
            <Popconfirm
              title={t('trading.withdrawRegistrationConfirm')}
              onConfirm={() => withdraw.mutateAsync({ id: reg.id }).catch(onProblem)}
            >
              <Button danger size="small" loading={withdraw.isPending} data-testid="withdraw-registration">
                {t('trading.withdrawRegistration')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            {t('trading.registerHint', { deposit: formatYuan(auction.depositFen) })}
          </Typography.Paragraph>
          <Card type="inner" size="small" title={t('trading.bidderTerms')} data-testid="bidder-terms">
            <ol style={{ paddingLeft: 20, margin: 0 }}>
              {auction.bidderTerms.items.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ol>
            <Typography.Paragraph style={{ marginTop: 8 }}>
              {t('trading.depositDue', {
                deposit: formatYuan(auction.bidderTerms.depositFen),
                due: new Date(auction.bidderTerms.depositDueAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }),
              })}
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary">{auction.bidderTerms.depositInstructions}</Typography.Paragraph>
            <Typography.Paragraph type="secondary">{t('trading.qualificationDocs')}</Typography.Paragraph>
            <Checkbox checked={accepted} onChange={(e) => setAccepted(e.target.checked)} data-testid="accept-terms">
              {t('trading.acceptTerms', { version: auction.bidderTerms.version })}
            </Checkbox>
          </Card>
          {accepted && (
            <QualificationForm
              testId="register"
              submitLabel={t('trading.registerAsBidder')}
              pending={register.isPending}
              onSubmit={({ qualification, organizationId }) =>
                register.mutateAsync({
                  auctionId: auction.id,
                  body: { qualification, organizationId, acceptedTermsVersion: auction.bidderTerms.version },
                })
              }
            />
          )}
        </>
      )}
    </Card>
  );
}
