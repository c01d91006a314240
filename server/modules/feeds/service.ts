/**
 * Feeds of published records for other markets to pull (README.md): what the public sees (public
 * statuses, not restricted), most recently changed first, filtered by `since`, technical field and
 * region subtree, paged with next links. Contacts are not in feeds (they are for logged-in members).
 */
import type { z } from 'zod';
import type { FeedQuery } from '../../../common/api/feeds.js';
import type { AchievementRow, DemandRow, LoadedRecord } from '../catalog/records.js';
import { publicRecordsPage } from '../catalog/lookups.js';
import type { Db } from '../../db/client.js';
import type { FeedEntry, FeedMeta } from './format.js';
import { publicTradePage, type PublicTradeRecord } from '../trading/lookups.js';

/** Catalogue feeds (achievements, demands) and trade feeds (auctions; 挂牌 / 公示 / 成交 notices). */
export type FeedKind = 'achievement' | 'demand' | 'auction' | 'notice';
export const FEED_KINDS: FeedKind[] = ['achievement', 'demand', 'auction', 'notice'];
export const FEED_PATHS: Record<FeedKind, string> = {
  achievement: 'achievements',
  demand: 'demands',
  auction: 'auctions',
  notice: 'notices',
};
const TITLES: Record<FeedKind, string> = {
  achievement: '津桥 已发布科技成果',
  demand: '津桥 已发布技术需求',
  auction: '津桥 科技成果拍卖公告',
  notice: '津桥 挂牌、协议定价公示与成交公告',
};
/** Which trade records each trade feed carries. */
const TRADE_KINDS: Record<'auction' | 'notice', PublicTradeRecord['kind'][]> = {
  auction: ['auction'],
  notice: ['listing', 'notice', 'deal'],
};
const TRADE_LABELS: Record<PublicTradeRecord['kind'], string> = { listing: '挂牌', auction: '拍卖', notice: '协议定价公示', deal: '成交' };
const TRADE_PAGES: Record<PublicTradeRecord['kind'], string> = {
  listing: 'trading/listings',
  auction: 'trading/auctions',
  notice: 'trading/notices',
  deal: 'trading/deals',
};
export const MARKET_ID = 'jinqiao';
export const SCHEMA_PATH = '/api/feeds/schema/technology-profile.json';

/** The exchange record of one catalog record (technology-profile.schema.json). */
export function exchangeRecord(rec: LoadedRecord, publicUrl: string): Record<string, unknown> {
  const r = rec.row;
  const url = `${publicUrl}/${FEED_PATHS[rec.kind]}/${r.id}`;
  const common = {
    externalId: `${MARKET_ID}:${rec.kind}:${r.id}`,
    registrationNumber: null,
    title: r.title,
    summary: r.summary,
    keywords: r.keywords,
    field: { code: r.fieldCode, name: rec.fieldName },
    region: { code: r.regionCode, name: rec.regionName },
    organization: { name: rec.organization.name, type: rec.organization.type },
    source: { market: '津桥技术交易平台', url },
    publishedAt: r.publishedAt?.toISOString() ?? null,
    updatedAt: r.updatedAt.toISOString(),
  };
  if (rec.kind === 'achievement') {
    const a = r as AchievementRow;
    return {
      ...common,
      profileType: 'technology_offer',
      description: a.problemSolved,
      advantages: a.advantage,
      trl: a.trl,
      transferModes: a.transferModes,
      ipAssets: a.ipAssets.map((i) => ({ kind: i.kind, number: i.number, title: i.title })),
      priceFen: a.priceNegotiable ? null : a.priceFen,
      deadline: null,
    };
  }
  const d = r as DemandRow;
  return {
    ...common,
    profileType: 'technology_request',
    description: null,
    advantages: null,
    trl: d.trlMin,
    transferModes: d.cooperationModes,
    ipAssets: [],
    priceFen: d.budgetNegotiable ? null : d.budgetMaxFen,
    deadline: d.deadline,
  };
}

function entryOf(rec: LoadedRecord, publicUrl: string): FeedEntry {
  const r = rec.row;
  const url = `${publicUrl}/${FEED_PATHS[rec.kind]}/${r.id}`;
  const a = rec.kind === 'achievement' ? (r as AchievementRow) : null;
  return {
    id: url,
    url,
    title: r.title,
    summary: r.summary,
    contentText: [r.summary, a?.problemSolved, a?.advantage].filter(Boolean).join('\n\n'),
    published: r.publishedAt,
    modified: r.updatedAt,
    tags: [rec.fieldName, ...r.keywords],
    author: rec.organization.name,
    exchange: exchangeRecord(rec, publicUrl),
  };
}

const yuan = (fen: number) => `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** The exchange record of a trade: the technology offer it trades, with how (`trade`). */
export function tradeExchangeRecord(t: PublicTradeRecord, publicUrl: string): Record<string, unknown> {
  return {
    externalId: `${MARKET_ID}:${t.kind}:${t.id}`,
    profileType: 'technology_offer',
    registrationNumber: null,
    title: t.title,
    summary: t.summary,
    description: t.description,
    advantages: null,
    keywords: [],
    field: { code: t.fieldCode, name: t.fieldName },
    region: { code: t.regionCode, name: t.regionName },
    organization: { name: t.seller.name, type: t.seller.type },
    trl: null,
    transferModes: [t.transferMode],
    ipAssets: [],
    priceFen: t.priceFen,
    source: { market: '津桥技术交易平台', url: `${publicUrl}/${TRADE_PAGES[t.kind]}/${t.id}` },
    publishedAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
    deadline: null,
    trade: {
      kind: t.kind,
      status: t.status,
      priceFen: t.priceFen,
      currentPriceFen: t.currentPriceFen,
      startsAt: t.startsAt?.toISOString() ?? null,
      endsAt: t.endsAt?.toISOString() ?? null,
      achievementExternalId: `${MARKET_ID}:achievement:${t.achievementId}`,
    },
  };
}

function tradeEntryOf(t: PublicTradeRecord, publicUrl: string): FeedEntry {
  const url = `${publicUrl}/${TRADE_PAGES[t.kind]}/${t.id}`;
  const title = `【${TRADE_LABELS[t.kind]}】${t.title}`;
  return {
    id: url,
    url,
    title,
    summary: t.summary,
    contentText: [t.summary, `${TRADE_LABELS[t.kind]}价格：${yuan(t.priceFen)}`, t.description].filter(Boolean).join('\n\n'),
    published: t.createdAt,
    modified: t.updatedAt,
    tags: [t.fieldName, TRADE_LABELS[t.kind]],
    author: t.seller.name,
    exchange: tradeExchangeRecord(t, publicUrl),
  };
}

export async function feedPage(opts: {
  db: Db;
  publicUrl: string;
  kind: FeedKind;
  ext: 'json' | 'atom';
  query: z.infer<typeof FeedQuery>;
}) {
  const { query, publicUrl, kind } = opts;
  const filter = {
    since: query.since ? new Date(query.since) : undefined,
    fieldCode: query.field,
    regionCode: query.region,
    limit: query.limit,
    offset: (query.page - 1) * query.limit,
  };
  let entries: FeedEntry[];
  let more: boolean;
  if (kind === 'auction' || kind === 'notice') {
    const page = await publicTradePage(opts.db, TRADE_KINDS[kind], filter);
    entries = page.records.map((t) => tradeEntryOf(t, publicUrl));
    more = page.more;
  } else {
    const page = await publicRecordsPage(opts.db, kind, filter);
    entries = page.records.map((rec) => entryOf(rec, publicUrl));
    more = page.more;
  }
  const urlFor = (page: number) => {
    const params = new URLSearchParams();
    if (query.since) params.set('since', query.since);
    if (query.field) params.set('field', query.field);
    if (query.region) params.set('region', query.region);
    if (query.limit !== 50) params.set('limit', String(query.limit));
    if (page > 1) params.set('page', String(page));
    const qs = params.toString();
    return `${publicUrl}/api/feeds/${FEED_PATHS[kind]}.${opts.ext}${qs ? `?${qs}` : ''}`;
  };
  const meta: FeedMeta = {
    title: TITLES[kind],
    homePageUrl: `${publicUrl}/${FEED_PATHS[kind]}`,
    feedUrl: urlFor(query.page),
    nextUrl: more ? urlFor(query.page + 1) : null,
    description: `${TITLES[kind]}（按最近更新排序；交换格式见 ${publicUrl}${SCHEMA_PATH}）`,
    updated: entries.reduce((max, e) => (e.modified > max ? e.modified : max), new Date(0)),
  };
  return { meta, entries };
}
