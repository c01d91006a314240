import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';
import { anonymousActor } from '../../lib/actor.js';
import { normalizeText, tokenize } from '../../lib/text/tokenize.js';
import type { RecordKind } from '../catalog/lifecycle.js';
import { KINDS, visibleSql } from './filters.js';
import { parseQuery } from './query.js';
import { inOrderPattern, isAbbreviationOf, relaxQuery } from './relax.js';

/**
 * Search-as-you-type: keywords and titles of public records (what anyone may see, whoever asks, so
 * the answer is the same for every caller) that contain what was typed, or its characters in order.
 * The typed text is asked of the index as a query (words with their bigrams, a lone character
 * anywhere; when that finds nothing, its characters in order), among the newest `SAMPLE` matches; their keywords holding the text rank by how many
 * records hold them, then by length; titles follow.
 */
const SAMPLE = 200;

export interface Suggestion {
  text: string;
  source: 'keyword' | 'title';
  count: number;
}

export async function suggestTerms(db: Db, kind: RecordKind, q: string, limit = 8): Promise<Suggestion[]> {
  const typed = normalizeText(q).trim();
  if (typed === '' || tokenize(typed).length === 0) return [];
  const parsed = parseQuery(typed, new Map());
  if (!parsed.tsquery) return [];
  const sample = (text: SQL) =>
    queryRows<{ title: string; keywords: string[] }>(
      db,
      sql`SELECT r.title, r.keywords FROM ${KINDS[kind].table} r
          WHERE ${text} AND ${visibleSql(anonymousActor())}
          ORDER BY r.published_at DESC NULLS LAST, r.id LIMIT ${SAMPLE}`,
    );
  let rows = await sample(sql`r.search_vector @@ ${parsed.tsquery}::tsquery`);
  // Nothing as typed: an abbreviation, its characters in order (relax.ts, the last level).
  const relaxed = rows.length === 0 ? relaxQuery(typed, 'characters') : null;
  if (relaxed) {
    rows = await sample(
      sql`r.search_vector @@ ${relaxed.tsquery}::tsquery AND (r.title || ' ' || array_to_string(r.keywords, ' ')) LIKE ${inOrderPattern(relaxed.inOrder!)}`,
    );
  }
  const compact = typed.replace(/\s+/g, '');
  const holds = (s: string) => {
    const n = normalizeText(s);
    return n.includes(compact) || isAbbreviationOf(compact, n);
  };
  const keywords = new Map<string, number>();
  for (const r of rows) for (const k of new Set(r.keywords)) if (holds(k)) keywords.set(k, (keywords.get(k) ?? 0) + 1);
  const out: Suggestion[] = [...keywords]
    .sort((a, b) => b[1] - a[1] || a[0].length - b[0].length || a[0].localeCompare(b[0]))
    .map(([text, count]) => ({ text, source: 'keyword' as const, count }));
  for (const r of rows) {
    if (out.length >= limit) break;
    if (holds(r.title) && !out.some((s) => s.text === r.title)) out.push({ text: r.title, source: 'title', count: 1 });
  }
  return out.slice(0, limit);
}
