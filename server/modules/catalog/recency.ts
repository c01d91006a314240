import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * Publication-time blocks for search: the day a record was published (days since 1970, UTC) and
 * the 8-, 64- and 512-day blocks holding it, as lexemes with a leading space (no jieba token has
 * one): ' d20451', ' w2556', ' m319', ' y39'.
 */
export const RECENCY_BLOCKS = [
  { prefix: 'd', days: 1 },
  { prefix: 'w', days: 8 },
  { prefix: 'm', days: 64 },
  { prefix: 'y', days: 512 },
] as const;

/**
 * The search vector plus the record's publication blocks (none before it is published). A GIN index
 * on it answers "matches of the text published since day D" (`text & (blocks covering D…today)`)
 * intersecting inside the index, without visiting older matches (search/window.ts). Queries must
 * repeat this expression exactly (column references may be qualified) for the planner to use it.
 */
export function recencyVector(searchVector: SQL | AnyPgColumn, publishedAt: SQL | AnyPgColumn): SQL {
  const day = sql`(floor(extract(epoch from (${publishedAt} AT TIME ZONE 'UTC')) / 86400)::int)`;
  const lexemes = RECENCY_BLOCKS.map(
    (b) => sql`${sql.raw(`' ${b.prefix}'`)} || ${b.days === 1 ? day : sql`(${day} / ${sql.raw(String(b.days))})`}::text`,
  );
  return sql`(${searchVector} || CASE WHEN ${publishedAt} IS NULL THEN ''::tsvector ELSE array_to_tsvector(ARRAY[${sql.join(lexemes, sql`, `)}]) END)`;
}
