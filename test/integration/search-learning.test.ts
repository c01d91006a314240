import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../server/db/client.js';
import { seedFields } from '../../server/db/seed/fields.js';
import { clock } from '../../server/lib/clock.js';
import { HISTORY_SETTINGS } from '../../server/modules/search/history.js';
import { createLoggedInUser, unique, type LoggedIn } from '../factories.js';
import { useTestApp } from '../harness.js';
import { publishThroughApi } from './search-fixtures.js';

/**
 * What search learns from use (issue 13): hot and recent searches, synonym candidates from the
 * catalogue for an admin to accept or reject, and the field model learning from corrections.
 * Records carry a fresh Latin token so that each test's searches find only its own records.
 */
const t = useTestApp();

let member: LoggedIn;
let admin: LoggedIn;

const file = (o: { title: string; summary?: string; keywords?: string[]; fieldCode?: string }, by = member) =>
  publishThroughApi(by, admin, o);

const anonymousSearch = async (q: string, address: string) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/achievements?${new URLSearchParams({ q })}`, remoteAddress: address });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { total: number; items: Array<{ record: { id: string } }>; match: { relaxed: boolean }; terms: string[] };
};
const userSearch = async (who: LoggedIn, q: string) => {
  const res = await who.inject({ method: 'GET', url: `/api/achievements?${new URLSearchParams({ q })}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { total: number; nextCursor: string | null };
};
const hot = async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/search/hot?kind=achievement' });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Array<{ query: string; searchers: number; searcherDays: number }>; days: number; minSearchers: number };
};
const recent = async (who: LoggedIn) => {
  const res = await who.inject({ method: 'GET', url: '/api/search/recent?kind=achievement' });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: Array<{ query: string }> }).items.map((i) => i.query);
};
const auditActions = async (entityId: string) =>
  (await queryRows<{ action: string }>(t.db, sql`SELECT action FROM audit_log WHERE entity_id = ${entityId} ORDER BY seq`)).map(
    (r) => r.action,
  );

beforeAll(async () => {
  if (!t.app) return;
  await seedFields(t.db);
  member = (await createLoggedInUser(t.app, t.db, { role: 'org_member' })).session;
  admin = (await createLoggedInUser(t.app, t.db, { role: 'platform_admin' })).session;
});

describe('hot searches', () => {
  it('count distinct searchers per day, only queries that found something, and need the minimum', async () => {
    const k = `hq${unique()}`;
    await file({ title: `锂离子电池热管理系统 ${k}`, keywords: ['锂离子电池'] });
    const q = `锂离子电池 ${k}`;
    const missing = `园林绿化 ${k}`;
    // One user repeating a query many times is one searcher.
    for (let i = 0; i < 6; i++) expect((await userSearch(member, q)).total).toBe(1);
    expect((await hot()).items.map((h) => h.query)).not.toContain(q);
    // Two more searchers from other addresses: now at the minimum.
    expect(HISTORY_SETTINGS.hotMinSearchers).toBe(3);
    await anonymousSearch(q, '198.51.100.1');
    expect((await hot()).items.map((h) => h.query)).not.toContain(q);
    await anonymousSearch(q, '198.51.100.2');
    const listed = (await hot()).items.find((h) => h.query === q);
    expect(listed).toEqual({ query: q, searchers: 3, searcherDays: 3 });
    // A query that found nothing is never hot, however many ask it.
    for (const address of ['198.51.100.3', '198.51.100.4', '198.51.100.5']) expect((await anonymousSearch(missing, address)).total).toBe(0);
    expect((await hot()).items.map((h) => h.query)).not.toContain(missing);
  });

  it('count each day again, and forget days older than the window', async () => {
    const k = `hd${unique()}`;
    await file({ title: `钠离子电池负极材料 ${k}`, keywords: ['钠离子电池'] });
    const q = `钠离子电池 ${k}`;
    for (const a of ['203.0.113.1', '203.0.113.2', '203.0.113.3']) await anonymousSearch(q, a);
    clock.advance(24 * 3600_000);
    await anonymousSearch(q, '203.0.113.1');
    expect((await hot()).items.find((h) => h.query === q)).toEqual({ query: q, searchers: 3, searcherDays: 4 });
    // Six days on, the first day is still inside the seven-day window; one more day and it is not.
    clock.advance((HISTORY_SETTINGS.hotDays - 2) * 24 * 3600_000);
    expect((await hot()).items.map((h) => h.query)).toContain(q);
    clock.advance(24 * 3600_000);
    expect((await hot()).items.map((h) => h.query)).not.toContain(q);
  });

  it('page two of a search is not counted again', async () => {
    const k = `hp${unique()}`;
    for (let i = 0; i < 3; i++) await file({ title: `光伏逆变器控制方法 ${i} ${k}`, keywords: ['光伏逆变器'] });
    const q = `光伏逆变器 ${k}`;
    const first = await member.inject({ method: 'GET', url: `/api/achievements?${new URLSearchParams({ q, limit: '2' })}` });
    const cursor = (first.json() as { nextCursor: string }).nextCursor;
    expect(cursor).toBeTruthy();
    await t.db.execute(sql`DELETE FROM recent_searches WHERE query = ${q}`);
    await member.inject({ method: 'GET', url: `/api/achievements?${new URLSearchParams({ q, limit: '2', cursor })}` });
    expect(await recent(member)).not.toContain(q);
  });
});

describe('recent searches', () => {
  it('are the user’s own, newest first, found or not, and the user clears them (audited)', async () => {
    const { session: me } = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
    const { session: other } = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
    const k = `rq${unique()}`;
    await userSearch(me, `锂电池 ${k}`);
    clock.advance(1000);
    await userSearch(me, `没有这个词 ${k}`);
    clock.advance(1000);
    await userSearch(me, `  锂电池   ${k} `); // the same query again moves to the top, normalised
    expect(await recent(me)).toEqual([`锂电池 ${k}`, `没有这个词 ${k}`]);
    expect(await recent(other)).toEqual([]);

    for (let i = 0; i < HISTORY_SETTINGS.recentKept + 2; i++) {
      clock.advance(1000);
      await userSearch(me, `查询${i} ${k}`);
    }
    const kept = await recent(me);
    expect(kept).toHaveLength(HISTORY_SETTINGS.recentKept);
    expect(kept[0]).toBe(`查询${HISTORY_SETTINGS.recentKept + 1} ${k}`);

    const cleared = await me.inject({ method: 'DELETE', url: '/api/search/recent' });
    expect(cleared.statusCode, cleared.body).toBe(204);
    expect(await recent(me)).toEqual([]);
    expect(await auditActions(me.me.user.id)).toContain('recent_searches.clear');
  });

  it('are for signed-in users only', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/search/recent' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/search/recent?kind=company' })).statusCode).toBe(401);
    const bad = await member.inject({ method: 'GET', url: '/api/search/recent?kind=company' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('kind');
  });
});

interface Candidate {
  id: string;
  terms: [string, string];
  source: string;
  status: string;
  evidence: Record<string, unknown>;
  groupId: string | null;
}
const candidates = async (status = 'pending') => {
  const res = await admin.inject({ method: 'GET', url: `/api/synonyms/candidates?status=${status}&limit=200` });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: Candidate[] }).items;
};
const decide = (id: string, decision: 'accept' | 'reject', who = admin) =>
  who.inject({ method: 'POST', url: `/api/synonyms/candidates/${id}/decision`, payload: { decision } });

describe('synonym candidates learned from the catalogue', () => {
  it('an accepted abbreviation joins a synonym group and search uses it at once', async () => {
    const k = `sq${unique()}`;
    const short = await file({ title: `固态锂电池电解质膜 ${k}`, keywords: ['固态锂电池', '电解质膜'] });
    const full = await file({ title: `硫化物电解质界面改性 ${k}`, keywords: ['固态锂离子电池', '界面改性'] });

    const before = await anonymousSearch(`固态锂电池 ${k}`, '192.0.2.10');
    expect(before.items.map((h) => h.record.id)).toEqual([short]);

    const learned = await admin.inject({ method: 'POST', url: '/api/synonyms/candidates/learn' });
    expect(learned.statusCode, learned.body).toBe(200);
    expect((learned.json() as { added: number }).added).toBeGreaterThan(0);
    const pair = (await candidates()).find((c) => c.terms[0] === '固态锂电池' && c.terms[1] === '固态锂离子电池');
    expect(pair).toMatchObject({ source: 'abbreviation', status: 'pending', evidence: { abbreviationRecords: 1, fullFormRecords: 1 } });
    // Not used before an admin accepts it.
    expect((await anonymousSearch(`固态锂电池 ${k}`, '192.0.2.10')).items.map((h) => h.record.id)).toEqual([short]);

    expect((await decide(pair!.id, 'accept', member)).statusCode).toBe(403);
    const accepted = await decide(pair!.id, 'accept');
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', groupId: expect.any(String) });
    const groups = (await admin.inject({ method: 'GET', url: '/api/synonyms' })).json() as {
      items: Array<{ id: string; terms: string[] }>;
    };
    expect(groups.items.find((g) => g.id === (accepted.json() as Candidate).groupId)?.terms).toEqual(['固态锂电池', '固态锂离子电池']);

    const after = await anonymousSearch(`固态锂电池 ${k}`, '192.0.2.10');
    expect(after.items.map((h) => h.record.id).sort()).toEqual([short, full].sort());
    expect(after.match.relaxed).toBe(false);
    expect(after.terms).toEqual(expect.arrayContaining(['固态锂电池', '固态锂离子电池']));

    // Decided once; learning again does not propose it again.
    expect((await decide(pair!.id, 'reject')).statusCode).toBe(409);
    await admin.inject({ method: 'POST', url: '/api/synonyms/candidates/learn' });
    expect((await candidates()).some((c) => c.terms.join() === pair!.terms.join())).toBe(false);
    expect(await auditActions(pair!.id)).toEqual(['synonym_candidate.accept']);
  });

  it('a rejected co-occurrence candidate is kept out of search and never proposed again', async () => {
    const k = `sc${unique()}`;
    await file({ title: `整车热管理 ${k}`, keywords: ['纯电动汽车', '动力电池', '续航里程'] });
    await file({ title: `快充策略 ${k}`, keywords: ['纯电动汽车', '动力电池', '充电桩'] });
    await file({ title: `电驱系统 ${k}`, keywords: ['新能源汽车整车', '动力电池', '续航里程'] });
    await file({ title: `换电模式 ${k}`, keywords: ['新能源汽车整车', '充电桩', '续航里程'] });
    await admin.inject({ method: 'POST', url: '/api/synonyms/candidates/learn' });
    const pair = (await candidates()).find((c) => c.source === 'cooccurrence' && c.terms.join() === '纯电动汽车,新能源汽车整车');
    expect(pair?.evidence.sharedNeighbours).toEqual(['充电桩', '动力电池', '续航里程']);
    const rejected = await decide(pair!.id, 'reject');
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({ status: 'rejected', groupId: null });
    await admin.inject({ method: 'POST', url: '/api/synonyms/candidates/learn' });
    expect((await candidates()).some((c) => c.id === pair!.id || c.terms.join() === pair!.terms.join())).toBe(false);
    expect((await candidates('rejected')).map((c) => c.id)).toContain(pair!.id);
    const groups = (await admin.inject({ method: 'GET', url: '/api/synonyms' })).json() as { items: Array<{ terms: string[] }> };
    expect(groups.items.some((g) => g.terms.includes('纯电动汽车'))).toBe(false);
  });

  it('are for curators only', async () => {
    expect((await member.inject({ method: 'GET', url: '/api/synonyms/candidates' })).statusCode).toBe(403);
    expect((await member.inject({ method: 'POST', url: '/api/synonyms/candidates/learn' })).statusCode).toBe(403);
    const missing = await decide('00000000-0000-4000-8000-000000000000', 'accept');
    expect(missing.statusCode).toBe(404);
  });
});

describe('the field model learns from corrections', () => {
  interface Suggested {
    fields: Array<{ code: string; confidence: number; basis: 'model' | 'correction' }>;
  }
  const suggest = async (title: string, summary: string) => {
    const res = await member.inject({ method: 'POST', url: '/api/suggest', payload: { title, summary } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Suggested;
  };

  // Trains the field model twice (on first use and at the retrain): seconds each on a loaded machine.
  it('a corrected record changes the next suggestion for its text, and joins the next retrain', { timeout: 180_000 }, async () => {
    const title = `基于深度学习的桥梁裂缝图像识别方法 ${unique()}`;
    const summary = '采集桥梁混凝土表面图像，利用卷积神经网络识别裂缝宽度与走向，辅助桥梁养护决策。';
    const before = await suggest(title, summary);
    const wrong = before.fields[0]!.code;
    const right = before.fields[2]!.code;
    expect(before.fields.map((f) => f.basis)).toEqual(['model', 'model', 'model']);
    const id = await file({ title, summary, fieldCode: right });

    // Someone else's record: not theirs to correct.
    const { session: stranger } = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
    const refused = await stranger.inject({
      method: 'POST',
      url: '/api/suggest/corrections',
      payload: { kind: 'achievement', recordId: id, suggestedField: wrong, fieldCode: right },
    });
    expect(refused.statusCode).toBe(403);
    // Nothing to correct when the field is the suggested one.
    const same = await member.inject({
      method: 'POST',
      url: '/api/suggest/corrections',
      payload: { kind: 'achievement', recordId: id, suggestedField: wrong, fieldCode: wrong },
    });
    expect(same.statusCode).toBe(400);
    expect(same.body).toContain('fieldCode');

    const corrected = await member.inject({
      method: 'POST',
      url: '/api/suggest/corrections',
      payload: { kind: 'achievement', recordId: id, fieldCode: right },
    });
    expect(corrected.statusCode, corrected.body).toBe(201);
    expect(corrected.json()).toMatchObject({ suggestedField: wrong, correctedField: right });
    expect(await auditActions(id)).toContain('field_correction.create');

    const after = await suggest(title, summary);
    expect(after.fields[0]).toMatchObject({ code: right, basis: 'correction' });
    expect(after.fields[0]!.confidence).toBe(before.fields[0]!.confidence);
    // A text about something else is not touched.
    const other = await suggest('中药复方治疗慢性胃炎的临床研究', '观察中药复方对慢性胃炎患者症状积分与胃镜表现的影响。');
    expect(other.fields.every((f) => f.basis === 'model')).toBe(true);

    // The admin page reports the correction waiting; the nightly retrain takes it in, and the next run has nothing to do.
    const report = async () => {
      const res = await admin.inject({ method: 'GET', url: '/api/suggest/field-model' });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { model: { corrections: number }; correctionsSinceTraining: number; correctionsTotal: number };
    };
    expect(await report()).toMatchObject({ correctionsSinceTraining: 1, correctionsTotal: 1 });
    const { retrainFieldModelJob } = await import('../../server/modules/suggest/jobs.js');
    clock.advance(1000);
    expect(await retrainFieldModelJob.run(t.app.ctx)).toMatch(/1 corrections/);
    expect(await report()).toMatchObject({ model: { corrections: 1 }, correctionsSinceTraining: 0 });
    expect(await retrainFieldModelJob.run(t.app.ctx)).toBe('no corrections since the last training');
    expect((await suggest(title, summary)).fields[0]!.code).toBe(right);
    expect((await member.inject({ method: 'GET', url: '/api/suggest/field-model' })).statusCode).toBe(403);
  });
});

describe('the search demo', () => {
  it('fills 热门搜索 only with queries the catalogue answers', async () => {
    await file({ title: `锂离子电池健康状态估计方法 ${unique()}`, keywords: ['锂离子电池'] });
    const { seedSearchDemo } = await import('../../server/db/seed/search-demo.js');
    await seedSearchDemo(t.db);
    const items = (await hot()).items;
    expect(items.find((h) => h.query === '锂离子电池')).toEqual({ query: '锂离子电池', searchers: 9, searcherDays: 63 });
    expect(items.map((h) => h.query)).not.toContain('芯片');
  });
});
