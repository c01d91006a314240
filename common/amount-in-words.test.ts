import { describe, expect, it } from 'vitest';
import { amountInChineseCapitals } from './amount-in-words.js';

describe('amountInChineseCapitals', () => {
  it.each([
    [0, '零元整'],
    [1, '壹分'],
    [10, '壹角整'],
    [15, '壹角伍分'],
    [100, '壹元整'],
    [105, '壹元零伍分'],
    [150, '壹元伍角整'],
    [1000, '壹拾元整'],
    [1010, '壹拾元零壹角整'],
    [10_000, '壹佰元整'],
    [10_100, '壹佰零壹元整'],
    [100_100, '壹仟零壹元整'],
    [101_000, '壹仟零壹拾元整'],
    [168_032, '壹仟陆佰捌拾元零叁角贰分'],
    [1_000_000, '壹万元整'],
    [1_050_000, '壹万零伍佰元整'],
    [1_005_000, '壹万零伍拾元整'],
    [1_000_100, '壹万零壹元整'],
    [10_700_053, '壹拾万柒仟元零伍角叁分'],
    [123_456_789, '壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分'],
    [10_000_000_000, '壹亿元整'],
    [10_001_000_000, '壹亿零壹万元整'],
    [11_000_000_000, '壹亿壹仟万元整'],
    [10_000_000_500, '壹亿零伍元整'],
    [100_000_000_500, '壹拾亿零伍元整'],
    [100_000_000_000_000, '壹万亿元整'],
    [-2500, '负贰拾伍元整'],
  ])('%d fen → %s', (fen, words) => {
    expect(amountInChineseCapitals(fen)).toBe(words);
  });

  it('refuses a fraction of a fen and an amount past 万亿', () => {
    expect(() => amountInChineseCapitals(1.5)).toThrow(RangeError);
    expect(() => amountInChineseCapitals(100 * 10_000 ** 4)).toThrow(RangeError);
  });
});
