import { describe, expect, it } from 'vitest';
import { badTextReason, DayWithin, HttpUrl, InstantWithin, Text } from './text.js';

describe('Text', () => {
  it('trims and removes invisible characters, so a title of zero-width spaces is empty', () => {
    expect(Text(10).parse('  锂电池\u200B ')).toBe('锂电池');
    expect(Text(10).min(1, 'is required').safeParse('\u200B\u200C\uFEFF').success).toBe(false);
  });
  it('refuses NUL, control characters and unpaired surrogates; keeps tabs, line breaks and emoji', () => {
    for (const bad of ['a\u0000b', 'a\u0007b', 'a\u009Fb', 'x\uD800', '\uDC00y']) expect(Text(50).safeParse(bad).success).toBe(false);
    for (const good of ['第一行\n第二行', '\t缩进', '电池🔋']) expect(Text(50).safeParse(good).success).toBe(true);
    expect(badTextReason('ok')).toBeNull();
    expect(badTextReason('a\u0000')).toMatch(/NUL/);
  });
});

describe('HttpUrl', () => {
  it('takes http and https links only', () => {
    expect(HttpUrl(100).safeParse('https://example.com/a.pdf').success).toBe(true);
    expect(HttpUrl(100).safeParse('http://example.com').success).toBe(true);
    for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,hi', 'ftp://x.org/a'])
      expect(HttpUrl(100).safeParse(bad).success).toBe(false);
  });
});

describe('DayWithin / InstantWithin', () => {
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  it('refuses days outside the business range, at each edge', () => {
    const signed = DayWithin({ earliest: '1980-01-01', latestDays: 366 });
    expect(signed.safeParse('1980-01-01').success).toBe(true);
    expect(signed.safeParse('1979-12-31').success).toBe(false);
    expect(signed.safeParse('0000-01-01').success).toBe(false);
    expect(signed.safeParse('9999-12-31').success).toBe(false);
    expect(signed.safeParse(day(365)).success).toBe(true);
    expect(signed.safeParse(day(368)).success).toBe(false);
    const deadline = DayWithin({ earliest: 0, latestDays: 5 * 366 });
    expect(deadline.safeParse(day(0)).success).toBe(true);
    expect(deadline.safeParse(day(-3)).success).toBe(false);
    expect(deadline.safeParse(day(6 * 366)).success).toBe(false);
  });
  it('keeps auction times within a year of now', () => {
    const at = InstantWithin(366);
    expect(at.safeParse(new Date(Date.now() + 30 * 86_400_000).toISOString()).success).toBe(true);
    expect(at.safeParse('9999-01-01T00:00:00Z').success).toBe(false);
    expect(at.safeParse('1800-01-01T00:00:00Z').success).toBe(false);
  });
});
