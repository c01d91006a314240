import { Card, Descriptions, Empty, List, Typography } from 'antd';
import { PRICING_METHOD_LABELS, type Approval, type PricingBasis } from '../../../../../common/api/trading';
import { useLabel, useT } from '../../../i18n/locale';
import { formatYuan } from './money';

/** How the price was arrived at and who approved trading: what goes into the pricing-decision dossier. */
export function DossierCard({ pricingBasis, approvals }: { pricingBasis: PricingBasis | null; approvals: Approval[] }) {
  const t = useT();
  const label = useLabel();
  return (
    <Card title={t('trading.dossierInputs')} size="small">
      {pricingBasis ? (
        <Descriptions
          size="small"
          column={1}
          items={[
            {
              key: 'method',
              label: t('trading.pricingMethod'),
              children: label(PRICING_METHOD_LABELS[pricingBasis.method], pricingBasis.method),
            },
            ...(pricingBasis.appraiser ? [{ key: 'appraiser', label: t('trading.appraiser'), children: pricingBasis.appraiser }] : []),
            ...(pricingBasis.appraisedValueFen != null
              ? [{ key: 'value', label: t('trading.appraisedValue'), children: formatYuan(pricingBasis.appraisedValueFen) }]
              : []),
            ...(pricingBasis.reportNumber
              ? [{ key: 'report', label: t('trading.reportNumber'), children: pricingBasis.reportNumber }]
              : []),
            ...(pricingBasis.reportDate ? [{ key: 'date', label: t('trading.reportDate'), children: pricingBasis.reportDate }] : []),
            ...(pricingBasis.note ? [{ key: 'note', label: t('trading.pricingNote'), children: pricingBasis.note }] : []),
          ]}
        />
      ) : (
        <Typography.Text type="secondary">{t('trading.noPricingBasis')}</Typography.Text>
      )}
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        {t('trading.approvals')}
      </Typography.Title>
      {approvals.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('trading.noApprovals')} />
      ) : (
        <List
          size="small"
          dataSource={approvals}
          renderItem={(a) => (
            <List.Item>
              <List.Item.Meta title={`${a.body} · ${a.decidedOn}${a.reference ? ` · ${a.reference}` : ''}`} description={a.decision} />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
