// Favourites (收藏), follows (关注) and view counts: a member bookmarks published records and
// organisations; the owner sees how many viewed and favourited, never who.
import { describe, expect, it } from 'vitest';
import { clock } from '../../server/lib/clock.js';
import { createAchievement, createDemand, createLoggedInUser, type LoggedIn } from '../factories.js';
import { useTestApp } from '../harness.js';

const t = useTestApp();

const favourite = (s: LoggedIn, kind: string, id: string) => s.inject({ method: 'PUT', url: `/api/me/favourites/${kind}/${id}` });
const unfavourite = (s: LoggedIn, kind: string, id: string) => s.inject({ method: 'DELETE', url: `/api/me/favourites/${kind}/${id}` });
const myFavourites = async (s: LoggedIn, query = '') =>
  ((await s.inject({ method: 'GET', url: `/api/me/favourites${query}` })).json() as { items: Array<Record<string, unknown>> }).items;
const engagement = async (s: LoggedIn | null, kind: string, id: string) => {
  const res = s
    ? await s.inject({ method: 'GET', url: `/api/engagement/${kind}/${id}` })
    : await t.app.inject({ method: 'GET', url: `/api/engagement/${kind}/${id}` });
  return res;
};
const view = (s: LoggedIn | null, kind: string, id: string, ip = '203.0.113.7') =>
  s
    ? s.inject({ method: 'POST', url: `/api/engagement/${kind}/${id}/views` })
    : t.app.inject({ method: 'POST', url: `/api/engagement/${kind}/${id}/views`, remoteAddress: ip });

async function cast() {
  const owner = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
  const visitor = await createLoggedInUser(t.app, t.db, { role: 'org_member' });
  const other = await createLoggedInUser(t.app, t.db, { role: 'org_admin' });
  const achievement = await createAchievement(t.db, { by: owner.user, status: 'published', input: { title: '海水淡化反渗透膜制备技术' } });
  return { owner, visitor, other, achievement };
}

describe('favourites', () => {
  it('a member favourites a record and follows an organisation; the list is theirs alone and removal works', async () => {
    const { owner, visitor, other, achievement } = await cast();
    const demand = await createDemand(t.db, { by: owner.user, status: 'published', input: { title: '寻求锂电池回收技术' } });

    const res = await favourite(visitor.session, 'achievement', achievement.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ kind: 'achievement', id: achievement.id, favourited: true });
    // Favouriting twice is harmless.
    expect((await favourite(visitor.session, 'achievement', achievement.id)).statusCode).toBe(200);
    expect((await favourite(visitor.session, 'demand', demand.id)).statusCode).toBe(200);
    expect((await favourite(visitor.session, 'organization', owner.user.organizationId!)).statusCode).toBe(200);

    const items = await myFavourites(visitor.session);
    expect(items.map((i) => [i.kind, i.title, i.available])).toEqual(
      expect.arrayContaining([
        ['achievement', '海水淡化反渗透膜制备技术', true],
        ['demand', '寻求锂电池回收技术', true],
        ['organization', expect.any(String), true],
      ]),
    );
    expect(items).toHaveLength(3);
    expect(await myFavourites(visitor.session, '?kind=demand')).toEqual([
      expect.objectContaining({ id: demand.id, link: `/demands/${demand.id}` }),
    ]);
    expect(await myFavourites(other.session)).toEqual([]);
    expect((await engagement(visitor.session, 'achievement', achievement.id)).json()).toMatchObject({ favourited: true, counts: null });
    expect((await engagement(other.session, 'achievement', achievement.id)).json()).toMatchObject({ favourited: false, counts: null });

    expect((await unfavourite(visitor.session, 'achievement', achievement.id)).json()).toMatchObject({ favourited: false });
    expect((await myFavourites(visitor.session)).map((i) => i.kind).sort()).toEqual(['demand', 'organization']);
  });

  it('refuses records that are not published (404), bad kinds (400 naming the field) and anonymous callers (401)', async () => {
    const { owner, visitor } = await cast();
    const draft = await createAchievement(t.db, { by: owner.user, status: 'submitted' });
    expect((await favourite(visitor.session, 'achievement', draft.id)).statusCode).toBe(404);
    expect((await favourite(visitor.session, 'demand', draft.id)).statusCode).toBe(404);
    const bad = await favourite(visitor.session, 'contract', draft.id);
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().errors)).toContain('kind');
    expect((await t.app.inject({ method: 'PUT', url: `/api/me/favourites/achievement/${draft.id}` })).statusCode).toBe(401);
    // A stranger cannot probe a draft's counts either.
    expect((await engagement(visitor.session, 'achievement', draft.id)).statusCode).toBe(404);
  });

  it('counts a view once per viewer and day, not by refreshes; the owner sees the counts, never who', async () => {
    const { owner, visitor, other, achievement } = await cast();
    for (let i = 0; i < 3; i++) expect((await view(visitor.session, 'achievement', achievement.id)).statusCode).toBe(204);
    await view(other.session, 'achievement', achievement.id);
    await view(null, 'achievement', achievement.id, '198.51.100.1');
    await view(null, 'achievement', achievement.id, '198.51.100.1');
    await view(null, 'achievement', achievement.id, '198.51.100.2');
    // The owner looking at its own record is not counted.
    await view(owner.session, 'achievement', achievement.id);
    await favourite(visitor.session, 'achievement', achievement.id);

    const seen = await engagement(owner.session, 'achievement', achievement.id);
    expect(seen.json()).toEqual({ kind: 'achievement', id: achievement.id, favourited: false, counts: { views: 4, favourites: 1 } });
    expect(seen.body).not.toContain(visitor.user.id);
    expect((await engagement(null, 'achievement', achievement.id)).json()).toMatchObject({ favourited: false, counts: null });

    // The next day the same viewer counts again.
    clock.advance(24 * 60 * 60 * 1000);
    await view(visitor.session, 'achievement', achievement.id);
    expect((await engagement(owner.session, 'achievement', achievement.id)).json().counts).toEqual({ views: 5, favourites: 1 });
  });

  it('counts views and follows of an organisation for its members', async () => {
    const { owner, visitor } = await cast();
    const orgId = owner.user.organizationId!;
    await view(visitor.session, 'organization', orgId);
    await favourite(visitor.session, 'organization', orgId);
    expect((await engagement(owner.session, 'organization', orgId)).json().counts).toEqual({ views: 1, favourites: 1 });
    expect((await engagement(visitor.session, 'organization', orgId)).json()).toMatchObject({ favourited: true, counts: null });
  });
});
