// The portal's home page: live figures counted by the owning modules (cached a minute on the app's
// clock), the footer from configuration, and the news column the operator publishes and withdraws.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { PORTAL_FIGURES_TTL_SECONDS } from '../../common/api/portal.js';
import { localDateOf } from '../../server/lib/calendar.js';
import { clock } from '../../server/lib/clock.js';
import { auditLog } from '../../server/lib/schema.js';
import { createAchievement, createDemand, createLoggedInUser, createUser } from '../factories.js';
import { useTestApp } from '../harness.js';

const t = useTestApp();

const figures = async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/portal/figures' });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    achievements: number;
    demands: number;
    dealsThisYear: number;
    contractYear: number;
    contractYearIsCurrent: boolean;
  };
};

const newsItem = {
  title: '津桥平台上线技术合同网上登记服务',
  category: 'platform',
  summary: '技术合同认定登记全程网上办理。',
  body: '自即日起，技术合同卖方可通过津桥平台在线提交认定登记申请，登记机构在规定时限内完成审查。',
  source: '平台运营中心',
};

describe('portal figures', () => {
  it('counts a newly published achievement and demand once the minute of caching is over, never a draft', async () => {
    const before = await figures();
    const owner = await createUser(t.db, { role: 'org_member' });
    await createAchievement(t.db, { by: owner, status: 'published', input: { title: '海水淡化反渗透膜制备技术' } });
    await createAchievement(t.db, { by: owner, status: 'draft', input: { title: '未提交的草稿成果' } });
    await createDemand(t.db, { by: owner, status: 'published' });

    expect(await figures(), 'kept within the minute').toMatchObject({ achievements: before.achievements, demands: before.demands });
    clock.advance((PORTAL_FIGURES_TTL_SECONDS + 1) * 1000);
    const after = await figures();
    expect(after.achievements).toBe(before.achievements + 1);
    expect(after.demands).toBe(before.demands + 1);
    expect(after.contractYearIsCurrent).toBe(after.contractYear === Number(localDateOf(clock.now()).slice(0, 4)));
  });

  it('answers the footer from configuration', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/portal/site' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ operator: expect.any(String), contact: expect.any(String) });
  });
});

describe('news', () => {
  it('the operator publishes an item, anyone reads it, the withdrawal hides it and both are audited', async () => {
    const admin = await createLoggedInUser(t.app, t.db, { role: 'platform_admin' });
    const created = await admin.session.inject({ method: 'POST', url: '/api/news', payload: newsItem });
    expect(created.statusCode, created.body).toBe(201);
    const item = created.json();
    expect(item).toMatchObject({ title: newsItem.title, status: 'published', actions: ['withdraw'] });

    const list = (await t.app.inject({ method: 'GET', url: '/api/news?limit=50' })).json();
    expect(list.items[0]).toMatchObject({ id: item.id, title: newsItem.title, actions: [] });
    expect((await t.app.inject({ method: 'GET', url: `/api/news/${item.id}` })).statusCode).toBe(200);

    const withdrawn = await admin.session.inject({
      method: 'POST',
      url: `/api/news/${item.id}/withdraw`,
      payload: { reason: '信息有误，更正后重发' },
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', actions: [] });
    const again = await admin.session.inject({ method: 'POST', url: `/api/news/${item.id}/withdraw`, payload: { reason: '再次撤回' } });
    expect(again.statusCode).toBe(409);

    expect((await t.app.inject({ method: 'GET', url: `/api/news/${item.id}` })).statusCode).toBe(404);
    const listed = (await t.app.inject({ method: 'GET', url: '/api/news?limit=50' })).json().items.map((n: { id: string }) => n.id);
    expect(listed).not.toContain(item.id);

    const audited = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'news_item'), eq(auditLog.entityId, item.id)));
    expect(audited.map((a) => a.action).sort()).toEqual(['news.publish', 'news.withdraw']);
  });

  it('a member cannot publish, and a bad item is answered field by field', async () => {
    const member = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
    expect((await member.session.inject({ method: 'POST', url: '/api/news', payload: newsItem })).statusCode).toBe(403);
    const admin = await createLoggedInUser(t.app, t.db, { role: 'platform_admin' });
    const bad = await admin.session.inject({ method: 'POST', url: '/api/news', payload: { ...newsItem, title: '短', category: 'gossip' } });
    expect(bad.statusCode).toBe(400);
    const fields = (bad.json().errors ?? []).map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['body.title', 'body.category']));
  });
});
