import { inArray, sql } from 'drizzle-orm';
import type { TransferMode } from '../../../common/catalog.js';
import { queryRows, type Db } from '../../db/client.js';
import { achievements, technicalFields } from '../../db/schema/index.js';
import type { Actor } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';
import { partiesFor } from '../catalog/policy.js';
import { facts, loadRecordsByIds, type AchievementRow, type DemandRow, type LoadedRecord } from '../catalog/records.js';
import { getRecord } from '../catalog/service.js';
import { tokenizeForSearch } from '../suggest/tokenize.js';
import { scoreMatch, type Component } from './score.js';

const CANDIDATES = 200;
const MAX_QUERY_TERMS = 24;

/** The record's most telling tokens (title and keywords first, then the summary's most frequent), as an OR tsquery literal. */
export function profileQuery(text: { title: string; keywords: string[]; summary: string }): string | null {
  const counts = new Map<string, number>();
  const bump = (t: string, w: number) => counts.set(t, (counts.get(t) ?? 0) + w);
  for (const t of tokenizeForSearch(text.title)) bump(t, 3);
  for (const k of text.keywords) for (const t of tokenizeForSearch(k)) bump(t, 3);
  for (const t of tokenizeForSearch(text.summary)) bump(t, 1);
  const terms = [...counts.entries()]
    .filter(([t]) => t.length > 1 || /\p{Script=Han}/u.test(t) === false)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, MAX_QUERY_TERMS)
    .map(([t]) => `'${t.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`);
  return terms.length ? terms.join(' | ') : null;
}

/** Candidates: published, unrestricted records of the other kind, ranked by text, plus same-field ones. */
async function candidates(db: Db, table: 'achievements' | 'demands', query: string | null, fieldCode: string, excludeId: string) {
  const t = sql.identifier(table);
  const textRows = query
    ? await queryRows<{ id: string; rank: number }>(
        db,
        sql`SELECT id, ts_rank_cd('{0.2,0.4,0.7,1.0}', search_vector, ${query}::tsquery, 32) AS rank
            FROM ${t} WHERE status IN ('published', 'in_trade') AND NOT restricted AND id <> ${excludeId}
              AND search_vector @@ ${query}::tsquery
            ORDER BY rank DESC, id LIMIT ${CANDIDATES}`,
      )
    : [];
  const fieldRows = await queryRows<{ id: string }>(
    db,
    sql`SELECT id FROM ${t} WHERE status IN ('published', 'in_trade') AND NOT restricted AND id <> ${excludeId} AND field_code = ${fieldCode}
        ORDER BY published_at DESC NULLS LAST, id LIMIT ${CANDIDATES / 4}`,
  );
  const rank = new Map<string, number>();
  for (const r of textRows) rank.set(r.id, Number(r.rank));
  for (const r of fieldRows) if (!rank.has(r.id)) rank.set(r.id, 0);
  return rank;
}

/** ts_rank_cd(…, 32) lies in [0, 1) but rarely passes 0.5; stretch it so a strong match approaches 1. */
const textFraction = (rank: number) => Math.min(1, rank * 2);

async function fieldNamer(db: Db) {
  const rows = await db.select({ code: technicalFields.code, name: technicalFields.nameZh }).from(technicalFields);
  const map = new Map(rows.map((r) => [r.code, r.name]));
  return (code: string) => map.get(code) ?? code;
}

function demandSide(rec: LoadedRecord<'demand'>) {
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

function achievementSide(rec: LoadedRecord<'achievement'>) {
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

/** For a demand: ranked achievements, each with its explanation. */
export async function matchAchievementsForDemand(opts: { db: Db; actor: Actor; demandId: string; limit?: number }): Promise<Match<'achievement'>[]> {
  const demand = await getRecord({ db: opts.db, actor: opts.actor, kind: 'demand', id: opts.demandId });
  requireMatchAccess(opts.actor, demand);
  const d = demand.row as DemandRow;
  const ranks = await candidates(opts.db, 'achievements', profileQuery(d), d.fieldCode, d.id);
  const recs = await loadRecordsByIds(opts.db, 'achievement', [...ranks.keys()]);
  const names = await fieldNamer(opts.db);
  const side = demandSide(demand);
  return recs
    .map((rec) => ({ record: rec, explanation: scoreMatch(side, achievementSide(rec), textFraction(ranks.get(rec.row.id) ?? 0), names) }))
    .sort((a, b) => b.explanation.total - a.explanation.total || a.record.row.id.localeCompare(b.record.row.id))
    .slice(0, opts.limit ?? 20);
}

/** For an achievement: ranked demands, each with its explanation. */
export async function matchDemandsForAchievement(opts: { db: Db; actor: Actor; achievementId: string; limit?: number }): Promise<Match<'demand'>[]> {
  const achievement = await getRecord({ db: opts.db, actor: opts.actor, kind: 'achievement', id: opts.achievementId });
  requireMatchAccess(opts.actor, achievement);
  const a = achievement.row as AchievementRow;
  const ranks = await candidates(opts.db, 'demands', profileQuery(a), a.fieldCode, a.id);
  const recs = await loadRecordsByIds(opts.db, 'demand', [...ranks.keys()]);
  const names = await fieldNamer(opts.db);
  const side = achievementSide(achievement);
  return recs
    .map((rec) => ({ record: rec, explanation: scoreMatch(demandSide(rec), side, textFraction(ranks.get(rec.row.id) ?? 0), names) }))
    .sort((x, y) => y.explanation.total - x.explanation.total || x.record.row.id.localeCompare(y.record.row.id))
    .slice(0, opts.limit ?? 20);
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

export async function similarAchievementIds(db: Db, a: { id: string; title: string; keywords: string[]; summary: string; fieldCode: string }, limit: number, useField = true): Promise<string[]> {
  const ranks = await candidates(db, 'achievements', profileQuery(a), useField ? a.fieldCode : '\u0000', a.id);
  const fields = new Map(
    (await db.select({ id: achievements.id, fieldCode: achievements.fieldCode }).from(achievements).where(inArray(achievements.id, [...ranks.keys()].length ? [...ranks.keys()] : ['00000000-0000-0000-0000-000000000000']))).map((r) => [r.id, r.fieldCode]),
  );
  return [...ranks.entries()]
    .map(([id, rank]) => ({ id, score: 0.7 * textFraction(rank) + (useField && fields.get(id) === a.fieldCode ? 0.3 : 0) }))
    .sort((x, y) => y.score - x.score || x.id.localeCompare(y.id))
    .slice(0, limit)
    .map((x) => x.id);
}

