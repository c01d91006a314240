// Synthetic achievement corpora for bench:search, recombined from the CSL vocabulary with a seeded
// PRNG (same seed, same corpus), and bulk loading through multi-row `INSERT … SELECT FROM unnest(…)`.
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { PRICE_BANDS, TRANSFER_MODES } from '../common/catalog.js';
import { fieldCodeByName } from '../server/db/seed/fields.js';
import { tsvectorLiteral } from '../server/lib/text/vector.js';
import { createRandom } from '../server/lib/random.js';

export interface Paper {
  title: string;
  abstract: string;
  keywords: string[];
  discipline: string;
}
export const papers: Paper[] = readFileSync(new URL('../../shared/data/csl-papers-1000.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as Paper);

/** mulberry32: small, fast, good enough for reproducible synthesis. */
export function prng(seed: number) {
  const next = createRandom(seed);
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  return { next, int, pick };
}

const sentences = papers.map((p) => p.abstract.split(/(?<=[。；;.])/).filter((s) => s.trim().length > 4));
export const allKeywords = [...new Set(papers.flatMap((p) => p.keywords))];
const DISTRICTS = [
  '120101',
  '120102',
  '120103',
  '120104',
  '120105',
  '120106',
  '120110',
  '120111',
  '120112',
  '120113',
  '120114',
  '120115',
  '120116',
  '120117',
  '120118',
  '120119',
];
const IP = ['invention_patent', 'utility_model', 'software_copyright', 'know_how', 'design_patent'] as const;

export interface Row {
  id: string;
  organizationId: string;
  regionCode: string;
  title: string;
  summary: string;
  fieldCode: string;
  keywords: string[];
  trl: number;
  ipAssets: string;
  transferModes: string[];
  priceFen: number | null;
  priceNegotiable: boolean;
  publicFunding: boolean;
  restricted: boolean;
  publishedAt: string;
  searchVector: string;
}

/** Record `i` of the corpus: a paper's title and keywords mixed with another paper's, sentences from three. */
export function synthesise(i: number, orgIds: string[], seed = 20260101): Row {
  const r = prng(seed ^ Math.imul(i + 1, 0x9e3779b1));
  const main = r.pick(papers);
  const other = r.pick(papers);
  const keywords = [...new Set([...main.keywords.slice(0, 2 + r.int(2)), r.pick(other.keywords)])].slice(0, 5);
  const title = r.next() < 0.5 ? main.title : `${r.pick(keywords)}${r.pick(['的', '在', '与'])}${other.title.slice(0, 12 + r.int(10))}`;
  const summary = [r.pick(sentences[papers.indexOf(main)]!), r.pick(r.pick(sentences) ?? ['']), r.pick(r.pick(sentences) ?? [''])].join('');
  const negotiable = r.next() < 0.15;
  const band = PRICE_BANDS[r.int(4)]!;
  const price = negotiable
    ? null
    : Math.round((band.min as number) + r.next() * Math.min((band.max as number) - (band.min as number), 5_000_000_000));
  const nIp = r.int(3);
  const ipAssets = Array.from({ length: nIp }, () => ({ kind: r.pick(IP), number: null, title: r.pick(papers).title }));
  const modes = [...new Set([r.pick(TRANSFER_MODES), ...(r.next() < 0.3 ? [r.pick(TRANSFER_MODES)] : [])])];
  const orgId = orgIds[r.int(orgIds.length)]!;
  const published = new Date(Date.UTC(2020, 0, 1) + r.int(6 * 365 * 86400) * 1000);
  return {
    id: randomUUID(),
    organizationId: orgId,
    regionCode: DISTRICTS[orgIds.indexOf(orgId) % DISTRICTS.length]!,
    title,
    summary,
    fieldCode: fieldCodeByName.get(main.discipline) ?? 'D15',
    keywords,
    trl: 1 + r.int(9),
    ipAssets: JSON.stringify(ipAssets),
    transferModes: modes,
    priceFen: price,
    priceNegotiable: negotiable,
    publicFunding: r.next() < 0.3,
    restricted: r.next() < 0.02,
    publishedAt: published.toISOString(),
    // The same vector code as the catalogue (body: the IP titles).
    searchVector: tsvectorLiteral({ title, keywords, summary, body: ipAssets.map((a) => a.title).join('\n') }),
  };
}

/** One multi-row insert of `rows`, as arrays bound to unnest (a few parameters, any number of rows). */
export function insertStatement(rows: Row[]): { text: string; values: unknown[] } {
  const col = <T>(f: (r: Row) => T) => rows.map(f);
  const arr = (xs: string[]) => `{${xs.map((x) => `"${x.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
  return {
    text: `INSERT INTO achievements (id, organization_id, region_code, status, title, summary, field_code, keywords, trl, ip_assets, transfer_modes,
             price_fen, price_negotiable, public_funding, restricted, published_at, submitted_at, search_vector)
           SELECT id, org, region, 'published', title, summary, field, keywords::text[], trl, ip::jsonb, modes::text[], price, neg, fund, restr, pub, pub, vec::tsvector
           FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $9::text[], $10::text[],
                       $11::bigint[], $12::bool[], $13::bool[], $14::bool[], $15::timestamptz[], $16::text[])
             AS t(id, org, region, title, summary, field, keywords, trl, ip, modes, price, neg, fund, restr, pub, vec)`,
    values: [
      col((r) => r.id),
      col((r) => r.organizationId),
      col((r) => r.regionCode),
      col((r) => r.title),
      col((r) => r.summary),
      col((r) => r.fieldCode),
      col((r) => arr(r.keywords)),
      col((r) => r.trl),
      col((r) => r.ipAssets),
      col((r) => arr(r.transferModes)),
      col((r) => r.priceFen),
      col((r) => r.priceNegotiable),
      col((r) => r.publicFunding),
      col((r) => r.restricted),
      col((r) => r.publishedAt),
      col((r) => r.searchVector),
    ],
  };
}

/** A fixed query mix: 1–3 terms from the keyword vocabulary, some with filters, half with facets. */
export function queryMix(n = 40, seed = 7): Array<Record<string, string>> {
  const r = prng(seed);
  const out: Array<Record<string, string>> = [];
  for (let i = 0; i < n; i++) {
    // Terms of one paper (so multi-term queries match something); every fourth query is a very common word.
    const paper = r.pick(papers);
    const terms =
      i % 4 === 2
        ? [r.pick(['技术', '方法', '模型', '系统', '研究', '材料'])]
        : Array.from({ length: 1 + (i % 3) }, (_, j) => paper.keywords[j % paper.keywords.length]!.slice(0, r.next() < 0.5 ? 4 : 12));
    const q: Record<string, string> = { q: terms.join(' '), facets: i % 2 === 0 ? 'true' : 'false', limit: '20' };
    if (i % 5 === 1) q.trl = String(1 + r.int(9));
    if (i % 7 === 3) q.region = '120116';
    if (i % 11 === 5) q.sort = 'newest';
    out.push(q);
  }
  return out;
}
