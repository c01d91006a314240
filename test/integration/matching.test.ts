import { beforeAll, describe, expect, it } from 'vitest';
import type { AchievementView, DemandView } from '../../common/api/catalog.js';
import type { TransferMode } from '../../common/catalog.js';
import { createAchievement, createDemand, createOrganization, createUser, loginAs, type LoggedIn, type TestUser } from '../factories.js';
import { useTestApp } from '../harness.js';

/**
 * Precise matching (C3): for a demand, ranked achievements; for an achievement, ranked demands; each
 * score explained by components that add up to it. One small world: a demand in 滨海新区 and
 * published achievements that each differ from the ideal one in exactly one aspect.
 */
const t = useTestApp();

const COMPONENTS = ['text', 'field', 'trl', 'region', 'price', 'mode'] as const;
type ComponentKey = (typeof COMPONENTS)[number];
interface Component {
  key: ComponentKey;
  label: string;
  points: number;
  weight: number;
  reason: string;
}
interface Explanation {
  total: number;
  components: Component[];
}
interface Match<V> {
  record: V;
  explanation: Explanation;
}

// The text the demand and the matching achievements share.
const TEXT = {
  title: '高镍锂离子电池正极材料包覆改性技术',
  summary: '通过纳米氧化铝包覆改性高镍三元正极材料，显著提升锂离子电池的循环寿命和热稳定性，适用于动力电池。',
  keywords: ['锂离子电池', '正极材料', '包覆改性'],
};
const UNRELATED = {
  title: '水稻抗倒伏栽培方法',
  summary: '一种提高水稻茎秆强度、减少倒伏的田间管理与施肥方法，适合北方稻区推广。',
  keywords: ['水稻', '栽培'],
};
const WAN = 1_000_000; // ¥10,000 in fen

/** The ideal achievement for the demand; each variant changes one aspect of it. */
const IDEAL = {
  ...TEXT,
  fieldCode: 'D15',
  trl: 7,
  priceFen: 100 * WAN,
  priceNegotiable: false,
  transferModes: ['transfer', 'license_ordinary'] as TransferMode[],
  ipAssets: [],
};

interface World {
  demandOwner: LoggedIn;
  demandOwnerUser: TestUser;
  demandId: string;
  otherDemandId: string;
  ids: Record<'best' | 'otherField' | 'lowTrl' | 'overBudget' | 'otherCity' | 'noMode' | 'unrelated', string>;
  hidden: Record<'draft' | 'submitted' | 'approved' | 'withdrawn' | 'restricted' | 'returned', string>;
  bestOwner: LoggedIn;
  stranger: LoggedIn;
  districtOfficer: LoggedIn;
}
let w: World;

beforeAll(async () => {
  if (!t.db) return;
  const binhai = await createOrganization(t.db, { regionCode: '120116', type: 'university', name: '津桥测试大学' });
  const shanghai = await createOrganization(t.db, { regionCode: '310000', type: 'research_institute', name: '沪上测试研究所' });
  const enterprise = await createOrganization(t.db, { regionCode: '120116', name: '滨海测试电池有限公司' });
  const supplier = await createUser(t.db, { role: 'org_member', organizationId: binhai.id });
  const remoteSupplier = await createUser(t.db, { role: 'org_member', organizationId: shanghai.id });
  const buyer = await createUser(t.db, { role: 'org_member', organizationId: enterprise.id });

  const publish = (
    by: TestUser,
    input: object,
    status: 'published' | 'draft' | 'submitted' | 'approved' | 'withdrawn' | 'returned' = 'published',
  ) => createAchievement(t.db, { by, status, input: input as never }).then((r) => r.id);

  const ids = {
    best: await publish(supplier, IDEAL),
    otherField: await publish(supplier, { ...IDEAL, fieldCode: 'D18' }),
    lowTrl: await publish(supplier, { ...IDEAL, trl: 3 }),
    overBudget: await publish(supplier, { ...IDEAL, priceFen: 300 * WAN }),
    otherCity: await publish(remoteSupplier, IDEAL),
    noMode: await publish(supplier, { ...IDEAL, transferModes: ['technical_service'] }),
    unrelated: await publish(supplier, { ...IDEAL, ...UNRELATED }),
  };
  const hidden = {
    draft: await publish(supplier, IDEAL, 'draft'),
    submitted: await publish(supplier, IDEAL, 'submitted'),
    approved: await publish(supplier, IDEAL, 'approved'),
    returned: await publish(supplier, IDEAL, 'returned'),
    withdrawn: await publish(supplier, IDEAL, 'withdrawn'),
    restricted: await publish(supplier, { ...IDEAL, restricted: true }),
  };
  const demand = await createDemand(t.db, {
    by: buyer,
    status: 'published',
    input: {
      ...TEXT,
      fieldCode: 'D15',
      budgetMinFen: 50 * WAN,
      budgetMaxFen: 200 * WAN,
      budgetNegotiable: false,
      cooperationModes: ['transfer', 'license_exclusive'],
      trlMin: 5,
    },
  });
  const otherDemand = await createDemand(t.db, {
    by: buyer,
    status: 'published',
    input: { ...UNRELATED, fieldCode: 'D39', cooperationModes: ['technical_service'], trlMin: null },
  });
  // Demands nobody else may see never come back as matches either.
  await createDemand(t.db, { by: buyer, status: 'submitted', input: { ...TEXT, title: `${TEXT.title}（审核中）` } });
  await createDemand(t.db, { by: buyer, status: 'published', input: { ...TEXT, title: `${TEXT.title}（限制公开）`, restricted: true } });

  w = {
    demandOwner: await loginAs(t.app, buyer),
    demandOwnerUser: buyer,
    demandId: demand.id,
    otherDemandId: otherDemand.id,
    ids,
    hidden,
    bestOwner: await loginAs(t.app, supplier),
    stranger: await loginAs(t.app, await createUser(t.db, { role: 'org_member' })),
    districtOfficer: await loginAs(t.app, await createUser(t.db, { role: 'gov_officer', regionCode: '120116' })),
  };
});

function expectExplained(e: Explanation, label: string) {
  expect(e.components.map((c) => c.key).sort(), label).toEqual([...COMPONENTS].sort());
  expect(
    e.components.reduce((s, c) => s + c.weight, 0),
    label,
  ).toBe(100);
  expect(
    Math.abs(e.components.reduce((s, c) => s + c.points, 0) - e.total),
    `${label}: components add up to the total`,
  ).toBeLessThanOrEqual(0.1);
  for (const c of e.components) {
    expect(c.points, `${label} ${c.key}`).toBeGreaterThanOrEqual(0);
    expect(c.points, `${label} ${c.key}`).toBeLessThanOrEqual(c.weight);
    expect(c.reason.trim(), `${label} ${c.key} has a reason`).not.toBe('');
    expect(c.label.trim(), `${label} ${c.key} has a label`).not.toBe('');
  }
  expect(e.total).toBeGreaterThanOrEqual(0);
  expect(e.total).toBeLessThanOrEqual(100);
}

const points = (e: Explanation, key: ComponentKey) => e.components.find((c) => c.key === key)!.points;
const reason = (e: Explanation, key: ComponentKey) => e.components.find((c) => c.key === key)!.reason;

describe('achievements for a demand', () => {
  let matches: Array<Match<AchievementView>>;
  let byId: Map<string, Explanation>;
  beforeAll(async () => {
    if (!t.db) return;
    const res = await w.demandOwner.inject({ method: 'GET', url: `/api/demands/${w.demandId}/matches` });
    expect(res.statusCode, res.body).toBe(200);
    matches = res.json().items;
    byId = new Map(matches.map((m) => [m.record.id, m.explanation]));
  });

  it('ranks the achievement that agrees on everything first, and every variant below it', () => {
    expect(matches[0]!.record.id).toBe(w.ids.best);
    const related = Object.entries(w.ids).filter(([name]) => name !== 'unrelated');
    for (const [name, id] of related) expect(byId.has(id), `${name} is a candidate`).toBe(true);
    const best = byId.get(w.ids.best)!;
    for (const [name, id] of related) if (name !== 'best') expect(byId.get(id)!.total, name).toBeLessThan(best.total);
    // Ranked by total, best first.
    const totals = matches.map((m) => m.explanation.total);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    // The ideal one gets full marks on everything but text, and some text relevance.
    for (const key of ['field', 'trl', 'region', 'price', 'mode'] as const)
      expect(points(best, key), key).toBe(best.components.find((c) => c.key === key)!.weight);
    expect(points(best, 'text')).toBeGreaterThan(0);
  });

  it('each variant loses on its own aspect and only there', () => {
    const best = byId.get(w.ids.best)!;
    const differsIn: Record<Exclude<keyof World['ids'], 'best' | 'unrelated'>, ComponentKey> = {
      otherField: 'field',
      lowTrl: 'trl',
      overBudget: 'price',
      otherCity: 'region',
      noMode: 'mode',
    };
    for (const [name, key] of Object.entries(differsIn) as Array<[keyof typeof differsIn, ComponentKey]>) {
      const e = byId.get(w.ids[name])!;
      expect(points(e, key), `${name} scores lower on ${key}`).toBeLessThan(points(best, key));
      expect(reason(e, key), `${name}: the ${key} reason changes too`).not.toBe(reason(best, key));
      for (const other of COMPONENTS) {
        if (other === key) continue;
        expect(points(e, other), `${name} equals the best on ${other}`).toBeCloseTo(points(best, other), 5);
      }
    }
  });

  it('explains the variants in words a buyer understands', () => {
    expect(reason(byId.get(w.ids.lowTrl)!, 'trl')).toContain('低于');
    expect(reason(byId.get(w.ids.overBudget)!, 'price')).toContain('超出预算');
    expect(reason(byId.get(w.ids.best)!, 'price')).toContain('在预算内');
    expect(reason(byId.get(w.ids.best)!, 'region')).toBe('同一区');
    expect(reason(byId.get(w.ids.otherCity)!, 'region')).toBe('跨区域');
    expect(points(byId.get(w.ids.noMode)!, 'mode')).toBe(0);
    expect(points(byId.get(w.ids.otherField)!, 'field')).toBe(0);
    // TRL 3 against a minimum of 5: two levels short of three costs two thirds of the weight (10).
    expect(points(byId.get(w.ids.lowTrl)!, 'trl')).toBeCloseTo(3.3, 1);
    // ¥3M against a ¥2M ceiling: half the price weight (6).
    expect(points(byId.get(w.ids.overBudget)!, 'price')).toBeCloseTo(3, 1);
  });

  it('text dominates: an achievement with no textual relation is no match, however well field, TRL, region, price and mode fit', () => {
    // The rice achievement agrees with the demand on everything but its text.
    expect(byId.has(w.ids.unrelated)).toBe(false);
    for (const m of matches) expect(points(m.explanation, 'text'), m.record.title).toBeGreaterThan(0);
    // Text outweighs the other five together.
    const weights = Object.fromEntries(matches[0]!.explanation.components.map((c) => [c.key, c.weight]));
    expect(weights.text!).toBeGreaterThan(100 - weights.text!);
  });

  it('every match: components add up to the total, each within its weight, weights sum to 100, reasons given', () => {
    expect(matches.length).toBeGreaterThan(0);
    for (const m of matches) expectExplained(m.explanation, m.record.title);
  });

  it('unpublished and restricted achievements never appear', () => {
    const ids = matches.map((m) => m.record.id);
    for (const [name, id] of Object.entries(w.hidden)) expect(ids, name).not.toContain(id);
    for (const m of matches) {
      expect(['published', 'in_trade']).toContain(m.record.status);
      expect(m.record.restricted).toBe(false);
    }
  });

  it('matches of a demand: 403 for a member of an unrelated organisation, 401 for a visitor; reviewers in scope may look', async () => {
    const url = `/api/demands/${w.demandId}/matches`;
    const stranger = await w.stranger.inject({ method: 'GET', url });
    expect(stranger.statusCode).toBe(403);
    expect(stranger.body).not.toContain(TEXT.title);
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    expect((await w.districtOfficer.inject({ method: 'GET', url })).statusCode).toBe(200);
    // The supplier of the best match is no party to the demand either.
    expect((await w.bestOwner.inject({ method: 'GET', url })).statusCode).toBe(403);
  });
});

describe('demands for an achievement', () => {
  it('works symmetrically: the matching demand first, the same non-text components as from the demand side', async () => {
    const res = await w.bestOwner.inject({ method: 'GET', url: `/api/achievements/${w.ids.best}/matches` });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as Array<Match<DemandView>>;
    expect(items[0]!.record.id).toBe(w.demandId);
    for (const m of items) {
      expectExplained(m.explanation, m.record.title);
      expect(m.record.status).toBe('published');
      expect(m.record.restricted).toBe(false);
      expect(m.record.title).not.toContain('审核中');
      expect(m.record.title).not.toContain('限制公开');
    }
    const fromDemand = (await w.demandOwner.inject({ method: 'GET', url: `/api/demands/${w.demandId}/matches` })).json().items as Array<
      Match<AchievementView>
    >;
    const a = fromDemand.find((m) => m.record.id === w.ids.best)!.explanation;
    const d = items[0]!.explanation;
    for (const key of ['field', 'trl', 'region', 'price', 'mode'] as const) expect(points(d, key), key).toBe(points(a, key));
    // The unrelated demand (other field, other text), if it is a candidate at all, ranks below.
    const unrelated = items.find((m) => m.record.id === w.otherDemandId);
    if (unrelated) expect(unrelated.explanation.total).toBeLessThan(d.total);
  });

  it('the same access rule: 403 for an unrelated member, 401 for a visitor, 404 for a record they may not see', async () => {
    const url = `/api/achievements/${w.ids.best}/matches`;
    expect((await w.stranger.inject({ method: 'GET', url })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    expect((await w.stranger.inject({ method: 'GET', url: `/api/achievements/${w.hidden.draft}/matches` })).statusCode).toBe(404);
    expect((await w.stranger.inject({ method: 'GET', url: `/api/achievements/${w.hidden.restricted}/matches` })).statusCode).toBe(404);
  });

  it('a demand that fits nothing still gets explained candidates only from its own field or text', async () => {
    const res = await w.demandOwner.inject({ method: 'GET', url: `/api/demands/${w.otherDemandId}/matches` });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<Match<AchievementView>>;
    for (const m of items) expectExplained(m.explanation, m.record.title);
    // The rice achievement shares its text; the battery ones share neither text nor field.
    if (items.length > 0) expect(items[0]!.record.id).toBe(w.ids.unrelated);
    expect(items.map((m) => m.record.id)).not.toContain(w.ids.best);
  });
});

describe('similar achievements', () => {
  it('exclude the record itself and prefer the same field and shared terms', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/achievements/${w.ids.best}/similar` });
    expect(res.statusCode, res.body).toBe(200);
    const ids = (res.json().items as AchievementView[]).map((r) => r.id);
    expect(ids).not.toContain(w.ids.best);
    for (const id of Object.values(w.hidden)) expect(ids).not.toContain(id);
    // Same field and the same text: the closest.
    const sameFieldSameText = [w.ids.lowTrl, w.ids.overBudget, w.ids.otherCity, w.ids.noMode];
    expect(ids).toEqual(expect.arrayContaining([...sameFieldSameText, w.ids.otherField, w.ids.unrelated]));
    const pos = (id: string) => ids.indexOf(id);
    for (const id of sameFieldSameText) {
      expect(pos(id), 'same field + shared terms before shared terms alone').toBeLessThan(pos(w.ids.otherField));
      expect(pos(id), 'same field + shared terms before same field alone').toBeLessThan(pos(w.ids.unrelated));
    }
    expect(res.json().items.every((r: AchievementView) => r.status === 'published' && !r.restricted)).toBe(true);
  });

  it('of a record the caller may not see: 404', async () => {
    expect((await t.app.inject({ method: 'GET', url: `/api/achievements/${w.hidden.draft}/similar` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/achievements/${w.hidden.restricted}/similar` })).statusCode).toBe(404);
  });
});
