// Automatic match alerts: the owner of a demand hears of a newly published achievement that matches
// it, and the owner of an achievement of a newly published demand, without saving anything.
import { describe, expect, it } from 'vitest';
import { systemActor } from '../../server/lib/actor.js';
import { clock } from '../../server/lib/clock.js';
import { announceRecordMatches } from '../../server/modules/alerts/record-matches.js';
import { createAchievement, createDemand, createLoggedInUser, createOrganization, createUser } from '../factories.js';
import { useTestApp } from '../harness.js';

const t = useTestApp();
const announce = () => announceRecordMatches({ db: t.db, actor: systemActor('test') });

const BATTERY = {
  title: '锂离子电池热管理系统',
  summary: '基于相变材料与液冷板的锂离子电池热管理技术，控制动力电池组温差，提升循环寿命与热安全性。',
  keywords: ['锂离子电池', '热管理', '相变材料'],
};
const RICE = { title: '水稻抗倒伏栽培方法', summary: '一种提高水稻茎秆强度、减少倒伏的田间管理与施肥方法。', keywords: ['水稻', '栽培'] };
const WAN = 1_000_000;
const FITS = { fieldCode: 'D18', trl: 7, priceFen: 100 * WAN, priceNegotiable: false, transferModes: ['transfer'], ipAssets: [] };
const WANTS = {
  fieldCode: 'D18',
  trlMin: 5,
  budgetMinFen: 50 * WAN,
  budgetMaxFen: 200 * WAN,
  budgetNegotiable: false,
  cooperationModes: ['transfer'],
};

describe('automatic match alerts', () => {
  it(
    'tells the demand owner of a new matching achievement once, and the achievement owner of a new matching demand',
    { timeout: 120_000 },
    async () => {
      const enterprise = await createOrganization(t.db, { regionCode: '120116', name: '滨海动力电池有限公司' });
      const university = await createOrganization(t.db, { regionCode: '120116', type: 'university', name: '津桥电池大学' });
      const { user: buyer, session: buyerSession } = await createLoggedInUser(t.app, t.db, {
        role: 'org_member',
        organizationId: enterprise.id,
      });
      const { user: seller, session: sellerSession } = await createLoggedInUser(t.app, t.db, {
        role: 'org_member',
        organizationId: university.id,
      });
      const demand = await createDemand(t.db, {
        by: buyer,
        status: 'published',
        input: { ...BATTERY, title: '寻求锂离子电池热管理技术，解决电池组温差过大问题', ...WANTS } as never,
      });
      // Whatever was published before is announced now (to nobody: nothing else matches yet).
      await announce();
      // Match alerts only: publishing a record also tells its owner the review decision (another kind).
      const unread = async (s: typeof buyerSession) => {
        const all = (await s.inject({ method: 'GET', url: '/api/me/notifications' })).json() as {
          items: Array<{ kind: string; title: string; link: string; body: string; readAt: string | null }>;
        };
        const items = all.items.filter((n) => n.kind === 'record_match');
        return { unread: items.filter((n) => n.readAt === null).length, items };
      };
      expect((await unread(buyerSession)).unread).toBe(0);

      clock.advance(1000);
      const achievement = await createAchievement(t.db, { by: seller, status: 'published', input: { ...BATTERY, ...FITS } as never });
      await createAchievement(t.db, { by: seller, status: 'published', input: { ...RICE, ...FITS } as never });
      await createAchievement(t.db, {
        by: seller,
        status: 'published',
        input: { ...BATTERY, title: '保密的电池热管理工艺', ...FITS, restricted: true } as never,
      });
      expect(await announce()).toBe(1);
      const mine = await unread(buyerSession);
      expect(mine.unread).toBe(1);
      expect(mine.items[0]!.link).toBe(`/achievements/${achievement.id}`);
      expect(mine.items[0]!.title).toContain('锂离子电池热管理系统');
      expect(mine.items[0]!.title).toContain('您的需求');
      expect(mine.items[0]!.body).toContain('文本相关度');
      // The seller filed the achievement: no alert about its own record.
      expect((await unread(sellerSession)).unread).toBe(0);
      // Announced once only.
      expect(await announce()).toBe(0);
      expect((await unread(buyerSession)).unread).toBe(1);

      // Vice versa: a new matching demand from another enterprise reaches the achievement's owner.
      const other = await createUser(t.db, {
        role: 'org_member',
        organizationId: (await createOrganization(t.db, { regionCode: '120104' })).id,
      });
      clock.advance(1000);
      const demand2 = await createDemand(t.db, {
        by: other,
        status: 'published',
        input: { ...BATTERY, title: '征集动力电池热管理与相变材料技术', ...WANTS } as never,
      });
      expect(await announce()).toBeGreaterThanOrEqual(1);
      const theirs = await unread(sellerSession);
      expect(theirs.items.map((i) => i.link)).toContain(`/demands/${demand2.id}`);
      expect(theirs.items.find((i) => i.link === `/demands/${demand2.id}`)!.title).toContain('您的成果');
      // The first demand's owner hears nothing of another demand.
      expect((await unread(buyerSession)).items.map((i) => i.link)).not.toContain(`/demands/${demand2.id}`);
      expect(demand.id).not.toBe(demand2.id);
    },
  );

  it(
    'someone who already watches the record hears of the match from the watch only; unrelated records alert nobody',
    { timeout: 120_000 },
    async () => {
      clock.advance(60_000);
      const enterprise = await createOrganization(t.db, { regionCode: '120116' });
      const { user: buyer, session } = await createLoggedInUser(t.app, t.db, { role: 'org_member', organizationId: enterprise.id });
      const demand = await createDemand(t.db, {
        by: buyer,
        status: 'published',
        input: {
          title: '寻求钙钛矿太阳能电池封装技术',
          summary: '提升钙钛矿太阳能电池的湿热稳定性与封装寿命。',
          keywords: ['钙钛矿', '太阳能电池', '封装'],
          ...WANTS,
        } as never,
      });
      await announce();
      const watch = await session.inject({
        method: 'POST',
        url: '/api/me/saved-searches',
        payload: { target: 'matches_for_demand', name: '钙钛矿', query: { recordId: demand.id, minScore: 0 }, notify: 'none' },
      });
      expect(watch.statusCode, watch.body).toBe(201);
      const seller = await createUser(t.db, { role: 'org_member' });
      clock.advance(1000);
      await createAchievement(t.db, {
        by: seller,
        status: 'published',
        input: {
          title: '钙钛矿太阳能电池封装工艺',
          summary: '一种提升钙钛矿太阳能电池湿热稳定性的封装材料与工艺。',
          keywords: ['钙钛矿', '封装'],
          ...FITS,
        } as never,
      });
      await createAchievement(t.db, { by: seller, status: 'published', input: { ...RICE, ...FITS } as never });
      await announce();
      const alerts = (await session.inject({ method: 'GET', url: '/api/me/notifications' })).json() as { items: Array<{ kind: string }> };
      expect(alerts.items.filter((n) => n.kind === 'record_match')).toEqual([]);
    },
  );
});
