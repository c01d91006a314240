import { Card, Result } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import { useT } from '../i18n/locale';

export type ComingArea = 'achievements' | 'demands' | 'trading' | 'contracts' | 'statistics';

/** The placeholder an area shows until it is built: its name and one sentence of what it will do. */
export function ComingSoon({ area }: { area: ComingArea }) {
  const t = useT();
  return (
    <Card>
      <Result icon={<ClockCircleOutlined />} title={`${t(`nav.${area}`)} · ${t('comingSoon.title')}`} subTitle={t(`comingSoon.${area}`)} />
    </Card>
  );
}
