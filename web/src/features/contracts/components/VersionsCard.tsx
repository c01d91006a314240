import { Card, Timeline, Typography } from 'antd';
import { useLocale, useT } from '../../../i18n/locale';
import { formatDateTime } from '../../../lib/format';
import { useContractVersions } from '../api/list-contract-versions';
import { yuan } from './money';

const COLORS = { certified: 'green', amended: 'blue', cancelled: 'gray' } as const;

/** The registered versions: the certification, each amendment with its reason, the cancellation. */
export function VersionsCard({ id, enabled }: { id: string; enabled: boolean }) {
  const t = useT();
  const { locale } = useLocale();
  const versions = useContractVersions(id, enabled);
  if (!enabled || !versions.data?.length) return null;
  return (
    <Card title={t('contract.section.versions')} data-testid="versions">
      <Timeline
        items={versions.data.map((v) => ({
          color: COLORS[v.event],
          content: (
            <>
              <Typography.Text strong>
                v{v.version} · {t(`contract.event.${v.event}`)}
              </Typography.Text>{' '}
              <Typography.Text type="secondary">{formatDateTime(v.createdAt, locale)}</Typography.Text>
              <div>
                {t('contract.contractAmount')} {yuan(v.contractAmountFen)} · {t('contract.tta')} {yuan(v.technologyTransactionAmountFen)}
              </div>
              {v.reason && <Typography.Text type="secondary">{v.reason}</Typography.Text>}
            </>
          ),
        }))}
      />
    </Card>
  );
}
