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

export type FeedKind = 'achievement' | 'demand';
export const FEED_PATHS: Record<FeedKind, string> = { achievement: 'achievements', demand: 'demands' };
const TITLES: Record<FeedKind, string> = { achievement: '津桥 已发布科技成果', demand: '津桥 已发布技术需求' };
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

export async function feedPage(opts: {
  db: Db;
  publicUrl: string;
  kind: FeedKind;
  ext: 'json' | 'atom';
  query: z.infer<typeof FeedQuery>;
}) {
  const { query, publicUrl, kind } = opts;
  const { records, more } = await publicRecordsPage(opts.db, kind, {
    since: query.since ? new Date(query.since) : undefined,
    fieldCode: query.field,
    regionCode: query.region,
    limit: query.limit,
    offset: (query.page - 1) * query.limit,
  });
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
  const entries = records.map((rec) => entryOf(rec, publicUrl));
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
