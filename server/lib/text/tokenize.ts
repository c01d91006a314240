import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/**
 * The one Chinese/English tokenizer, shared by field suggestion, keyword suggestion and search, so
 * that a query and the text it should match are cut the same way.
 */

// Loading the dictionary takes ~0.3 s, so it is done on first use, not at import.
let jieba: Jieba | undefined;
export const getJieba = (): Jieba => (jieba ??= Jieba.withDict(dict));

/**
 * Function words and boilerplate that carry no topic. Deliberately small: anything topical
 * (even "研究", "分析") is left to IDF weighting, since search may want it.
 */
export const STOPWORDS: ReadonlySet<string> = new Set([
  // single-character function words
  '的',
  '地',
  '得',
  '了',
  '着',
  '过',
  '和',
  '与',
  '及',
  '或',
  '而',
  '且',
  '并',
  '在',
  '是',
  '为',
  '于',
  '以',
  '对',
  '从',
  '由',
  '被',
  '把',
  '将',
  '向',
  '至',
  '之',
  '其',
  '此',
  '该',
  '这',
  '那',
  '也',
  '都',
  '又',
  '就',
  '则',
  '即',
  '但',
  '却',
  '如',
  '若',
  '因',
  '所',
  '等',
  '中',
  '上',
  '下',
  '个',
  '种',
  '一',
  '不',
  '有',
  '无',
  '可',
  '能',
  '会',
  '已',
  '更',
  '最',
  '很',
  '较',
  '各',
  '每',
  // multi-character function words
  '以及',
  '及其',
  '并且',
  '而且',
  '基于',
  '或者',
  '但是',
  '因此',
  '所以',
  '由于',
  '通过',
  '对于',
  '关于',
  '其中',
  '这些',
  '那些',
  '这种',
  '一种',
  '一些',
  '一个',
  '我们',
  '本文',
  '文章',
  '进行',
  '具有',
  '可以',
  '能够',
  '之间',
  '之一',
  '同时',
  '以上',
  '以下',
  '然后',
  '如何',
  '什么',
  '为了',
  '根据',
  '本发明',
  '本实用新型',
  '本申请',
  '涉及',
  '提供',
  '从而',
  '其他',
  '以此',
  '此外',
  '已经',
  '是否',
  '随着',
  // English function words
  'a',
  'an',
  'the',
  'of',
  'and',
  'or',
  'in',
  'on',
  'at',
  'to',
  'for',
  'by',
  'with',
  'from',
  'as',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'this',
  'that',
  'these',
  'those',
  'it',
  'its',
  'into',
]);

/**
 * NFKC folds full-width Latin, digits and punctuation to half-width (ＡＢＣ１２３ → ABC123, ，→ ,)
 * and the ideographic space to a plain one; Latin is then lower-cased.
 */
export const normalizeText = (text: string): string => text.normalize('NFKC').toLowerCase();

// A token is kept only if it contains a letter (any script, so Han counts) or a digit.
const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;

function clean(tokens: string[]): string[] {
  const out: string[] = [];
  for (const raw of tokens) {
    const token = raw.trim();
    if (token === '' || !HAS_WORD_CHAR.test(token) || STOPWORDS.has(token)) continue;
    out.push(token);
  }
  return out;
}

/** Precise-mode segmentation (each character belongs to one token), normalised and filtered. */
export const tokenize = (text: string): string[] => clean(getJieba().cut(normalizeText(text), true));

/**
 * Precise-mode tokens grouped into runs that punctuation or a stopword separates, so callers can
 * join neighbours into compound terms (平方和 + 优化 → 平方和优化) without crossing a boundary.
 */
export function tokenizeRuns(text: string): string[][] {
  const runs: string[][] = [[]];
  for (const raw of getJieba().cut(normalizeText(text), true)) {
    const token = raw.trim();
    if (token === '' || !HAS_WORD_CHAR.test(token) || STOPWORDS.has(token)) {
      if ((runs.at(-1) as string[]).length > 0) runs.push([]);
    } else (runs.at(-1) as string[]).push(token);
  }
  return runs.filter((run) => run.length > 0);
}

/**
 * Search-mode segmentation: long words are also cut into their dictionary sub-words
 * (中华人民共和国 → 中华, 华人, 人民, 共和, 共和国, 中华人民共和国), for indexing and queries.
 */
export const tokenizeForSearch = (text: string): string[] => clean(getJieba().cutForSearch(normalizeText(text), true));

/** The Han characters of a text, in order (for character features). */
export const hanCharacters = (text: string): string[] => normalizeText(text).match(/\p{Script=Han}/gu) ?? [];

/** Overlapping pairs of Han characters, within runs of Han only (for character n-gram features). */
export function hanBigrams(text: string): string[] {
  const out: string[] = [];
  for (const run of normalizeText(text).match(/\p{Script=Han}+/gu) ?? []) {
    for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  }
  return out;
}

/**
 * Adds words to the segmentation dictionary of this process (search's user dictionary: technical
 * terms from published records' keywords), so `tokenize` keeps them whole. Only words jieba would
 * otherwise cut are added; the frequency is high enough to win over the split.
 */
export function addDictionaryWords(words: Iterable<string>): string[] {
  const j = getJieba();
  const added: string[] = [];
  for (const raw of words) {
    const word = normalizeText(raw).trim();
    if (word.length < 2 || /\s/.test(word) || !HAS_WORD_CHAR.test(word)) continue;
    if (j.cut(word, true).length <= 1) continue;
    added.push(word);
  }
  if (added.length) j.loadDict(Buffer.from(added.map((w) => `${w} 1000`).join('\n') + '\n'));
  return added;
}
