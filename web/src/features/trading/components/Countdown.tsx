import { Typography } from 'antd';
import { useT, type Translate } from '../../../i18n/locale';
import { useServerNow } from '../api/server-clock';

const pad = (n: number) => String(n).padStart(2, '0');

/** 93784000 ms → "1天 02:03:04"; under a day "02:03:04". */
export function formatRemaining(ms: number, t: Translate): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(s / 86400);
  const clock = `${pad(Math.floor((s % 86400) / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
  return days > 0 ? `${t('trading.days', { n: days })} ${clock}` : clock;
}

/** Time left until `to` by the server's clock, ticking every second; `done` once it has passed. */
export function Countdown({ to, done, testId, strong }: { to: string; done?: string; testId?: string; strong?: boolean }) {
  const t = useT();
  const now = useServerNow();
  const left = Date.parse(to) - now;
  return (
    <Typography.Text
      strong={strong}
      type={left <= 0 ? 'secondary' : left < 5 * 60_000 ? 'danger' : undefined}
      data-testid={testId}
      style={{ fontVariantNumeric: 'tabular-nums' }}
    >
      {left <= 0 ? (done ?? t('trading.timeUp')) : formatRemaining(left, t)}
    </Typography.Text>
  );
}

/** Whole days left until `to` (the notice's last day counts as one), by the server's clock. */
export function daysLeft(to: string, now: number): number {
  return Math.max(0, Math.ceil((Date.parse(to) - now) / 86400_000));
}
