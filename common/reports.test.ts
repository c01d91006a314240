import { describe, expect, it } from 'vitest';
import { creditCodeFromSerialBody } from './credit-code.js';
import {
  abstractProblem,
  addMonths,
  addYears,
  keywordsProblem,
  mustFileAnnualReport,
  organizationCodeOf,
  releaseProblem,
  reportModeOf,
  stReportNumber,
  ST_REPORT_RULES,
} from './reports.js';

const CODE = creditCodeFromSerialBody('12120104MB0000011'); // 津沽大学 (demo)

describe('S&T report number', () => {
  it('is the organisation code (credit code characters 9–17), the project number and a two-digit sequence', () => {
    expect(organizationCodeOf(CODE)).toBe(CODE.slice(8, 17));
    expect(organizationCodeOf(CODE)).toHaveLength(9);
    expect(stReportNumber(CODE, '2022YFB3803600', 1)).toBe(`${CODE.slice(8, 17)}-2022YFB3803600-01`);
    expect(stReportNumber(CODE, '2022YFB3803600', 99)).toBe(`${CODE.slice(8, 17)}-2022YFB3803600-99`);
  });

  it.each([
    ['a credit code with a wrong check character', `${CODE.slice(0, 17)}${CODE[17] === '0' ? '1' : '0'}`, 'AB', 1],
    ['a one-character project number', CODE, 'A', 1],
    ['a lower-case project number', CODE, '2022yfb', 1],
    ['sequence 0', CODE, 'AB', 0],
    ['sequence 100', CODE, 'AB', ST_REPORT_RULES.sequenceMax.value + 1],
  ])('refuses %s', (_label, code, project, seq) => {
    expect(() => stReportNumber(code, project, seq)).toThrow(RangeError);
  });
});

describe('abstract and keywords', () => {
  const min = ST_REPORT_RULES.abstractMin.value;
  const max = ST_REPORT_RULES.abstractMax.value;
  it.each([
    [min - 1, false],
    [min, true],
    [max, true],
    [max + 1, false],
  ])('an abstract of %i characters is accepted: %s', (n, ok) => {
    expect(abstractProblem('研'.repeat(n)) === null).toBe(ok);
  });

  it('counts a character outside the BMP once and ignores surrounding spaces', () => {
    expect(abstractProblem(`  ${'𠀀'.repeat(min)}  `)).toBeNull();
  });

  it.each([
    [2, false],
    [3, true],
    [8, true],
    [9, false],
  ])('%i keywords are accepted: %s', (n, ok) => {
    expect(keywordsProblem(Array.from({ length: n }, (_, i) => `关键词${i}`)) === null).toBe(ok);
  });

  it('refuses empty and repeated keywords', () => {
    expect(keywordsProblem(['储能', '储能', '电池'])).not.toBeNull();
    expect(keywordsProblem(['储能', ' ', '电池'])).not.toBeNull();
  });
});

describe('delayed release', () => {
  const today = '2026-12-08';
  it.each([
    ['today', today, false],
    ['tomorrow', '2026-12-09', true],
    ['exactly 5 years on', '2031-12-08', true],
    ['5 years and a day on', '2031-12-09', false],
  ])('release %s is accepted: %s', (_l, day, ok) => {
    expect(releaseProblem('delayed', day, today) === null).toBe(ok);
  });
  it('requires a date for a delayed report and none for a public one', () => {
    expect(releaseProblem('delayed', null, today)).not.toBeNull();
    expect(releaseProblem('public', '2027-01-01', today)).not.toBeNull();
    expect(releaseProblem('public', null, today)).toBeNull();
  });
});

describe('dates', () => {
  it('adds years and months clamping to the month’s end', () => {
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
    expect(addYears('2028-02-29', 4)).toBe('2032-02-29');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-15', 2)).toBe('2027-01-15');
    expect(addMonths('2026-12-08', 12)).toBe('2027-12-08');
  });
});

describe('who files the annual report and how deals are grouped', () => {
  it('public-institution universities and institutes file; enterprises and privately registered ones do not', () => {
    expect(mustFileAnnualReport({ type: 'university', creditCode: CODE })).toBe(true);
    expect(mustFileAnnualReport({ type: 'research_institute', creditCode: CODE })).toBe(true);
    expect(mustFileAnnualReport({ type: 'university', creditCode: `5${CODE.slice(1)}` })).toBe(false);
    expect(mustFileAnnualReport({ type: 'enterprise', creditCode: CODE })).toBe(false);
  });
  it('groups licences of every kind under licence, and leaves development and service to block 4', () => {
    expect(['transfer', 'license_exclusive', 'license_sole', 'license_ordinary', 'equity'].map(reportModeOf)).toEqual([
      'transfer',
      'license',
      'license',
      'license',
      'equity',
    ]);
    expect(reportModeOf('joint_development')).toBeNull();
    expect(reportModeOf('technical_service')).toBeNull();
  });
});
