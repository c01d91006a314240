import { Card, Flex, Space, Tag, Typography } from 'antd';
import type { ContractView } from '../../../../../common/api/contracts';
import { useLabel, useT } from '../../../i18n/locale';
import { ContractActions } from './ContractActions';
import { ContractStatusTag } from './ContractStatusTag';
import { typeText } from './labels';
import { Yuan } from './money';

/** Title, status, registration number, the two amounts and the caller's actions. */
export function ContractHeader({ contract: c }: { contract: ContractView }) {
  const t = useT();
  const label = useLabel();
  return (
    <Card>
      <Flex vertical gap={12}>
        <Space wrap size={[8, 4]}>
          <ContractStatusTag status={c.status} />
          <Tag>{typeText(label, c.type, c.subtype)}</Tag>
          {c.version > 1 && <Tag color="blue">v{c.version}</Tag>}
          {c.registration && (
            <Typography.Text type="secondary">
              {t('contract.registrationNumber')}{' '}
              <Typography.Text strong data-testid="header-registration-number">
                {c.registration.number}
              </Typography.Text>
            </Typography.Text>
          )}
        </Space>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="contract-title-heading">
          {c.title}
        </Typography.Title>
        <Space size={24} wrap>
          <span>
            <Typography.Text type="secondary">{t('contract.contractAmount')} </Typography.Text>
            <Yuan fen={c.amounts.contractAmountFen} strong testId="header-contract-amount" />
          </span>
          <span>
            <Typography.Text type="secondary">{t('contract.tta')} </Typography.Text>
            <Yuan fen={c.amounts.technologyTransactionAmountFen} strong testId="header-tta" />
          </span>
          <Typography.Text type="secondary">
            {c.seller.name} → {c.buyer.name}
          </Typography.Text>
        </Space>
        <ContractActions contract={c} />
      </Flex>
    </Card>
  );
}
