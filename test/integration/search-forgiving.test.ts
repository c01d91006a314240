import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedFields } from '../../server/db/seed/fields.js';
import { rebuildSearchVectors, searchVectorsStale } from '../../server/modules/catalog/reindex.js';
import { createLoggedInUser, unique, type LoggedIn } from '../factories.js';
import { useTestApp } from '../harness.js';
import { publishThroughApi } from './search-fixtures.js';

/**
 * Search that forgives (issue 13): parts of compound terms, one character, abbreviations whose
 * characters appear in order, several terms with or without a space; the relaxation ladder and its
 * "您是不是要找" suggestion. Records are tagged with a fresh Latin token, searched together with it.
 */
const t = useTestApp();

let member: LoggedIn;
let admin: LoggedIn;

const file = (o: { title: string; summary?: string; keywords?: string[] }) => publishThroughApi(member, admin, o);

interface Result {
  items: Array<{ record: { id: string; title: string }; score: number | null; highlight: { title: string; summary: string } }>;
  total: number;
  match: { level: 'words' | 'bigrams' | 'characters'; relaxed: boolean; suggestion: string | null };
}
async function search(q: string): Promise<Result> {
  const res = await t.app.inject({ method: 'GET', url: `/api/achievements?${new URLSearchParams({ q })}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Result;
}
const ids = (r: Result) => r.items.map((h) => h.record.id);

beforeAll(async () => {
  if (!t.app) return;
  await seedFields(t.db);
  member = (await createLoggedInUser(t.app, t.db, { role: 'org_member' })).session;
  admin = (await createLoggedInUser(t.app, t.db, { role: 'platform_admin' })).session;
});

describe('what a person types finds the 锂离子电池 record', () => {
  it('锂电池, 锂, 电池, 锂离子 电池 and 锂离子电池 all find it', async () => {
    const k = `zq${unique()}`;
    const battery = await file({
      title: `高能量密度锂离子电池正极材料 ${k}`,
      keywords: ['锂离子电池', '正极材料'],
      summary: '一种正极材料的制备方法，循环寿命长。',
    });
    const other = await file({ title: `园林绿化养护技术 ${k}`, keywords: ['园林绿化'] });

    for (const q of ['锂离子 电池', '锂离子电池', '电池', '锂']) {
      const r = await search(`${q} ${k}`);
      expect(ids(r), q).toEqual([battery]);
      expect(r.match, q).toEqual({ level: 'words', relaxed: false, suggestion: null });
    }
    // An abbreviation: nothing as words or bigrams; its characters in order find the record, the
    // result says it was relaxed and offers the fuller term of the catalogue.
    const abbr = await search(`锂电池 ${k}`);
    expect(ids(abbr)).toEqual([battery]);
    expect(abbr.match).toEqual({ level: 'characters', relaxed: true, suggestion: '锂离子电池' });
    expect(ids(await search(`园林 ${k}`))).toEqual([other]);
    // Characters present but not in this order are no match.
    const reversed = await search(`池电锂 ${k}`);
    expect(reversed.total).toBe(0);
    expect(reversed.match.relaxed).toBe(false);
  });

  it('finds 食品添加剂 from 食添加剂 and offers it; finds a part of a compound keyword', async () => {
    const k = `zq${unique()}`;
    const additive = await file({ title: `天然抗氧化剂的提取工艺 ${k}`, keywords: ['食品添加剂', '分子印迹聚合物'] });
    const r = await search(`食添加剂 ${k}`);
    expect(ids(r)).toEqual([additive]);
    expect(r.match).toMatchObject({ relaxed: true, suggestion: '食品添加剂' });
    expect(ids(await search(`聚合物 ${k}`))).toEqual([additive]);
    expect(ids(await search(`印迹聚合物 ${k}`))).toEqual([additive]);
    expect(ids(await search(`印迹 聚合物 ${k}`))).toEqual([additive]);
  });
});

describe('ranking of forgiving matches', () => {
  it('a word match ranks above a match of the same characters across words', async () => {
    const k = `zq${unique()}`;
    // 放电池塘: jieba cuts 放电 / 池塘, so 电池 is only a pair of characters there.
    const across = await file({ title: `放电池塘水质监测装置 ${k}` });
    const word = await file({ title: `动力电池回收利用 ${k}`, keywords: ['电池回收'] });
    const r = await search(`电池 ${k}`);
    expect(ids(r)).toEqual([word, across]);
    expect(r.items[0]!.score!).toBeGreaterThan(r.items[1]!.score!);
  });

  it('characters close together and in a keyword rank above characters scattered in the summary', async () => {
    const k = `zq${unique()}`;
    const scattered = await file({ title: `矿产资源综合评价 ${k}`, summary: '对锂矿开采区域的电力供应与蓄水池建设进行了评价。' });
    const keyword = await file({ title: `储能器件 ${k}`, keywords: ['锂离子电池'] });
    const r = await search(`锂电池 ${k}`);
    expect(r.match.level).toBe('characters');
    expect(ids(r)).toEqual([keyword, scattered]);
  });
});

describe('vectors of an older version', () => {
  it('are rebuilt when the recorded version is older, and the rebuilt rows find sub-word queries', async () => {
    const k = `zq${unique()}`;
    const id = await file({ title: `锂离子电池热管理系统 ${k}` });
    // As a vector of version 1 held it: jieba words only.
    await t.db.execute(
      sql`UPDATE achievements SET search_vector = ${`'锂离子':1A '电池':2A '热管理':3A '系统':4A '${k}':5A`}::tsvector WHERE id = ${id}`,
    );
    await t.db.execute(sql`DELETE FROM system_state WHERE key = 'search_vector_version'`);
    expect(ids(await search(`锂 ${k}`))).toEqual([]);
    expect(await searchVectorsStale(t.db)).toBe(true);
    const done = await rebuildSearchVectors(t.db);
    expect(done!.rebuilt).toBeGreaterThan(0);
    expect(await searchVectorsStale(t.db)).toBe(false);
    expect(await rebuildSearchVectors(t.db)).toBeNull();
    expect(ids(await search(`锂 ${k}`))).toEqual([id]);
  });
});

describe('search-as-you-type', () => {
  it('suggests keywords of public records holding what was typed, or its characters in order, most held first', async () => {
    const k = `zq${unique()}`;
    await file({ title: `钠离子电池负极材料 ${k}`, keywords: [`钠离子电池${k}`, '负极材料'] });
    await file({ title: `钠离子电池储能系统 ${k}`, keywords: [`钠离子电池${k}`] });
    const res = await t.app.inject({ method: 'GET', url: `/api/search/suggest?${new URLSearchParams({ q: `钠离子电池${k}` })}` });
    expect(res.statusCode, res.body).toBe(200);
    const items = (res.json() as { items: Array<{ text: string; source: string; count: number }> }).items;
    expect(items[0]).toEqual({ text: `钠离子电池${k}`, source: 'keyword', count: 2 });
    const abbr = await t.app.inject({ method: 'GET', url: `/api/search/suggest?${new URLSearchParams({ q: `钠电池${k}` })}` });
    expect((abbr.json() as { items: Array<{ text: string }> }).items.map((i) => i.text)).toContain(`钠离子电池${k}`);
    expect((await t.app.inject({ method: 'GET', url: '/api/search/suggest?q=' })).statusCode).toBe(400);
  });
});
