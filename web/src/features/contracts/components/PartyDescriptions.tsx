import { Descriptions, Typography } from 'antd';
import type { z } from 'zod';
import type { PartyView } from '../../../../../common/api/contracts';
import { ORGANIZATION_TYPE_LABELS, type OrganizationType } from '../../../../../common/roles';
import { useLabel, useT } from '../../../i18n/locale';
import { useCountryName } from './CountrySelect';

type Party = z.infer<typeof PartyView>;

/** One party as the registrar checks it: name, credit code, type, where it is, contact. */
export function PartyDescriptions({ title, party, testId }: { title: string; party: Party; testId?: string }) {
  const t = useT();
  const label = useLabel();
  const country = useCountryName();
  const type =
    party.organizationType === 'individual'
      ? t('contract.party.individual')
      : party.organizationType === 'other'
        ? t('contract.party.otherType')
        : label(ORGANIZATION_TYPE_LABELS[party.organizationType as OrganizationType], party.organizationType);
  const where =
    party.country === 'CN' ? (party.regionName ?? party.regionCode ?? '—') : `${t('contract.party.abroad')} · ${country(party.country)}`;
  return (
    <Descriptions
      title={<Typography.Text strong>{title}</Typography.Text>}
      size="small"
      column={{ xs: 1, md: 2 }}
      data-testid={testId}
      items={[
        { key: 'name', label: t('contract.party.name'), children: party.name },
        { key: 'type', label: t('contract.party.type'), children: type },
        { key: 'where', label: t('contract.party.location'), children: where },
        {
          key: 'code',
          label: t('contract.party.creditCode'),
          children: <span style={{ fontFamily: 'monospace' }}>{party.creditCode ?? '—'}</span>,
        },
        { key: 'address', label: t('contract.party.address'), children: party.address ?? '—' },
        {
          key: 'contact',
          label: t('contract.party.contact'),
          children: [party.contactName, party.contactPhone].filter(Boolean).join(' ') || '—',
        },
      ]}
    />
  );
}
