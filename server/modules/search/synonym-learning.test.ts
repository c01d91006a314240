import { describe, expect, it } from 'vitest';
import { isChineseAbbreviation, LEARNING_SETTINGS, learnSynonymCandidates } from './synonym-learning.js';

describe('the Chinese abbreviation test', () => {
  it.each([
    ['锂电池', '锂离子电池', true],
    ['食添加剂', '食品添加剂', true],
    ['北大', '北京大学', false], // 大 is not the last character of 北京大学
    ['电池', '锂离子电池', false], // a contiguous part, not an abbreviation
    ['锂离子', '锂离子电池', false], // a prefix, a part
    ['锂池', '锂离子电池', true], // head and tail kept, in order
    ['池锂', '锂离子电池', false],
    ['锂离子电池', '锂离子电池', false],
    ['Li电池', 'Li离子电池', false], // Han terms only
  ])('%s of %s: %s', (abbr, full, expected) => {
    expect(isChineseAbbreviation(abbr, full)).toBe(expected);
  });
});

describe('learning candidates from keywords', () => {
  it('proposes an abbreviation whose full form is another record’s keyword', () => {
    const found = learnSynonymCandidates([
      ['锂离子电池', '热管理'],
      ['锂离子电池', '正极材料'],
      ['锂电池', '储能'],
      ['电池', '回收'],
    ]);
    const abbr = found.filter((c) => c.source === 'abbreviation');
    expect(abbr.map((c) => c.terms)).toEqual([['锂电池', '锂离子电池']]);
    expect(abbr[0]!.evidence).toEqual({ abbreviationRecords: 1, fullFormRecords: 2 });
  });

  it('proposes keywords that keep the same company but never appear together', () => {
    const found = learnSynonymCandidates([
      ['电动汽车', '动力电池', '续航'],
      ['电动汽车', '动力电池', '充电桩'],
      ['新能源汽车', '动力电池', '续航'],
      ['新能源汽车', '充电桩', '续航'],
    ]);
    const co = found.find((c) => c.source === 'cooccurrence' && c.terms.includes('电动汽车') && c.terms.includes('新能源汽车'));
    expect(co).toBeDefined();
    expect(co!.evidence.sharedNeighbours).toEqual(['充电桩', '动力电池', '续航']);
    expect(co!.score).toBeGreaterThanOrEqual(LEARNING_SETTINGS.minCosine * 100);
  });

  it('does not propose keywords that sit on the same record (related, not the same)', () => {
    const found = learnSynonymCandidates([
      ['电动汽车', '新能源汽车', '动力电池', '续航'],
      ['电动汽车', '动力电池', '续航'],
      ['新能源汽车', '动力电池', '续航'],
    ]);
    expect(found.some((c) => c.terms.includes('电动汽车') && c.terms.includes('新能源汽车'))).toBe(false);
  });

  it('needs the minimum of shared neighbours, records and a shared character', () => {
    // One shared neighbour only.
    expect(
      learnSynonymCandidates([
        ['电动汽车', '续航'],
        ['电动汽车', '续航'],
        ['新能源汽车', '续航'],
        ['新能源汽车', '续航'],
      ]),
    ).toEqual([]);
    // Keywords on one record each: below the record minimum.
    expect(
      learnSynonymCandidates([
        ['电动汽车', '续航', '动力电池'],
        ['新能源汽车', '续航', '动力电池'],
      ]),
    ).toEqual([]);
    // Same company, no character in common.
    const noChar = learnSynonymCandidates([
      ['光伏', '逆变器', '储能'],
      ['光伏', '逆变器', '储能'],
      ['太阳能发电', '逆变器', '储能'],
      ['太阳能发电', '逆变器', '储能'],
    ]);
    expect(noChar).toEqual([]);
  });
});
