import type { Locale } from '../i18n/locale';

/** A timestamp in the reader's time zone, e.g. 2025/3/1 14:05. */
export function formatDateTime(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

/** A short description of a browser from its user-agent string. */
export function describeUserAgent(ua: string | null | undefined): string {
  if (!ua) return '—';
  const browser =
    /Edg\/(\d+)/.exec(ua)?.[0]?.replace('Edg', 'Edge') ??
    /(Firefox|Chrome|Chromium)\/(\d+)/.exec(ua)?.[0] ??
    (/Version\/(\d+).*Safari/.test(ua) ? 'Safari' : null);
  const os = /Windows|Mac OS X|Android|iPhone|iPad|Linux/.exec(ua)?.[0];
  if (!browser && !os) return ua.slice(0, 60);
  return [browser, os].filter(Boolean).join(' · ');
}
