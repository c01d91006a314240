import { z } from 'zod';

/**
 * Text rules shared by every request schema and by the server's edge check (server/lib/http/hardening.ts):
 * no NUL or other control characters (tab and line breaks are text), no unpaired UTF-16 surrogates.
 */
export function badTextReason(s: string): string | null {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0) return 'contains a NUL byte';
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || (c >= 0x7f && c <= 0x9f)) return 'contains a control character';
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return 'contains an unpaired surrogate';
    } else if (c >= 0xdc00 && c <= 0xdfff) return 'contains an unpaired surrogate';
  }
  return null;
}

/** Zero-width and invisible formatting characters: a title made only of them is empty. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

/**
 * A trimmed text of at most `max` characters, with invisible characters removed (so a title of only
 * zero-width spaces is empty and `.min(1)` refuses it) and control characters refused.
 */
export const Text = (max: number) =>
  z
    .string()
    .overwrite((s) => s.replace(INVISIBLE, ''))
    .trim()
    .max(max, `must be at most ${max} characters`)
    .superRefine((s, ctx) => {
      const reason = badTextReason(s);
      if (reason) ctx.addIssue({ code: 'custom', message: reason });
    });

/** A link people will click: http or https only (never javascript:, data: or file:). */
export const HttpUrl = (max: number) =>
  z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(max, `must be at most ${max} characters`);

const DAY_MS = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * A calendar day inside a business range: from `earliest` (a fixed day or days relative to today)
 * to `latestDays` after today. Dates like 0000-01-01 or 9999-12-31 are typos, never contracts.
 */
export const DayWithin = (range: { earliest: string | number; latestDays: number; what?: string }) =>
  z.iso.date('must be a date YYYY-MM-DD').superRefine((d, ctx) => {
    const now = Date.now();
    const min = typeof range.earliest === 'string' ? range.earliest : isoDay(new Date(now + range.earliest * DAY_MS));
    const max = isoDay(new Date(now + range.latestDays * DAY_MS));
    if (d < min)
      ctx.addIssue({
        code: 'custom',
        message:
          typeof range.earliest === 'number' && range.earliest >= 0 ? 'must not be in the past' : `must be between ${min} and ${max}`,
      });
    else if (d > max) ctx.addIssue({ code: 'custom', message: `must be between ${min} and ${max}` });
  });

/** An instant within `days` of now, either side (auction times are announced within a year). */
export const InstantWithin = (days: number) =>
  z.iso.datetime({ offset: true, message: 'must be an ISO-8601 date-time' }).superRefine((s, ctx) => {
    const t = Date.parse(s);
    if (Math.abs(t - Date.now()) > days * DAY_MS) ctx.addIssue({ code: 'custom', message: `must be within ${days} days of now` });
  });
