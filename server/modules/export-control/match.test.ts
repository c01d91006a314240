import { describe, expect, it } from 'vitest';
import { SEED_CATALOGUES } from './catalogue-seed.js';
import { screenText, termMatches, prepareText, type MatchItem } from './match.js';

/** The seeded list in force (2025 adjustment), as the service hands it to screening. */
const ITEMS: MatchItem[] = SEED_CATALOGUES[1]!.items.map((item, i) => ({ ...item, id: `item-${i}` }));
const text = (title: string, body = '', keywords: string[] = [], fieldName: string | null = null) => ({ title, body, keywords, fieldName });
const names = (t: ReturnType<typeof text>) => screenText(t, ITEMS).map((c) => c.name);

describe('screening texts against the catalogue', () => {
  it('finds the battery cathode item (252604X) in a lithium iron phosphate process, with its first control point', () => {
    const found = screenText(
      text('高压实密度磷酸铁锂正极材料制备技术', '采用固相法合成，粉体压实密度 2.6 g/cc，0.1C 放电克容量 161 mAh/g。', [
        '磷酸铁锂',
        '正极材料',
      ]),
      ITEMS,
    );
    expect(found[0]).toMatchObject({ code: '252604X', class: 'restricted', name: '电池正极材料制备技术' });
    expect(found[0]!.matchedTerms).toEqual(expect.arrayContaining(['磷酸铁锂', '正极材料', '压实密度']));
    expect(found[0]!.controlPoints[0]).toMatchObject({ matched: true });
    expect(found[0]!.controlPoints[2]).toMatchObject({ matched: false });
  });

  it('finds the prohibited rare-earth item in an extraction and separation process, naming the control point', () => {
    const found = screenText(text('离子型稀土矿萃取分离新工艺', '一种低酸耗的稀土萃取分离方法，提高单一稀土纯度。'), ITEMS);
    expect(found[0]).toMatchObject({ class: 'prohibited', name: '稀土的提炼、加工、利用技术' });
    expect(found[0]!.controlPoints.find((p) => p.text === '稀土萃取分离工艺技术')).toMatchObject({ matched: true });
    expect(found[0]!.controlPoints.find((p) => p.text === '稀土硼酸氧钙制备技术')).toMatchObject({ matched: false });
  });

  it('finds the magnet control point in a NdFeB magnet text', () => {
    const [rare] = screenText(text('高矫顽力烧结钕铁硼永磁体制备技术'), ITEMS);
    expect(rare!.name).toBe('稀土的提炼、加工、利用技术');
    expect(rare!.controlPoints.find((p) => p.text.startsWith('钐钴'))).toMatchObject({ matched: true });
  });

  it('finds the crop germplasm item in a hybrid rice breeding text', () => {
    expect(names(text('耐盐碱杂交水稻不育系选育与制种技术', '利用地方特有种质资源选育新品种。', [], '作物学'))).toContain(
      '农作物（含牧草）种质资源及其繁育技术',
    );
  });

  it('finds the lithium points of the changed nonferrous item', () => {
    const [item] = screenText(text('盐湖卤水提锂制备电池级碳酸锂技术'), ITEMS);
    expect(item!.name).toBe('有色金属冶金技术');
    expect(item!.controlPoints.filter((p) => p.matched).map((p) => p.text)).toEqual(
      expect.arrayContaining(['卤水提锂技术', '锂辉石提锂生产碳酸锂技术']),
    );
  });

  it('proposes nothing for a text the list does not cover', () => {
    expect(names(text('基于深度学习的城市交通信号优化系统', '实时采集路口流量，自适应配时。'))).toEqual([]);
  });

  it('matches the words of a term even when they stand apart, and not a lone character', () => {
    const t = prepareText(text('稀土元素的高效萃取与分离'));
    expect(termMatches('稀土', t)).toBe(true);
    expect(termMatches('稀土萃取', t)).toBe(true);
    expect(termMatches('钕铁硼', t)).toBe(false);
  });

  it('a candidate needs the minimum score', () => {
    const item: MatchItem = { ...ITEMS[0]!, terms: ['镓'] };
    expect(screenText(text('金属镓提纯'), [item], 2)).toEqual([]);
    expect(screenText(text('金属镓提纯'), [item], 1)).toHaveLength(1);
  });
});
