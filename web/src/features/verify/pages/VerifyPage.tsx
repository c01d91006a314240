import { Card, Descriptions, Result, Skeleton, Typography } from 'antd';
import { useParams } from 'react-router';
import { CONTRACT_TYPE_LABELS, type ContractType } from '../../../../../common/contracts';
import { useLabel, useT } from '../../../i18n/locale';
import { isApiProblem } from '../../../lib/api';
import { formatWan } from '../../../lib/money';
import { useVerification } from '../api/get-verification';

/** /verify/:number — the public page the certificate's QR code opens: is this registration real, and its key facts. */
export function VerifyPage() {
  const { number = '' } = useParams();
  const t = useT();
  const label = useLabel();
  const verification = useVerification(number);
  if (verification.isPending)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  if (verification.isError || !verification.data) {
    const notFound = isApiProblem(verification.error) && verification.error.status === 404;
    return (
      <Result
        status={notFound ? 'warning' : 'error'}
        title={notFound ? t('verify.notFound') : verification.error?.message}
        subTitle={`${t('verify.number')}：${number}`}
        data-testid="verify-result"
      />
    );
  }
  const v = verification.data;
  return (
    <Card title={t('verify.title')} style={{ maxWidth: 720, margin: '0 auto' }}>
      <Result
        status={v.status === 'certified' ? 'success' : 'warning'}
        title={v.status === 'certified' ? t('verify.valid') : t('verify.cancelled')}
        data-testid="verify-result"
      />
      <Descriptions
        column={1}
        bordered
        size="small"
        items={[
          {
            key: 'number',
            label: t('verify.number'),
            children: (
              <Typography.Text copyable data-testid="verify-number">
                {v.registrationNumber}
              </Typography.Text>
            ),
          },
          { key: 'type', label: t('verify.type'), children: label(CONTRACT_TYPE_LABELS[v.type as ContractType], v.type) },
          { key: 'signed', label: t('verify.signedOn'), children: v.signedOn },
          { key: 'certified', label: t('verify.certifiedOn'), children: v.certifiedOn },
          { key: 'amount', label: t('verify.contractAmount'), children: formatWan(v.contractAmountFen) },
          { key: 'tech', label: t('verify.technologyAmount'), children: formatWan(v.technologyTransactionAmountFen) },
          { key: 'seller', label: t('verify.seller'), children: v.seller },
          { key: 'buyer', label: t('verify.buyer'), children: v.buyer },
          { key: 'point', label: t('verify.point'), children: v.registrationPoint },
          {
            key: 'code',
            label: t('verify.code'),
            children: (
              <Typography.Text code data-testid="verify-code">
                {v.verificationCode}
              </Typography.Text>
            ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t('verify.maskedHint')}
      </Typography.Paragraph>
    </Card>
  );
}
