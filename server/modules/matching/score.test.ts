import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TRANSFER_MODES, type TransferMode } from '../../../common/catalog.js';
import { orderMatches, scoreMatch, type AchievementSide, type DemandSide } from './score.js';
import { profileOf, related, relevance, trainTextModel, vocabularyIndex } from './text-model.js';

/** The matching invariant: text relevance dominates; a candidate with none is never above one with some. */

const REGIONS = ['/120000/120116/', '/120000/120104/', '/110000/110108/', '/310000/310104/'];
const FIELDS = ['D15', 'D18', 'D39'];
const modes = fc.subarray([...TRANSFER_MODES] as TransferMode[], { minLength: 1 });
const demandSide: fc.Arbitrary<DemandSide> = fc.record({
  fieldCode: fc.constantFrom(...FIELDS),
  trlMin: fc.option(fc.integer({ min: 1, max: 9 })),
  regionPath: fc.constantFrom(...REGIONS),
  budgetMinFen: fc.option(fc.integer({ min: 0, max: 1e9 })),
  budgetMaxFen: fc.option(fc.integer({ min: 1, max: 1e9 })),
  budgetNegotiable: fc.boolean(),
  cooperationModes: modes,
});
const achievementSide: fc.Arbitrary<AchievementSide> = fc.record({
  fieldCode: fc.constantFrom(...FIELDS),
  trl: fc.integer({ min: 1, max: 9 }),
  regionPath: fc.constantFrom(...REGIONS),
  priceFen: fc.option(fc.integer({ min: 1, max: 1e9 })),
  priceNegotiable: fc.boolean(),
  transferModes: modes,
});
// Text relevance as the service passes it: often exactly 0 (no shared telling term), else tiny to full.
const textRelevance = fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1, noNaN: true }));

describe('orderMatches', () => {
  it('never ranks a candidate with zero text relevance above one with text relevance, whatever the other five components', () => {
    fc.assert(
      fc.property(demandSide, fc.array(fc.tuple(achievementSide, textRelevance), { maxLength: 30 }), (demand, candidates) => {
        const scored = candidates.map(([a, text], i) => ({
          id: String(i).padStart(3, '0'),
          text,
          total: scoreMatch(demand, a, Math.sqrt(text), (c) => c).total,
        }));
        const ranked = orderMatches(scored);
        for (let i = 0; i < ranked.length; i++) {
          for (let j = i + 1; j < ranked.length; j++) expect(ranked[i]!.text === 0 && ranked[j]!.text > 0).toBe(false);
        }
        // No textual relation: no match at all; every related candidate stays, best total first.
        expect(ranked.every((m) => m.text > 0)).toBe(true);
        expect(ranked.length).toBe(scored.filter((m) => m.text > 0).length);
        for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1]!.total).toBeGreaterThanOrEqual(ranked[i]!.total);
      }),
    );
  });

  it('a perfect fit on field, TRL, region, price and mode without text is dropped; a weak text match on nothing else stays', () => {
    const demand: DemandSide = {
      fieldCode: 'D15',
      trlMin: 5,
      regionPath: '/120000/120116/',
      budgetMinFen: 0,
      budgetMaxFen: 100,
      budgetNegotiable: false,
      cooperationModes: ['transfer'],
    };
    const perfect: AchievementSide = {
      fieldCode: 'D15',
      trl: 9,
      regionPath: '/120000/120116/',
      priceFen: 50,
      priceNegotiable: false,
      transferModes: ['transfer'],
    };
    const poor: AchievementSide = {
      fieldCode: 'D39',
      trl: 1,
      regionPath: '/310000/310104/',
      priceFen: 10_000,
      priceNegotiable: false,
      transferModes: ['technical_service'],
    };
    const ranked = orderMatches([
      { id: 'a', text: 0, total: scoreMatch(demand, perfect, 0, (c) => c).total },
      { id: 'b', text: 0.01, total: scoreMatch(demand, poor, Math.sqrt(0.01), (c) => c).total },
    ]);
    expect(ranked.map((m) => m.id)).toEqual(['b']);
  });
});

describe('text relevance', () => {
  const VOCABULARY = ['锂离子', '电池', '热管理', '正极', '材料', '水稻', '栽培', '倒伏', '技术', '寻求', '解决'];
  const termBag = fc
    .dictionary(fc.constantFrom(...VOCABULARY), fc.integer({ min: 1, max: 6 }), { minKeys: 1 })
    .map((o) => new Map(Object.entries(o)));

  it('is zero exactly when two records share no telling term (boilerplate such as 技术, 寻求 does not count), and symmetric', () => {
    fc.assert(
      fc.property(fc.array(termBag, { minLength: 2, maxLength: 12 }), (bags) => {
        const model = trainTextModel(bags);
        const index = vocabularyIndex(model);
        const profiles = bags.map((b) => profileOf(model, index, b));
        for (let i = 0; i < bags.length; i++) {
          for (let j = 0; j < bags.length; j++) {
            const shared = [...bags[i]!.keys()].some((t) => bags[j]!.has(t) && !['技术', '寻求', '解决'].includes(t));
            const r = relevance(profiles[i]!, profiles[j]!);
            expect(related(profiles[i]!, profiles[j]!)).toBe(shared);
            expect(r > 0).toBe(shared);
            expect(r).toBeCloseTo(relevance(profiles[j]!, profiles[i]!), 9);
            expect(r).toBeLessThanOrEqual(1);
          }
        }
      }),
    );
  });
});
