import { Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useT } from '../../../i18n/locale';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Time left until `deadline`, ticking every second. `serverNow` (from the payload) corrects the
 * browser's clock, so the countdown follows the server's time.
 */
export function Countdown({ deadline, serverNow, testId }: { deadline: string; serverNow: string; testId?: string }) {
  const t = useT();
  const [skew] = useState(() => Date.parse(serverNow) - Date.now());
  const [now, setNow] = useState(() => Date.now() + skew);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now() + skew), 1000);
    return () => clearInterval(timer);
  }, [skew]);
  const left = Date.parse(deadline) - now;
  if (left <= 0) return <Typography.Text type="secondary">{t('challenges.closed')}</Typography.Text>;
  const s = Math.floor(left / 1000);
  const days = Math.floor(s / 86400);
  const clock = `${pad(Math.floor((s % 86400) / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
  return (
    <Typography.Text strong data-testid={testId} style={{ fontVariantNumeric: 'tabular-nums' }} type={days < 1 ? 'danger' : undefined}>
      {days > 0 ? `${t('challenges.days', { n: days })} ${clock}` : clock}
    </Typography.Text>
  );
}
