import { sql } from 'drizzle-orm';
import type { TransferMode } from '../../../common/catalog.js';
import { queryRows, type Db } from '../../db/client.js';
import { achievementFieldCodes, technicalFieldNames } from '../catalog/repository.js';
import type { Actor } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';
import { partiesFor } from '../catalog/policy.js';
import { facts, loadRecordsByIds, type AchievementRow, type DemandRow, type LoadedRecord } from '../catalog/records.js';
import { getRecord } from '../catalog/service.js';
import { termIdf } from '../suggest/service.js';
import { tokenizeForSearch } from '../../lib/text/tokenize.js';
import { orderMatches, scoreMatch, type Component } from './score.js';
import { textProfiler, type TextRow } from './model-store.js';
import { relevance } from './text-model.js';

const CANDIDATES = 300;
const MAX_QUERY_TERMS = 24;

/**
 * The record's most telling tokens as an OR tsquery literal: term frequency (title and keywords count
 * three times) times inverse document frequency, so 研究 or 方法 do not crowd out the topic.
 */
export function profileQuery(
  text: { title: string; keywords: string[]; summary: string },
  idf: (term: string) => number = () => 1,
): string | null {
  const counts = new Map<string, number>();
  const bump = (t: string, w: number) => counts.set(t, (counts.get(t) ?? 0) + w);
  for (const t of tokenizeForSearch(text.title)) bump(t, 3);
  for (const k of text.keywords) for (const t of tokenizeForSearch(k)) bump(t, 3);
  for (const t of tokenizeForSearch(text.summary)) bump(t, 1);
  const terms = [...counts.entries()]
    .filter(([t]) => t.length > 1 || /\p{Script=Han}/u.test(t) === false)
    .map(([t, tf]) => [t, tf * idf(t)] as const)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, MAX_QUERY_TERMS)
    .map(([t]) => `'${t.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`);
  return terms.length ? terms.join(' | ') : null;
}

type Table = 'achievements' | 'demands';

/**
 * Candidates among published, unrestricted records of `target`: the best by the OR-profile (ts_rank),
 * plus recent ones of the same field; each with its text relevance to the source record (the learned
 * representation of `text-model.ts`; 0 when the two share no telling term).
 */
async function candidates(
  db: Db,
  source: { table: Table; id: string; title: string; keywords: string[] },
  target: Table,
  query: string | null,
  fieldCode: string | null,
) {
  const t = sql.identifier(target);
  const [self] = await queryRows<{ v: string | null }>(
    db,
    sql`SELECT search_vector::text AS v FROM ${sql.identifier(source.table)} WHERE id = ${source.id}`,
  );
  const textRows = query
    ? await queryRows<TextRow & { id: string }>(
        db,
        sql`SELECT id, search_vector::text AS v, title, keywords
            FROM ${t} WHERE status IN ('published', 'in_trade') AND NOT restricted AND id <> ${source.id}
              AND search_vector @@ ${query}::tsquery
            ORDER BY ts_rank('{0.2,0.4,0.7,1.0}', search_vector, ${query}::tsquery, 1) DESC, id LIMIT ${CANDIDATES}`,
      )
    : [];
  const fieldRows =
    fieldCode === null
      ? []
      : await queryRows<TextRow & { id: string }>(
          db,
          sql`SELECT id, search_vector::text AS v, title, keywords FROM ${t}
              WHERE status IN ('published', 'in_trade') AND NOT restricted AND id <> ${source.id} AND field_code = ${fieldCode}
              ORDER BY published_at DESC NULLS LAST, id LIMIT ${CANDIDATES / 4}`,
        );
  const profile = await textProfiler(db);
  const mine = profile({ v: self?.v ?? '', title: source.title, keywords: source.keywords });
  const similarity = new Map<string, number>();
  for (const r of [...textRows, ...fieldRows]) {
    if (!similarity.has(r.id)) similarity.set(r.id, relevance(mine, profile(r)));
  }
  return similarity;
}

/** Related records' relevance sits around 0.05–0.5: the square root spreads them without a cap. */
const textFraction = (similarity: number) => Math.sqrt(Math.max(0, similarity));

async function fieldNamer(db: Db) {
  const map = await technicalFieldNames(db);
  return (code: string) => map.get(code) ?? code;
}

export function demandSide(rec: LoadedRecord<'demand'>) {
  const d = rec.row as DemandRow;
  return {
    fieldCode: d.fieldCode,
    trlMin: d.trlMin,
    regionPath: rec.regionPath,
    budgetMinFen: d.budgetMinFen,
    budgetMaxFen: d.budgetMaxFen,
    budgetNegotiable: d.budgetNegotiable,
    cooperationModes: d.cooperationModes as TransferMode[],
  };
}

export function achievementSide(rec: LoadedRecord<'achievement'>) {
  const a = rec.row as AchievementRow;
  return {
    fieldCode: a.fieldCode,
    trl: a.trl,
    regionPath: rec.regionPath,
    priceFen: a.priceFen,
    priceNegotiable: a.priceNegotiable,
    transferModes: a.transferModes as TransferMode[],
  };
}

export interface Match<K extends 'achievement' | 'demand'> {
  record: LoadedRecord<K>;
  explanation: { total: number; components: Component[] };
}

/** Matches are the owner's working material (reviewers and platform admins may look too). */
function requireMatchAccess(actor: Actor, rec: LoadedRecord) {
  if (actor.kind === 'system') return;
  const parties = partiesFor(actor, facts(rec));
  if (parties.length === 0) throw AppError.forbidden('Only the owning organisation sees the matches of a record');
}

const TABLE_OF = { achievement: 'achievements', demand: 'demands' } as const;

/** Ranks records of the other kind against `source`; the score is always (demand side, achievement side). */
async function rankMatches<S extends 'achievement' | 'demand', T extends 'achievement' | 'demand'>(
  db: Db,
  source: LoadedRecord<S>,
  target: T,
  limit: number,
): Promise<Match<T>[]> {
  const row = source.row as AchievementRow | DemandRow;
  const idf = await termIdf(db);
  const ranks = await candidates(
    db,
    { table: TABLE_OF[source.kind], id: row.id, title: row.title, keywords: row.keywords },
    TABLE_OF[target],
    profileQuery(row, idf),
    row.fieldCode,
  );
  // A record with no textual relation is no match, however well the rest fits (orderMatches drops it).
  for (const [id, r] of ranks) if (r <= 0) ranks.delete(id);
  const recs = await loadRecordsByIds(db, target, [...ranks.keys()]);
  const names = await fieldNamer(db);
  const explain = (rec: LoadedRecord<T>) => {
    const text = textFraction(ranks.get(rec.row.id) ?? 0);
    return source.kind === 'demand'
      ? scoreMatch(demandSide(source as LoadedRecord<'demand'>), achievementSide(rec as LoadedRecord<'achievement'>), text, names)
      : scoreMatch(demandSide(rec as LoadedRecord<'demand'>), achievementSide(source as LoadedRecord<'achievement'>), text, names);
  };
  const scored = recs.map((rec) => ({ record: rec, explanation: explain(rec), text: ranks.get(rec.row.id) ?? 0, id: rec.row.id }));
  return orderMatches(scored.map((m) => ({ ...m, total: m.explanation.total })))
    .slice(0, limit)
    .map(({ record, explanation }) => ({ record, explanation }));
}

/** For a demand: ranked achievements, each with its explanation. */
export async function matchAchievementsForDemand(opts: {
  db: Db;
  actor: Actor;
  demandId: string;
  limit?: number;
}): Promise<Match<'achievement'>[]> {
  const demand = await getRecord({ db: opts.db, actor: opts.actor, kind: 'demand', id: opts.demandId });
  requireMatchAccess(opts.actor, demand);
  return rankMatches(opts.db, demand, 'achievement', opts.limit ?? 20);
}

/** For an achievement: ranked demands, each with its explanation. */
export async function matchDemandsForAchievement(opts: {
  db: Db;
  actor: Actor;
  achievementId: string;
  limit?: number;
}): Promise<Match<'demand'>[]> {
  const achievement = await getRecord({ db: opts.db, actor: opts.actor, kind: 'achievement', id: opts.achievementId });
  requireMatchAccess(opts.actor, achievement);
  return rankMatches(opts.db, achievement, 'demand', opts.limit ?? 20);
}

/**
 * Similar achievements: text relevance of this record's profile against the others, plus a bonus for
 * the same technical field (0.7 text + 0.3 field).
 */
export async function similarAchievements(opts: { db: Db; actor: Actor; achievementId: string; limit?: number; useField?: boolean }) {
  const rec = await getRecord({ db: opts.db, actor: opts.actor, kind: 'achievement', id: opts.achievementId });
  const a = rec.row as AchievementRow;
  const ids = await similarAchievementIds(opts.db, a, opts.limit ?? 10, opts.useField ?? true);
  return loadRecordsByIds(opts.db, 'achievement', ids);
}

export async function similarAchievementIds(
  db: Db,
  a: { id: string; title: string; keywords: string[]; summary: string; fieldCode: string },
  limit: number,
  useField = true,
): Promise<string[]> {
  const idf = await termIdf(db);
  const ranks = await candidates(
    db,
    { table: 'achievements', id: a.id, title: a.title, keywords: a.keywords },
    'achievements',
    profileQuery(a, idf),
    useField ? a.fieldCode : null,
  );
  // By text alone, a record with no textual relation is not similar at all.
  if (!useField) for (const [id, r] of ranks) if (r <= 0) ranks.delete(id);
  const fields = await achievementFieldCodes(db, [...ranks.keys()]);
  return [...ranks.entries()]
    .map(([id, rank]) => ({ id, score: 0.7 * textFraction(rank) + (useField && fields.get(id) === a.fieldCode ? 0.3 : 0) }))
    .sort((x, y) => y.score - x.score || x.id.localeCompare(y.id))
    .slice(0, limit)
    .map((x) => x.id);
}
