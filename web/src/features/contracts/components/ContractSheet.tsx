import { Card, Descriptions, Divider, Flex, Table, Tag, Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { ContractView } from '../../../../../common/api/contracts';
import { IP_KIND_LABELS, type IpKind } from '../../../../../common/catalog';
import { useLabel, useLocale, useT } from '../../../i18n/locale';
import { formatDateTime } from '../../../lib/format';
import { AmountComputation } from './AmountComputation';
import { useAttachmentKindLabel } from './AttachmentsCard';
import { typeText } from './labels';
import { Yuan } from './money';
import { PartyDescriptions } from './PartyDescriptions';

/** Everything a registrar reads before deciding: the contract's facts, parties, IP, amounts worked out, payments and documents. */
export function ContractSheet({ contract: c }: { contract: ContractView }) {
  const t = useT();
  const label = useLabel();
  const { locale } = useLocale();
  const kindLabel = useAttachmentKindLabel();
  return (
    <Flex vertical gap={16}>
      <Card title={t('contract.section.basic')}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'type', label: t('contract.type'), children: typeText(label, c.type, c.subtype) },
            { key: 'field', label: t('contract.field'), children: c.fieldName ?? c.fieldCode ?? '—' },
            { key: 'signed', label: t('contract.signedOn'), children: c.signedOn },
            {
              key: 'valid',
              label: t('contract.validity'),
              children: c.validFrom || c.validUntil ? `${c.validFrom ?? '…'} — ${c.validUntil ?? '…'}` : '—',
            },
            { key: 'applicant', label: t('contract.applicant'), children: c.applicant.name },
            {
              key: 'point',
              label: t('contract.registrationPoint'),
              children: `${c.registrationPoint.name}（${c.registrationPoint.regionName}）`,
            },
            ...(c.technologyImport
              ? [{ key: 'import', label: t('contract.technologyImport'), children: <Tag color="purple">{t('common.yes')}</Tag> }]
              : []),
            ...(c.dealId
              ? [
                  {
                    key: 'deal',
                    label: t('contract.deal'),
                    children: <Link to={`/trading/deals/${c.dealId}`}>{t('contract.openDeal')}</Link>,
                  },
                ]
              : []),
            {
              key: 'subject',
              label: t('contract.subject'),
              span: 'filled' as const,
              children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{c.subject}</Typography.Paragraph>,
            },
          ]}
        />
      </Card>
      <Card title={t('contract.section.parties')}>
        <PartyDescriptions title={t('contract.seller')} party={c.seller} testId="party-seller" />
        <Divider style={{ margin: '12px 0' }} />
        <PartyDescriptions title={t('contract.buyer')} party={c.buyer} testId="party-buyer" />
        {c.intermediary && (
          <>
            <Divider style={{ margin: '12px 0' }} />
            <PartyDescriptions title={t('contract.intermediary')} party={c.intermediary} />
          </>
        )}
        {c.broker && (
          <>
            <Divider style={{ margin: '12px 0' }} />
            <Typography.Text strong>{t('contract.brokerName')}：</Typography.Text> {c.broker.name}
          </>
        )}
      </Card>
      <Card title={t('contract.section.amounts')}>
        <AmountComputation
          amounts={c.amounts}
          items={c.nonTechnicalCosts}
          adjustmentReason={c.amounts.adjustmentReason}
          testId="contract-amounts"
        />
        <Flex vertical gap={4} style={{ marginTop: 12 }}>
          <span>
            {t('contract.vat.title')}{' '}
            <Tag color={c.vatExemption.eligible ? 'green' : 'default'}>
              {c.vatExemption.eligible ? t('contract.vat.eligible') : t('contract.vat.notEligible')}
            </Tag>
            {c.relatedServicesInvoicedTogether && <Tag>{t('contract.relatedServices')}</Tag>}
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {locale === 'en' ? c.vatExemption.reasonEn : c.vatExemption.reasonZh}
          </Typography.Text>
        </Flex>
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          {t('contract.payments.title')}
        </Typography.Title>
        <Table
          size="small"
          pagination={false}
          rowKey={(p) => `${p.condition}|${p.dueOn ?? ''}|${p.amountFen}`}
          dataSource={c.payments}
          locale={{ emptyText: t('contract.payments.none') }}
          columns={[
            { title: t('contract.payments.conditionTitle'), dataIndex: 'condition' },
            { title: t('contract.payments.dueOn'), dataIndex: 'dueOn', width: 120, render: (d: string | null) => d ?? '—' },
            {
              title: t('contract.payments.amount'),
              dataIndex: 'amountFen',
              align: 'right',
              width: 160,
              render: (f: number) => <Yuan fen={f} />,
            },
          ]}
        />
      </Card>
      <Card title={t('contract.section.ip')}>
        <Table
          size="small"
          pagination={false}
          rowKey={(a) => `${a.kind}-${a.number ?? a.title}`}
          dataSource={c.ipInvolved}
          locale={{ emptyText: t('contract.ip.none') }}
          columns={[
            { title: t('contract.ip.kind'), dataIndex: 'kind', width: 140, render: (k: string) => label(IP_KIND_LABELS[k as IpKind], k) },
            { title: t('contract.ip.number'), dataIndex: 'number', width: 180, render: (n: string | null) => n ?? '—' },
            { title: t('contract.ip.title'), dataIndex: 'title' },
          ]}
        />
      </Card>
      <Card title={t('contract.section.attachments')}>
        <Flex vertical gap={8}>
          {c.attachments.length === 0 && <Typography.Text type="secondary">{t('contract.attachment.none')}</Typography.Text>}
          {c.attachments.map((a) => (
            <Flex key={a.id} gap={8} align="center" wrap>
              <PaperClipOutlined />
              <a href={a.url} target="_blank" rel="noreferrer" data-testid="attachment-link">
                {a.name}
              </a>
              <Tag>{kindLabel(a.kind)}</Tag>
              <Typography.Text type="secondary">{formatDateTime(a.createdAt, locale)}</Typography.Text>
            </Flex>
          ))}
        </Flex>
      </Card>
    </Flex>
  );
}
