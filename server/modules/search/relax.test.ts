import { describe, expect, it } from 'vitest';
import { parseQuery } from './query.js';
import { hanRuns, inOrderPattern, isAbbreviationOf, relaxQuery, runBigrams, suggestFullerTerm } from './relax.js';

describe('the abbreviation matcher', () => {
  it('accepts a term holding the characters in order', () => {
    expect(isAbbreviationOf('锂电池', '锂离子电池')).toBe(true);
    expect(isAbbreviationOf('食添加剂', '食品添加剂')).toBe(true);
    expect(isAbbreviationOf('锂电 池', '锂离子电池')).toBe(true);
  });
  it('refuses other orders, missing characters, and the term itself', () => {
    expect(isAbbreviationOf('电锂池', '锂离子电池')).toBe(false);
    expect(isAbbreviationOf('钠电池', '锂离子电池')).toBe(false);
    expect(isAbbreviationOf('锂离子电池', '锂离子电池')).toBe(false);
    expect(isAbbreviationOf('', '锂离子电池')).toBe(false);
  });
  it('suggests the fuller term most records hold, then the shortest', () => {
    const records = [['锂离子电池', '正极材料'], ['锂离子电池'], ['锂离子动力电池组'], ['钠离子电池']];
    expect(suggestFullerTerm('锂电池', records)).toBe('锂离子电池');
    expect(suggestFullerTerm('锂电池', [['锂离子动力电池组'], ['锂离子电池']])).toBe('锂离子电池');
    expect(suggestFullerTerm('食添加剂', [['食品添加剂', '防腐剂']])).toBe('食品添加剂');
    expect(suggestFullerTerm('锂电池', [['钠离子电池']])).toBeNull();
    expect(suggestFullerTerm('锂', [['锂离子电池']])).toBeNull();
  });
});

describe('the relaxation ladder', () => {
  it('cuts what was typed into Han runs and bigrams', () => {
    expect(hanRuns('锂离子 电池 abc')).toEqual(['锂离子', '电池']);
    expect(runBigrams('锂离子电池')).toEqual(['锂离', '离子', '子电', '电池']);
    expect(runBigrams('锂')).toEqual(['锂']);
  });
  it('asks for every bigram of the text as typed (across jieba cuts), then every character in order', () => {
    expect(relaxQuery('锂电池', 'bigrams')!.tsquery).toBe("'~锂电' & '~电池'");
    const chars = relaxQuery('锂电池', 'characters')!;
    expect(chars.tsquery).toBe("'~锂':* & '~电':* & '~池':*");
    expect(inOrderPattern(chars.inOrder!)).toBe('%锂%电%池%');
    // Latin words stay words at every level; bigrams do not cross a space.
    expect(relaxQuery('锂离子 电池 NCM', 'bigrams')!.tsquery).toBe("'~锂离' & '~离子' & '~电池' & 'ncm'");
    expect(relaxQuery('ncm', 'bigrams')).toBeNull();
  });
  it('matches words with their bigrams beside them at the first level, and a lone character anywhere', () => {
    expect(parseQuery('电池', new Map()).tsquery).toBe("('电池' | '~电池')");
    expect(parseQuery('锂', new Map()).tsquery).toBe("('锂' | '~锂':*)");
    // A character jieba cut off a longer query is a word there, not any occurrence of it.
    expect(parseQuery('食添加剂', new Map()).tsquery).toMatch(/^'食' & /);
  });
});
