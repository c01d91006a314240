import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedFields } from '../../server/db/seed/fields.js';
import { createLoggedInUser, createOrganization, unique, type LoggedIn } from '../factories.js';
import { useTestApp } from '../harness.js';
import { clock } from '../../server/lib/clock.js';

/**
 * Search through GET /api/achievements|demands, on records filed, reviewed and published through the
 * API. Every test tags its records with a fresh Latin token and searches for it, so tests sharing
 * the file's database do not see each other's records.
 */
const t = useTestApp();

let member: LoggedIn; // org_member of an enterprise in 滨海新区 (120116)
let otherMember: LoggedIn; // org_member of an enterprise in 和平区 (120101)
let admin: LoggedIn;

interface AchievementOverrides {
  title?: string;
  summary?: string;
  keywords?: string[];
  problemSolved?: string;
  trl?: number;
  transferModes?: string[];
  priceFen?: number | null;
  ipAssets?: Array<{ kind: string; number: string | null; title: string }>;
  publicFunding?: boolean;
  restricted?: boolean;
  fieldCode?: string;
}

const tag = () => `zq${unique()}`;

async function file(who: LoggedIn, o: AchievementOverrides, upTo: 'draft' | 'submitted' | 'published' = 'published'): Promise<string> {
  const res = await who.inject({
    method: 'POST',
    url: '/api/achievements',
    payload: {
      title: o.title ?? '一种测试成果',
      summary: o.summary ?? '这是一项用于检索测试的科技成果摘要。',
      fieldCode: o.fieldCode ?? 'D15',
      keywords: o.keywords ?? [],
      problemSolved: o.problemSolved,
      trl: o.trl ?? 5,
      transferModes: o.transferModes ?? ['transfer'],
      ...(o.priceFen === null ? { priceNegotiable: true } : { priceFen: o.priceFen ?? 5_000_000 }),
      ipAssets: o.ipAssets ?? [],
      publicFunding: o.publicFunding ?? false,
      restricted: o.restricted ?? false,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = (res.json() as { id: string }).id;
  if (upTo === 'draft') return id;
  await transition(who, id, 'submit');
  if (upTo === 'submitted') return id;
  await transition(admin, id, 'approve');
  await transition(admin, id, 'publish');
  return id;
}

async function transition(who: LoggedIn, id: string, action: string) {
  const res = await who.inject({ method: 'POST', url: `/api/achievements/${id}/transitions`, payload: { action } });
  expect(res.statusCode, res.body).toBe(200);
}

interface Hit {
  record: { id: string; title: string; trl: number };
  score: number | null;
  highlight: { title: string; summary: string };
}
interface Result {
  items: Hit[];
  total: number;
  nextCursor: string | null;
  facets: Record<string, Array<{ key: string; label: string; count: number }>> | null;
  terms: string[];
  approximate: boolean;
  match: { level: string; relaxed: boolean; suggestion: string | null };
}

async function search(query: Record<string, string | number>, who?: LoggedIn, path = '/api/achievements'): Promise<Result> {
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)])).toString();
  const res = who ? await who.inject({ method: 'GET', url: `${path}?${qs}` }) : await t.app.inject({ method: 'GET', url: `${path}?${qs}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Result;
}

const ids = (r: Result) => r.items.map((h) => h.record.id);
const counts = (buckets: Array<{ key: string; count: number }> | undefined) =>
  Object.fromEntries((buckets ?? []).map((b) => [b.key, b.count]));

beforeAll(async () => {
  if (!t.app) return;
  await seedFields(t.db);
  member = (await createLoggedInUser(t.app, t.db, { role: 'org_member' })).session;
  const heping = await createOrganization(t.db, { regionCode: '120101' });
  otherMember = (await createLoggedInUser(t.app, t.db, { role: 'org_member', organizationId: heping.id })).session;
  admin = (await createLoggedInUser(t.app, t.db, { role: 'platform_admin' })).session;
});

describe('segmentation and synonyms', () => {
  it('finds 锂离子电池 for 锂电池 as a word once the synonym group exists (before, only as a relaxed match)', async () => {
    const k = tag();
    const id = await file(member, {
      title: `高能量密度锂离子电池正极材料 ${k}`,
      summary: `一种锂离子电池正极材料的制备方法，循环寿命长。${k}`,
    });
    // Without the group: found only by the relaxation ladder (its characters in order).
    const relaxed = await search({ q: `锂电池 ${k}` });
    expect(ids(relaxed)).toEqual([id]);
    expect(relaxed.match.relaxed).toBe(true);
    expect(relaxed.terms).not.toContain('锂离子电池');

    const created = await admin.inject({ method: 'POST', url: '/api/synonyms', payload: { terms: ['锂电池', '锂离子电池'] } });
    expect(created.statusCode, created.body).toBe(201);
    const found = await search({ q: `锂电池 ${k}` });
    expect(ids(found)).toEqual([id]);
    expect(found.terms).toEqual(expect.arrayContaining(['锂电池', '锂离子电池', k]));
    expect(found.match).toEqual({ level: 'words', relaxed: false, suggestion: null });
    expect(found.items[0]!.highlight.title).toContain('<mark>锂离子电池</mark>');

    // A term belongs to one group; the public may not edit synonyms; deleting restores the old result.
    const clash = await admin.inject({ method: 'POST', url: '/api/synonyms', payload: { terms: ['锂电池', '锂电'] } });
    expect(clash.statusCode).toBe(409);
    expect((await t.app.inject({ method: 'POST', url: '/api/synonyms', payload: { terms: ['甲', '乙'] } })).statusCode).toBe(401);
    const groupId = (created.json() as { id: string }).id;
    expect((await admin.inject({ method: 'DELETE', url: `/api/synonyms/${groupId}` })).statusCode).toBe(204);
    const after = await search({ q: `锂电池 ${k}` });
    expect(after.match.relaxed).toBe(true);
    expect(after.terms).not.toContain('锂离子电池');
  });

  it('keeps a technical term from published keywords whole', async () => {
    const k = tag();
    const term = '钙钛矿叠层电池';
    const whole = await file(member, { title: `高效光伏组件 ${k}`, summary: `面向分布式光伏的高效组件技术方案。${k}`, keywords: [term] });
    // The parts of the term, scattered: still found (sub-word fallback), but ranked below the whole term.
    const parts = await file(member, { title: `钙钛矿材料合成 ${k}`, summary: `叠层结构设计与电池封装工艺研究。${k}` });
    const r = await search({ q: `${term} ${k}` });
    expect(r.terms).toContain(term);
    expect(r.terms).not.toContain('钙钛矿');
    expect(ids(r)).toEqual([whole, parts]);
    expect(r.items[0]!.score!).toBeGreaterThan(r.items[1]!.score!);
  });
});

describe('ranking', () => {
  it('ranks a title match above a summary-only match', async () => {
    const k = tag();
    const inSummary = await file(member, { title: `传感器封装工艺 ${k}`, summary: `该成果涉及微流控芯片的批量制造与检测。${k}` });
    const inTitle = await file(member, { title: `微流控芯片 ${k}`, summary: `一种用于即时检测的低成本器件。${k}` });
    const inBody = await file(member, {
      title: `检测仪器 ${k}`,
      summary: `一种便携检测仪器的结构设计方案。${k}`,
      problemSolved: '解决了微流控芯片难以量产的问题',
    });
    const r = await search({ q: `微流控芯片 ${k}` });
    expect(ids(r)).toEqual([inTitle, inSummary, inBody]);
  });
});

describe('facets', () => {
  it('counts each bucket over the matches, disjunctively', async () => {
    const k = tag();
    const specs: Array<AchievementOverrides & { who: LoggedIn }> = [
      {
        who: member,
        trl: 3,
        transferModes: ['transfer', 'equity'],
        priceFen: 5_000_000,
        ipAssets: [{ kind: 'software_copyright', number: null, title: '软件' }],
        publicFunding: true,
      },
      { who: member, trl: 3, transferModes: ['license_ordinary'], priceFen: 50_000_000, fieldCode: 'D18' },
      {
        who: member,
        trl: 7,
        transferModes: ['transfer'],
        priceFen: null,
        ipAssets: [
          { kind: 'know_how', number: null, title: '秘密' },
          { kind: 'know_how', number: null, title: '秘密二' },
        ],
      },
      { who: otherMember, trl: 7, transferModes: ['equity'], priceFen: 2_000_000_000, publicFunding: true },
      { who: otherMember, trl: 9, transferModes: ['transfer'], priceFen: 500_000_000, fieldCode: 'D18' },
    ];
    for (const s of specs) await file(s.who, { ...s, title: `智能制造装备 ${k}` });

    const all = await search({ q: k });
    expect(all.total).toBe(5);
    const f = all.facets!;
    expect(counts(f.trl)).toEqual({ '3': 2, '7': 2, '9': 1 });
    expect(counts(f.mode)).toEqual({ transfer: 3, equity: 2, license_ordinary: 1 });
    expect(counts(f.price)).toEqual({ lt100k: 1, '100k_1m': 1, '1m_10m': 1, gte10m: 1, negotiable: 1 });
    expect(counts(f.ip)).toEqual({ software_copyright: 1, know_how: 1 });
    expect(counts(f.funding)).toEqual({ public: 2, none: 3 });
    expect(counts(f.region)).toEqual({ '120116': 3, '120101': 2 });
    expect(counts(f.field)).toEqual({ D15: 3, D18: 2 });
    expect(f.region!.find((b) => b.key === '120116')!.label).toBe('滨海新区');

    // TRL 7 chosen: the TRL facet still shows every level; the others count TRL 7 only.
    const trl7 = await search({ q: k, trl: 7 });
    expect(trl7.total).toBe(2);
    expect(counts(trl7.facets!.trl)).toEqual({ '3': 2, '7': 2, '9': 1 });
    expect(counts(trl7.facets!.funding)).toEqual({ public: 1, none: 1 });
    expect(counts(trl7.facets!.region)).toEqual({ '120116': 1, '120101': 1 });

    // Filters combine: region subtree, price band incl. 面议, IP kind, funding, mode.
    expect((await search({ q: k, region: '120000', facets: 'false' })).total).toBe(5);
    expect((await search({ q: k, region: '120101' })).total).toBe(2);
    expect((await search({ q: k, price: 'negotiable,lt100k' })).total).toBe(2);
    expect((await search({ q: k, ip: 'know_how' })).total).toBe(1);
    expect((await search({ q: k, funding: 'public', mode: 'equity' })).total).toBe(2);
    const none = await search({ q: k, facets: 'false' });
    expect(none.facets).toBeNull();
    expect(none.total).toBe(5);
  });
});

describe('pagination', () => {
  it('walks every match exactly once, in order, through ties', async () => {
    const k = tag();
    const made: string[] = [];
    const prices = [3_000_000, null, 3_000_000, 1_000_000, null, 3_000_000, 9_000_000];
    for (const p of prices) made.push(await file(member, { title: `柔性电子皮肤 ${k}`, priceFen: p }));
    for (const sort of ['relevance', 'newest', 'price_asc', 'price_desc']) {
      const whole = await search({ q: `柔性电子皮肤 ${k}`, sort, limit: 100, facets: 'false' });
      expect(new Set(ids(whole))).toEqual(new Set(made));
      const walked: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Result = await search({ q: `柔性电子皮肤 ${k}`, sort, limit: 2, facets: 'false', ...(cursor ? { cursor } : {}) });
        expect(page.total).toBe(7);
        walked.push(...ids(page));
        cursor = page.nextCursor;
      } while (cursor);
      expect(walked, sort).toEqual(ids(whole));
    }
    const byPrice = (await search({ q: k, sort: 'price_asc', limit: 100 })).items.map(
      (h) => (h.record as unknown as { priceFen: number | null }).priceFen,
    );
    expect(byPrice).toEqual([1_000_000, 3_000_000, 3_000_000, 3_000_000, 9_000_000, null, null]);
  });
});

describe('broad queries', () => {
  it('ranks, counts and facets a query matching more than the window over its newest matches, and says so', async () => {
    const k = tag();
    const made: string[] = [];
    for (let i = 0; i < 6; i++) made.push(await file(member, { title: `纳米纤维过滤膜 ${k}`, trl: 3 + (i % 2) }));
    const exact = await search({ q: k, limit: 100 });
    expect(exact.approximate).toBe(false);
    expect(exact.total).toBe(6);
    t.app.ctx.search.settings.broadQueryWindow = 4;
    try {
      const broad = await search({ q: k, limit: 100 });
      expect(broad.approximate).toBe(true);
      expect(broad.total).toBe(4);
      // The window is the four most recently published: the last four filed.
      expect(new Set(ids(broad))).toEqual(new Set(made.slice(2)));
      const trl = counts(broad.facets?.trl);
      expect(trl['3']! + trl['4']!).toBe(4);
      // A filter narrows within the window, so the total is what its facet bucket said.
      const narrowed = await search({ q: k, trl: 3, limit: 100 });
      expect(narrowed.approximate).toBe(true);
      expect(narrowed.total).toBe(trl['3']);
      expect(new Set(ids(narrowed))).toEqual(new Set([made[2], made[4]]));
    } finally {
      t.app.ctx.search.settings.broadQueryWindow = 1000;
    }
  });
});

describe('broad queries over time', () => {
  it('looks further back when the newest records hold fewer matches than the window', async () => {
    const k = tag();
    const older = [await file(member, { title: `钙钛矿电池 ${k} 一` }), await file(member, { title: `钙钛矿电池 ${k} 二` })];
    clock.advance(10 * 86_400_000);
    const newer = await file(member, { title: `钙钛矿电池 ${k} 三` });
    // Newer records without the tag: the newest eight hold one match only.
    for (let i = 0; i < 7; i++) await file(member, { title: `填充记录 ${tag()}` });
    t.app.ctx.search.settings.broadQueryWindow = 2;
    try {
      const found = await search({ q: k, limit: 100, sort: 'newest' });
      expect(ids(found)).toEqual([newer, older[1]]);
      expect(found.total).toBe(2);
      expect(found.approximate).toBe(true);
    } finally {
      t.app.ctx.search.settings.broadQueryWindow = 1000;
    }
  });
});

describe('visibility', () => {
  it('shows restricted and unpublished records only to those who may see them', async () => {
    const k = tag();
    const open = await file(member, { title: `水处理膜组件 ${k}` });
    const restricted = await file(member, { title: `水处理膜组件 ${k}`, restricted: true });
    await file(member, { title: `水处理膜组件 ${k}` }, 'draft');
    await file(member, { title: `水处理膜组件 ${k}` }, 'submitted');

    const pub = await search({ q: k });
    expect(ids(pub)).toEqual([open]);
    expect(pub.total).toBe(1);
    expect(counts(pub.facets!.trl)).toEqual({ '5': 1 });

    expect(new Set(ids(await search({ q: k }, member)))).toEqual(new Set([open, restricted]));
    expect(ids(await search({ q: k }, otherMember))).toEqual([open]);
    const cityOfficer = (await createLoggedInUser(t.app, t.db, { role: 'gov_officer', regionCode: '120000' })).session;
    const hepingOfficer = (await createLoggedInUser(t.app, t.db, { role: 'gov_officer', regionCode: '120101' })).session;
    expect(new Set(ids(await search({ q: k }, cityOfficer)))).toEqual(new Set([open, restricted]));
    expect(ids(await search({ q: k }, hepingOfficer))).toEqual([open]);
    expect(new Set(ids(await search({ q: k }, admin)))).toEqual(new Set([open, restricted]));
  });

  it('searches demands with the same rules', async () => {
    const k = tag();
    const res = await member.inject({
      method: 'POST',
      url: '/api/demands',
      payload: {
        title: `需要废水零排放技术 ${k}`,
        summary: '寻求高盐废水零排放处理工艺。',
        fieldCode: 'D15',
        cooperationModes: ['joint_development'],
        budgetNegotiable: true,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = (res.json() as { id: string }).id;
    expect(ids(await search({ q: `废水 ${k}` }, undefined, '/api/demands'))).toEqual([]);
    for (const [who, action] of [
      [member, 'submit'],
      [admin, 'approve'],
      [admin, 'publish'],
    ] as const) {
      expect((await who.inject({ method: 'POST', url: `/api/demands/${id}/transitions`, payload: { action } })).statusCode).toBe(200);
    }
    const r = await search({ q: `废水 ${k}`, price: 'negotiable' }, undefined, '/api/demands');
    expect(ids(r)).toEqual([id]);
    expect(counts(r.facets!.mode)).toEqual({ joint_development: 1 });
  });
});

describe('highlight', () => {
  it('wraps matched terms in <mark> and escapes the rest', async () => {
    const k = tag();
    const long = '背景'.repeat(80) + '本成果提出一种<script>新型</script>储氢合金材料，储氢容量高。' + '结尾'.repeat(80);
    await file(member, { title: `储氢合金 <b>材料</b> ${k}`, summary: long });
    const [hit] = (await search({ q: `储氢合金 ${k}` })).items;
    expect(hit!.highlight.title).toBe(`<mark>储氢合金</mark> &lt;b&gt;材料&lt;/b&gt; <mark>${k}</mark>`);
    expect(hit!.highlight.summary).toContain('&lt;script&gt;新型&lt;/script&gt;<mark>储氢合金</mark>材料');
    expect(hit!.highlight.summary.startsWith('…')).toBe(true);
    expect(hit!.highlight.summary).not.toContain('<script>');
  });
});

describe('query validation', () => {
  it.each([
    ['trl=12', 'querystring.trl'],
    ['sort=cheapest', 'querystring.sort'],
    ['limit=0', 'querystring.limit'],
    ['price=free', 'querystring.price'],
    ['cursor=not-a-cursor', 'querystring.cursor'],
  ])('%s is a 400 naming %s', async (qs, field) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/achievements?${qs}` });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json() as { errors: Array<{ field: string }> };
    expect(body.errors.map((e) => e.field).some((f) => f.startsWith(field))).toBe(true);
  });

  it('refuses a cursor from another sort', async () => {
    const k = tag();
    await file(member, { title: `测试 ${k}` });
    await file(member, { title: `测试 ${k}` });
    const { nextCursor } = await search({ q: k, sort: 'newest', limit: 1 });
    const res = await t.app.inject({ method: 'GET', url: `/api/achievements?q=${k}&sort=price_asc&cursor=${nextCursor}` });
    expect(res.statusCode).toBe(400);
    expect((res.json() as { errors: Array<{ field: string }> }).errors[0]!.field).toBe('querystring.cursor');
  });
});

describe('list pages without text, when counting is slow', () => {
  // A million records take seconds to count; here every count is made to look slow.
  let saved: number;
  beforeAll(() => {
    if (!t.app) return;
    const { slowCounts } = t.app.ctx.search;
    saved = slowCounts.settings.slowMs;
    slowCounts.settings.slowMs = 0;
    slowCounts.forget();
  });
  afterAll(() => {
    if (!t.app) return;
    const { slowCounts } = t.app.ctx.search;
    slowCounts.settings.slowMs = saved;
    slowCounts.forget();
    clock.reset();
  });

  it('keeps counts per viewer and filters, shows the page live, and recounts in the background after a minute', async () => {
    const k = tag();
    await file(member, { title: `保密工艺 ${k}`, restricted: true, trl: 3 });
    const anonymous = await search({});
    const own = await search({}, member);
    // The member sees their organisation's restricted records: not the count kept for visitors.
    expect(own.total).toBeGreaterThan(anonymous.total);
    expect((await search({ trl: 3 })).total).toBeLessThan(anonymous.total);

    const fresh = await file(member, { title: `新发布成果 ${k}`, trl: 3 });
    const again = await search({});
    expect(ids(again)[0]).toBe(fresh); // the page is live
    expect(again.total).toBe(anonymous.total); // the count is the kept one
    expect(counts(again.facets!.trl)).toEqual(counts(anonymous.facets!.trl));

    clock.advance(61_000);
    expect((await search({})).total).toBe(anonymous.total); // stale, answered at once, recounting behind
    await expect.poll(async () => (await search({})).total, { timeout: 10_000 }).toBe(anonymous.total + 1);
    expect(counts((await search({})).facets!.trl)['3']).toBe((counts(anonymous.facets!.trl)['3'] ?? 0) + 1);
  });
});
