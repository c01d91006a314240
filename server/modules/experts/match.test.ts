import { describe, expect, it } from 'vitest';
import { demandTerms, MATCH_WEIGHTS, scoreExpert, TEXT_FULL_AT } from './match.js';

const demand = { fieldCode: 'D15', text: '高性能锂电池正极材料 固态电解质 制备工艺' };
const terms = demandTerms(demand);

describe('scoreExpert', () => {
  it('the field alone gives the field points', () => {
    expect(scoreExpert(demand, terms, { fieldCodes: ['D15'], keywords: '钢铁冶炼', fieldNames: [] })).toMatchObject({
      score: MATCH_WEIGHTS.field,
      sameField: true,
      sharedWords: [],
    });
  });

  it('shared words add text points, full at the threshold', () => {
    const one = scoreExpert(demand, terms, { fieldCodes: ['D20'], keywords: '锂电池 回收', fieldNames: [] });
    expect(one.sharedWords).toEqual(['锂电池']);
    expect(one.score).toBe(Math.round(MATCH_WEIGHTS.text / TEXT_FULL_AT));
    const full = scoreExpert(demand, terms, { fieldCodes: ['D15'], keywords: '锂电池 正极材料 固态电解质 制备工艺', fieldNames: [] });
    expect(full.sharedWords.length).toBeGreaterThanOrEqual(TEXT_FULL_AT);
    expect(full.score).toBe(100);
  });

  it('an unrelated expert scores 0', () =>
    expect(scoreExpert(demand, terms, { fieldCodes: ['D01'], keywords: '数论 代数几何', fieldNames: ['数学'] }).score).toBe(0));
});
