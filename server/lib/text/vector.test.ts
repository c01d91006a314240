import { describe, expect, it } from 'vitest';
import { hanGrams, tsvectorLiteral } from './vector.js';

describe('character grams of the search vector', () => {
  it('are the bigrams of each Han run at their character, and the run’s last character', () => {
    expect(hanGrams('锂离子电池，正极')).toEqual([
      { gram: '锂离', at: 0 },
      { gram: '离子', at: 1 },
      { gram: '子电', at: 2 },
      { gram: '电池', at: 3 },
      { gram: '池', at: 4 },
      { gram: '正极', at: 6 },
      { gram: '极', at: 7 },
    ]);
    expect(hanGrams('NCM 锂')).toEqual([{ gram: '锂', at: 4 }]);
  });

  it('sit beside the words, prefixed, at consecutive positions and below the words’ weight', () => {
    const v = tsvectorLiteral({ title: '锂离子电池', keywords: [], summary: '放电池塘', body: '' });
    expect(v).toContain("'电池':"); // the word
    expect(v).toMatch(/'~锂离':1C '~离子':2C '~子电':3C '~电池':4C,\d+ /); // title grams, weight C
    expect(v).toMatch(/'~放电':\d+ /); // summary grams, weight D (no letter)
    expect(v).not.toContain("'放电池塘'");
  });
});
