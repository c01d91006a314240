import { describe, expect, it } from 'vitest';
import { addLocalMonths, decisionDueAt, disclosureClocks } from './clocks.js';

describe('months on the Beijing calendar', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-08-15', 4, '2026-12-15'],
    ['2026-10-31', 4, '2027-02-28'],
    ['2026-12-01', 12, '2027-12-01'],
  ])('%s + %i months → %s', (day, n, out) => expect(addLocalMonths(day, n)).toBe(out));

  it('the decision is due at the close of the day four months on (Beijing time)', () => {
    // 2026-08-15 01:00 Beijing = 2026-08-14T17:00Z
    expect(decisionDueAt(new Date('2026-08-14T17:00:00Z')).toISOString()).toBe('2026-12-15T16:00:00.000Z');
  });
});

describe('disclosure clocks', () => {
  const base = { today: '2026-12-08', firstPublicDisclosureOn: null, firstOfferForSaleOn: null, publications: [], patentFiledOn: null };

  it('no public disclosure, no filing: no clock runs', () => {
    expect(disclosureClocks(base)).toEqual([]);
  });

  it('the earliest public act starts the six-month grace period', () => {
    const clocks = disclosureClocks({
      ...base,
      firstOfferForSaleOn: '2026-10-20',
      publications: [{ date: '2026-09-01', planned: false, title: '论文' }],
    });
    expect(clocks).toEqual([expect.objectContaining({ kind: 'novelty_grace', deadline: '2027-03-01', daysLeft: 83 })]);
    expect(clocks[0]!.source).toContain('第二十四条');
  });

  it('a planned publication warns to file first; a filing starts the 12-month Paris priority instead', () => {
    const planned = disclosureClocks({ ...base, publications: [{ date: '2027-01-10', planned: true, title: 'ACS 会议报告' }] });
    expect(planned).toEqual([expect.objectContaining({ kind: 'planned_publication', deadline: '2027-01-09', daysLeft: 32 })]);
    const filed = disclosureClocks({ ...base, firstPublicDisclosureOn: '2026-11-01', patentFiledOn: '2026-11-20' });
    expect(filed).toEqual([expect.objectContaining({ kind: 'paris_priority', deadline: '2027-11-20' })]);
  });
});
