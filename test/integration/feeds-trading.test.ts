// The trade feeds other markets pull: auctions (拍卖) and notices (挂牌 / 协议定价公示 / 成交), as JSON
// Feed 1.1 and Atom, each item carrying the exchange record with its `trade` part, valid against the
// served schema; `since` leaves out what did not change.
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { clock } from '../../server/lib/clock.js';
import { useTestApp } from '../harness.js';
import { createAuction, person, seller } from './trading-fixtures.js';

const t = useTestApp();
const get = (url: string) => t.app.inject({ method: 'GET', url });

interface FeedItem {
  id: string;
  url: string;
  title: string;
  _jinqiao: {
    externalId: string;
    priceFen: number;
    trade: { kind: string; status: string; priceFen: number; achievementExternalId: string };
  };
}

async function validator() {
  const ajv = new Ajv2020({ strict: false });
  addFormats.default(ajv);
  return ajv.compile((await get('/api/feeds/schema/technology-profile.json')).json());
}

describe('trade feeds', () => {
  it('an auction and an agreed-price notice appear in their feeds with the exchange record and its trade part', async () => {
    const since = new Date(clock.now().getTime()).toISOString();
    clock.advance(1000);
    const a = await seller(t, { title: '耐高温聚酰亚胺薄膜连续化制备技术' });
    const auction = await createAuction(a);
    const n = await seller(t, { title: '海水淡化反渗透膜组件清洗工艺' });
    const buyer = await person(t, 'org_member');
    const posted = await n.session.inject({
      method: 'POST',
      url: '/api/trading/notices',
      payload: {
        achievementId: n.achievementId,
        buyerOrganizationId: buyer.user.organizationId,
        priceFen: 880_000,
        transferMode: 'transfer',
        summary: '经双方协商，拟以协议定价方式转让该成果，现予公示。',
        relatedParty: false,
        pricingBasis: { method: 'appraisal', appraiser: '天津某资产评估公司', appraisedValueFen: 900_000, reportNumber: 'PG-2026-01' },
        approvals: [{ body: '成果转化领导小组', decision: '同意协议定价', decidedOn: '2026-11-01' }],
      },
    });
    expect(posted.statusCode, posted.body).toBe(201);
    const notice = posted.json() as { id: string };
    const validate = await validator();

    const auctions = await get(`/api/feeds/auctions.json?since=${encodeURIComponent(since)}`);
    expect(auctions.statusCode).toBe(200);
    expect(auctions.headers['content-type']).toMatch(/^application\/feed\+json/);
    const feed = auctions.json() as { version: string; items: FeedItem[] };
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    const item = feed.items.find((i) => i._jinqiao.externalId === `jinqiao:auction:${auction.id}`)!;
    expect(item.title).toBe('【拍卖】耐高温聚酰亚胺薄膜连续化制备技术');
    expect(item.url).toMatch(new RegExp(`/trading/auctions/${auction.id}$`));
    expect(item._jinqiao.trade).toMatchObject({
      kind: 'auction',
      priceFen: auction.startingPriceFen,
      achievementExternalId: `jinqiao:achievement:${a.achievementId}`,
    });
    // Only auctions in the auctions feed.
    expect(feed.items.every((i) => i._jinqiao.trade.kind === 'auction')).toBe(true);

    const notices = (await get(`/api/feeds/notices.json?since=${encodeURIComponent(since)}`)).json() as { items: FeedItem[] };
    const n1 = notices.items.find((i) => i._jinqiao.externalId === `jinqiao:notice:${notice.id}`)!;
    expect(n1.title).toBe('【协议定价公示】海水淡化反渗透膜组件清洗工艺');
    expect(n1._jinqiao.trade).toMatchObject({ kind: 'notice', status: 'posted', priceFen: 880_000 });
    expect(notices.items.some((i) => i._jinqiao.trade.kind === 'auction')).toBe(false);
    for (const i of [...feed.items, ...notices.items]) expect(validate(i._jinqiao), JSON.stringify(validate.errors)).toBe(true);

    // Changed before `since`: left out.
    const later = new Date(clock.now().getTime() + 1000).toISOString();
    clock.advance(2000);
    const none = (await get(`/api/feeds/auctions.json?since=${encodeURIComponent(later)}`)).json() as { items: FeedItem[] };
    expect(none.items.find((i) => i._jinqiao.externalId === `jinqiao:auction:${auction.id}`)).toBeUndefined();

    // Atom: well-formed, the entry with its link.
    const atom = await get(`/api/feeds/notices.atom?since=${encodeURIComponent(since)}`);
    expect(atom.headers['content-type']).toMatch(/^application\/atom\+xml/);
    const titles: string[] = [];
    let inTitle = false;
    const parser = new SaxesParser({ xmlns: false });
    parser.on('opentag', (tag) => void (inTitle = tag.name === 'title'));
    parser.on('text', (text) => void (inTitle && titles.push(text)));
    parser.on('closetag', () => void (inTitle = false));
    parser.write(atom.body).close();
    expect(titles).toContain('【协议定价公示】海水淡化反渗透膜组件清洗工艺');
  });
});
