import { describe, expect, it } from 'vitest';
import { hanBigrams, normalizeText, tokenize, tokenizeForSearch, tokenizeRuns } from './tokenize.js';

describe('tokenize', () => {
  it('segments Chinese into words and drops punctuation and function words', () => {
    const tokens = tokenize('飞行器的姿态控制系统，采用了修正的参数。');
    expect(tokens).toContain('飞行器');
    expect(tokens).toContain('姿态控制');
    expect(tokens).not.toContain('的');
    expect(tokens).not.toContain('了');
    expect(tokens.some((t) => /[，。,.]/.test(t))).toBe(false);
  });

  it('lower-cases Latin and drops English stopwords', () => {
    expect(tokenize('Deep Learning for the LSTM Model')).toEqual(['deep', 'learning', 'lstm', 'model']);
  });

  it('folds full-width Latin, digits and punctuation to half-width', () => {
    expect(normalizeText('ＬＳＴＭ１２３，')).toBe('lstm123,');
    expect(tokenize('基于ＬＳＴＭ模型')).toEqual(['lstm', '模型']);
  });

  it('search mode also yields the sub-words of long words', () => {
    const tokens = tokenizeForSearch('中华人民共和国');
    expect(tokens).toEqual(expect.arrayContaining(['中华', '人民', '共和国', '中华人民共和国']));
    expect(tokenize('中华人民共和国')).toEqual(['中华人民共和国']);
  });

  it('splits runs at punctuation and stopwords, and bigrams stay inside Han runs', () => {
    expect(tokenizeRuns('平方和优化，大角度机动')).toEqual([
      ['平方和', '优化'],
      ['大', '角度', '机动'],
    ]);
    expect(hanBigrams('控制abc系统')).toEqual(['控制', '系统']);
  });

  it('returns nothing for empty or punctuation-only text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('，。！？ ...')).toEqual([]);
  });
});
