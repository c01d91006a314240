import { describe, expect, it } from 'vitest';
import { buildKeywordIdf, suggestKeywords } from './keywords.js';

const corpus = [
  '混凝土桥梁的裂缝研究\n本文研究了混凝土桥梁的裂缝成因，提出了裂缝控制方法。',
  '中药方剂的研究\n本文研究了中药方剂的配伍方法。',
  '神经网络算法的研究\n本文研究了神经网络算法的收敛方法。',
];

describe('suggestKeywords', () => {
  const idf = buildKeywordIdf(corpus);

  it('prefers specific multi-character terms to words every text shares', () => {
    const keywords = suggestKeywords(corpus[0] as string, 2, idf);
    expect(keywords).toHaveLength(2);
    expect(keywords.some((k) => k.includes('裂缝'))).toBe(true);
    expect(keywords).not.toContain('研究');
    for (const k of keywords) expect([...k].length).toBeGreaterThanOrEqual(2);
  });

  it('joins recurring neighbours into one compound term', () => {
    expect(suggestKeywords(corpus[0] as string, 5, idf)).toContain('混凝土桥梁');
  });

  it('differs between texts and works without an IDF table', () => {
    expect(suggestKeywords(corpus[1] as string, 2, idf)).not.toEqual(suggestKeywords(corpus[2] as string, 2, idf));
    expect(suggestKeywords('神经网络算法', 2).length).toBeGreaterThan(0);
    expect(suggestKeywords('', 5, idf)).toEqual([]);
  });

  it('keeps the IDF table JSON-serialisable', () => {
    expect(JSON.parse(JSON.stringify(idf))).toEqual(idf);
  });
});
