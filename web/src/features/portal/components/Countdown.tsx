import { useEffect, useState } from 'react';
import { useT } from '../../../i18n/locale';

/** Time left until `endsAt`, ticking each second on the server's clock (offset measured when the list was fetched). */
export function Countdown({ endsAt, offsetMs }: { endsAt: string; offsetMs: number }) {
  const t = useT();
  const [now, setNow] = useState(() => Date.now() + offsetMs);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now() + offsetMs), 1000);
    return () => clearInterval(timer);
  }, [offsetMs]);
  const left = Math.max(0, Date.parse(endsAt) - now);
  if (left === 0) return <span>{t('portal.auction.ending')}</span>;
  const s = Math.floor(left / 1000);
  const d = Math.floor(s / 86400);
  const hh = String(Math.floor((s % 86400) / 3600)).padStart(2, '0');
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return (
    <span style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="auction-countdown">
      {d > 0 ? t('portal.auction.days', { d }) : ''}
      {hh}:{mm}:{ss}
    </span>
  );
}
