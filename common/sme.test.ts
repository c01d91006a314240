import { describe, expect, it } from 'vitest';
import { assessSme, bandPoints, ipScore, RD_COST_BANDS, RD_REVENUE_BANDS, STAFF_BANDS, type SmeInput } from './sme.js';

// 国科发政〔2017〕115号 第七条: each band's lower edge is inclusive ("（含）").
const base: SmeInput = {
  staff: 100,
  techStaff: 30,
  revenueFen: 10_000_000_000,
  assetsFen: 10_000_000_000,
  rdExpenseFen: 600_000_000,
  costExpenseFen: null,
  classIRights: 1,
  classIIRights: 0,
  directQualifications: [],
  declarationsConfirmed: true,
};

describe('科技型中小企业 bands', () => {
  it.each([
    [30, 20],
    [29.9, 16],
    [25, 16],
    [24.9, 12],
    [20, 12],
    [19.9, 8],
    [15, 8],
    [14.9, 4],
    [10, 4],
    [9.9, 0],
    [0, 0],
  ])('staff ratio %s%% → %s points', (pct, points) => {
    expect(bandPoints(pct * 10, 1000, STAFF_BANDS)).toBe(points);
  });

  it.each([
    [6, 50],
    [5.99, 40],
    [5, 40],
    [4.99, 30],
    [4, 30],
    [3.99, 20],
    [3, 20],
    [2.99, 10],
    [2, 10],
    [1.99, 0],
  ])('R&D / revenue %s%% → %s points', (pct, points) => {
    expect(bandPoints(Math.round(pct * 100), 10_000, RD_REVENUE_BANDS)).toBe(points);
  });

  it.each([
    [30, 50],
    [29.99, 40],
    [25, 40],
    [20, 30],
    [19.99, 20],
    [15, 20],
    [10, 10],
    [9.99, 0],
  ])('R&D / costs %s%% → %s points', (pct, points) => {
    expect(bandPoints(Math.round(pct * 100), 10_000, RD_COST_BANDS)).toBe(points);
  });

  it.each([
    [1, 0, 30],
    [2, 5, 30],
    [0, 5, 24],
    [0, 4, 24],
    [0, 3, 18],
    [0, 2, 12],
    [0, 1, 6],
    [0, 0, 0],
  ])('%s Class I and %s Class II rights → %s points', (i, ii, points) => {
    expect(ipScore(i, ii)).toBe(points);
  });
});

describe('assessSme', () => {
  it('60 points with staff > 0 qualifies; 59 does not', () => {
    // staff 10% → 4, R&D 6% → 50, 1 Class II → 6: 60
    const at60 = assessSme({ ...base, techStaff: 10, classIRights: 0, classIIRights: 1 });
    expect(at60).toMatchObject({ total: 60, staffScore: 4, qualified: true, route: 'score' });
    // staff 10% → 4, R&D 5% → 40, 3 Class II → 18 → 62; with 2 Class II → 56
    const at56 = assessSme({ ...base, techStaff: 10, rdExpenseFen: 500_000_000, classIRights: 0, classIIRights: 2 });
    expect(at56).toMatchObject({ total: 56, qualified: false });
  });

  it('a staff score of 0 fails whatever the total', () => {
    const r = assessSme({ ...base, techStaff: 9 }); // 9%: 0 + 50 + 30 = 80
    expect(r).toMatchObject({ total: 80, staffScore: 0, qualified: false });
    expect(r.reasons).toContain('科技人员指标得分为 0 分');
  });

  it('size limits are inclusive: 500 staff, ¥200M revenue and assets pass; one more fails', () => {
    const edge = {
      ...base,
      staff: 500,
      techStaff: 150,
      revenueFen: 20_000_000_000,
      assetsFen: 20_000_000_000,
      rdExpenseFen: 1_200_000_000,
    };
    expect(assessSme(edge)).toMatchObject({ sizeOk: true, qualified: true });
    expect(assessSme({ ...edge, staff: 501 })).toMatchObject({ sizeOk: false, qualified: false });
    expect(assessSme({ ...edge, revenueFen: 20_000_000_001 })).toMatchObject({ sizeOk: false, qualified: false });
    expect(assessSme({ ...edge, assetsFen: 20_000_000_001 })).toMatchObject({ sizeOk: false, qualified: false });
  });

  it('the better R&D ratio counts when costs are given', () => {
    // revenue ratio 1% → 0; costs ratio 600/2000 = 30% → 50
    const r = assessSme({ ...base, revenueFen: 60_000_000_000 / 1, assetsFen: 1, costExpenseFen: 2_000_000_000 });
    expect(r).toMatchObject({ rdScore: 50, rdBasis: 'cost', sizeOk: false });
  });

  it('direct confirmation (第八条) replaces the score but not the size test', () => {
    const weak = { ...base, techStaff: 0, rdExpenseFen: 0, classIRights: 0 };
    expect(assessSme({ ...weak, directQualifications: ['high_tech_certificate'] })).toMatchObject({ route: 'direct', qualified: true });
    expect(assessSme({ ...weak, staff: 600, directQualifications: ['high_tech_certificate'] })).toMatchObject({ qualified: false });
  });
});
