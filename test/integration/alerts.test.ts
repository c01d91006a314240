// Saved searches notify their owner of newly published records (in the app, by e-mail at once or
// in a daily digest); field suggestions while filing; curated lists on the portal.
import { describe, expect, it } from 'vitest';
import { systemActor } from '../../server/lib/actor.js';
import { clock } from '../../server/lib/clock.js';
import { memoryMailer } from '../../server/lib/mailer.js';
import { checkSavedSearches, sendDailyDigests } from '../../server/modules/alerts/service.js';
import { createAchievement, createDemand, createLoggedInUser, createUser, loginAs } from '../factories.js';
import { useTestApp } from '../harness.js';

const t = useTestApp();
const PUBLIC_URL = 'https://jinqiao.example';

async function check(mailer = memoryMailer()) {
  const created = await checkSavedSearches({
    db: t.db,
    search: t.app.ctx.search,
    mailer,
    publicUrl: PUBLIC_URL,
    actor: systemActor('test'),
  });
  return { created, mailer };
}

describe('saved searches and notifications', () => {
  it('notifies the owner once of a newly published match, in the app and by e-mail', async () => {
    const { user, session } = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
    const saved = await session.inject({
      method: 'POST',
      url: '/api/me/saved-searches',
      payload: { target: 'achievements', name: '钙钛矿电池', query: { q: '钙钛矿' }, notify: 'instant' },
    });
    expect(saved.statusCode).toBe(201);
    const owner = await createUser(t.db, { role: 'org_member' });
    clock.advance(1000);
    const hit = await createAchievement(t.db, {
      by: owner,
      status: 'published',
      input: { title: '高效钙钛矿太阳能电池的制备', keywords: ['钙钛矿'] },
    });
    await createAchievement(t.db, {
      by: owner,
      status: 'published',
      input: { title: '水稻抗倒伏栽培技术', summary: '一种提高水稻抗倒伏能力的栽培方法与配套农艺措施。', keywords: ['水稻'] },
    });
    await createAchievement(t.db, {
      by: owner,
      status: 'published',
      input: { title: '钙钛矿薄膜的保密工艺', keywords: ['钙钛矿'], restricted: true },
    });

    const first = await check();
    expect(first.created).toBe(1);
    const list = (await session.inject({ method: 'GET', url: '/api/me/notifications' })).json();
    expect(list.unread).toBe(1);
    expect(list.items[0].link).toBe(`/achievements/${hit.id}`);
    expect(list.items[0].title).toContain('高效钙钛矿太阳能电池');
    expect(first.mailer.sent).toHaveLength(1);
    expect(first.mailer.sent[0]!.to).toBe(user.email);
    expect(first.mailer.sent[0]!.text).toContain(`${PUBLIC_URL}/achievements/${hit.id}`);

    // Checking again finds nothing new.
    expect((await check()).created).toBe(0);

    const read = await session.inject({ method: 'POST', url: `/api/me/notifications/${list.items[0].id}/read` });
    expect(read.statusCode).toBe(204);
    expect((await session.inject({ method: 'GET', url: '/api/me/notifications' })).json().unread).toBe(0);
  });

  it('daily saved searches wait for the digest, which carries each notification once', async () => {
    const { user, session } = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
    await session.inject({
      method: 'POST',
      url: '/api/me/saved-searches',
      payload: { target: 'achievements', name: '石墨烯', query: { q: '石墨烯' }, notify: 'daily' },
    });
    const owner = await createUser(t.db, { role: 'org_member' });
    clock.advance(1000);
    await createAchievement(t.db, { by: owner, status: 'published', input: { title: '石墨烯导热膜规模化制备', keywords: ['石墨烯'] } });
    const mailer = memoryMailer();
    const { created } = await check(mailer);
    expect(created).toBe(1);
    expect(mailer.sent.filter((m) => m.to === user.email)).toHaveLength(0);
    await sendDailyDigests({ db: t.db, mailer, publicUrl: PUBLIC_URL });
    const digests = mailer.sent.filter((m) => m.to === user.email);
    expect(digests).toHaveLength(1);
    expect(digests[0]!.text).toContain('石墨烯导热膜');
    await sendDailyDigests({ db: t.db, mailer, publicUrl: PUBLIC_URL });
    expect(mailer.sent.filter((m) => m.to === user.email)).toHaveLength(1);
  });

  it('watches one of my records: new matching records on the other side are notified with their score', async () => {
    clock.advance(60_000); // after every record earlier tests published
    const { user, session } = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
    const demand = await createDemand(t.db, {
      by: user,
      status: 'published',
      input: { title: '钙钛矿太阳能电池稳定性提升', keywords: ['钙钛矿', '太阳能电池'] },
    });
    const seller = await createUser(t.db, { role: 'org_member' });
    // Published before the watch: not new.
    await createAchievement(t.db, { by: seller, status: 'published', input: { title: '钙钛矿太阳能电池封装工艺', keywords: ['钙钛矿'] } });
    clock.advance(1000);
    const watch = await session.inject({
      method: 'POST',
      url: '/api/me/saved-searches',
      payload: { target: 'matches_for_demand', name: '电池需求的匹配', query: { recordId: demand.id, minScore: 45 }, notify: 'instant' },
    });
    expect(watch.statusCode).toBe(201);
    expect(watch.json().query).toEqual({ recordId: demand.id, minScore: 45 });

    clock.advance(1000);
    const hit = await createAchievement(t.db, {
      by: seller,
      status: 'published',
      input: { title: '高稳定性钙钛矿太阳能电池', keywords: ['钙钛矿', '太阳能电池'] },
    });
    await createAchievement(t.db, {
      by: seller,
      status: 'published',
      input: { title: '钙钛矿太阳能电池的保密配方', keywords: ['钙钛矿'], restricted: true },
    });

    // (Saved searches of earlier tests notify their own owners too: count only this user's; and only
    // matches, not the review decision on the user's own demand.)
    const mine = async () => {
      const body = (await session.inject({ method: 'GET', url: '/api/me/notifications' })).json();
      return { ...body, items: body.items.filter((n: { kind: string }) => n.kind === 'record_match') };
    };
    const { mailer } = await check();
    const list = await mine();
    expect(list.items).toHaveLength(1);
    expect(list.items[0].link).toBe(`/achievements/${hit.id}`);
    expect(list.items[0].title).toMatch(/新匹配（\d+(\.\d)? 分）：高稳定性钙钛矿太阳能电池/);
    expect(mailer.sent.filter((m) => m.to === user.email)).toHaveLength(1);
    await check();
    expect((await mine()).items).toHaveLength(1);

    // A match below the watch's threshold is not notified.
    await session.inject({ method: 'DELETE', url: `/api/me/saved-searches/${watch.json().id}` });
    const strict = await session.inject({
      method: 'POST',
      url: '/api/me/saved-searches',
      payload: { target: 'matches_for_demand', name: '只要满分', query: { recordId: demand.id, minScore: 100 } },
    });
    expect(strict.statusCode).toBe(201);
    clock.advance(1000);
    await createAchievement(t.db, { by: seller, status: 'published', input: { title: '钙钛矿太阳能电池材料', keywords: ['钙钛矿'] } });
    await check();
    expect((await mine()).items).toHaveLength(1);
  });

  it('lets only the owning organisation watch a record, and names a bad record id', async () => {
    const owner = await createUser(t.db, { role: 'org_member' });
    const demand = await createDemand(t.db, { by: owner, status: 'published', input: { title: '水处理膜污染控制' } });
    const { session } = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
    const other = await session.inject({
      method: 'POST',
      url: '/api/me/saved-searches',
      payload: { target: 'matches_for_demand', name: 'x', query: { recordId: demand.id } },
    });
    expect(other.statusCode).toBe(403);
    const bad = await session.inject({
      method: 'POST',
      url: '/api/me/saved-searches',
      payload: { target: 'matches_for_achievement', name: 'x', query: { recordId: 'nope' } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.query.recordId');
  });

  it('refuses a saved query the search would reject, naming the field', async () => {
    const { session } = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
    const res = await session.inject({
      method: 'POST',
      url: '/api/me/saved-searches',
      payload: { target: 'achievements', name: 'x', query: { trl: '12' } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toMatch(/^body\.query\.trl/);
  });

  it('keeps saved searches and notifications private to their owner', async () => {
    const a = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
    const b = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
    const saved = (
      await a.session.inject({ method: 'POST', url: '/api/me/saved-searches', payload: { target: 'demands', name: '需求', query: {} } })
    ).json();
    expect((await b.session.inject({ method: 'DELETE', url: `/api/me/saved-searches/${saved.id}` })).statusCode).toBe(404);
    expect((await b.session.inject({ method: 'GET', url: '/api/me/saved-searches' })).json().items).toHaveLength(0);
    expect((await t.app.inject({ method: 'GET', url: '/api/me/notifications' })).statusCode).toBe(401);
  });
});

describe('field suggestions while filing', () => {
  it('suggests three fields with descending confidences and keywords, the battery text under materials', async () => {
    const { session } = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
    const res = await session.inject({
      method: 'POST',
      url: '/api/suggest',
      payload: { title: '一种高镍三元锂离子电池正极材料及其制备方法', summary: '通过掺杂包覆提高正极材料的容量保持率与热稳定性。' },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.fields).toHaveLength(3);
    expect(body.fields.map((f: { code: string }) => f.code)).toContain('D15');
    const c = body.fields.map((f: { confidence: number }) => f.confidence);
    expect(c[0]).toBeGreaterThanOrEqual(c[1]);
    expect(c[1]).toBeGreaterThanOrEqual(c[2]);
    expect(c.reduce((s: number, x: number) => s + x, 0)).toBeLessThanOrEqual(1.001);
    expect(body.keywords.length).toBeGreaterThan(0);
    const other = (
      await session.inject({
        method: 'POST',
        url: '/api/suggest',
        payload: { title: '城市道路交通流量短时预测', summary: '基于交通检测数据预测路段车流量。' },
      })
    ).json();
    expect(other.fields[0].code).not.toBe(body.fields[0].code);
    expect((await t.app.inject({ method: 'POST', url: '/api/suggest', payload: { title: 'x' } })).statusCode).toBe(401);
  });
});

describe('curated lists', () => {
  it('a curator composes a list of published achievements; the portal shows it once published', async () => {
    const admin = await createUser(t.db, { role: 'platform_admin' });
    const curator = await loginAs(t.app, admin);
    const owner = await createUser(t.db, { role: 'org_member' });
    const published = await createAchievement(t.db, { by: owner, status: 'published' });
    const draft = await createAchievement(t.db, { by: owner });
    const list = (
      await curator.inject({
        method: 'POST',
        url: '/api/curated-lists',
        payload: { kind: 'package', title: '新材料成果包', keyArea: '新材料' },
      })
    ).json();
    expect((await t.app.inject({ method: 'GET', url: `/api/curated-lists/${list.id}` })).statusCode).toBe(404);

    const bad = await curator.inject({
      method: 'PUT',
      url: `/api/curated-lists/${list.id}/items`,
      payload: { achievementIds: [published.id, draft.id] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.achievementIds.1');

    expect(
      (await curator.inject({ method: 'PUT', url: `/api/curated-lists/${list.id}/items`, payload: { achievementIds: [published.id] } }))
        .statusCode,
    ).toBe(200);
    await curator.inject({
      method: 'PUT',
      url: `/api/curated-lists/${list.id}`,
      payload: { kind: 'package', title: '新材料成果包', keyArea: '新材料', published: true },
    });
    const shown = (await t.app.inject({ method: 'GET', url: '/api/curated-lists' })).json();
    const mine = shown.items.find((l: { id: string }) => l.id === list.id);
    expect(mine.achievements.map((a: { id: string }) => a.id)).toEqual([published.id]);

    const member = await loginAs(t.app, owner);
    expect(
      (await member.inject({ method: 'POST', url: '/api/curated-lists', payload: { kind: 'package', title: '越权' } })).statusCode,
    ).toBe(403);
  });
});
