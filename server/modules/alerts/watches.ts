import { MatchWatchQuery, SearchQuery, type SavedSearchTarget } from '../../../common/api/search.js';
import type { Db } from '../../db/client.js';
import { anonymousActor, type Actor } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';
import { actorForUserId } from '../identity/service.js';
import { matchAchievementsForDemand, matchDemandsForAchievement } from '../matching/service.js';
import { searchAchievements, searchDemands, type SearchState } from '../search/service.js';

/** One new record a watch found: what the notification says and where it links. */
export interface Finding {
  id: string;
  title: string;
  summary: string;
  link: string;
  score: number | null;
}

const isMatchWatch = (target: SavedSearchTarget) => target === 'matches_for_demand' || target === 'matches_for_achievement';

/** Checks a stored query before it is saved: the job would otherwise fail on it every minute. */
export async function validateWatch(opts: {
  db: Db;
  actor: Actor;
  target: SavedSearchTarget;
  query: unknown;
}): Promise<Record<string, unknown>> {
  const schema = isMatchWatch(opts.target) ? MatchWatchQuery : SearchQuery;
  const parsed = schema.safeParse(opts.query);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw AppError.validation(`body.query.${issue.path.join('.')}`, issue.message);
  }
  if (isMatchWatch(opts.target)) {
    // Only someone who may see the record's matches may watch them (the owning organisation).
    const { recordId } = parsed.data as { recordId: string };
    await findMatches({ db: opts.db, actor: opts.actor, target: opts.target, recordId, limit: 1 });
    return parsed.data as Record<string, unknown>;
  }
  return opts.query as Record<string, unknown>;
}

async function findMatches(opts: { db: Db; actor: Actor; target: SavedSearchTarget; recordId: string; limit: number }) {
  return opts.target === 'matches_for_demand'
    ? matchAchievementsForDemand({ db: opts.db, actor: opts.actor, demandId: opts.recordId, limit: opts.limit })
    : matchDemandsForAchievement({ db: opts.db, actor: opts.actor, achievementId: opts.recordId, limit: opts.limit });
}

/**
 * Records published after `since` that the watch finds. Search watches run as an anonymous visitor,
 * so a notification never reveals a restricted record; match watches run as their owner (matches are
 * the owner's working material; candidates are published, unrestricted records) and keep those scoring
 * at least `minScore`.
 */
export async function runWatch(opts: {
  db: Db;
  search: SearchState;
  userId: string;
  target: SavedSearchTarget;
  query: Record<string, unknown>;
  since: Date;
}): Promise<Finding[]> {
  if (isMatchWatch(opts.target)) {
    const { recordId, minScore } = MatchWatchQuery.parse(opts.query);
    const owner = await actorForUserId({ db: opts.db, userId: opts.userId });
    if (!owner) return [];
    const path = opts.target === 'matches_for_demand' ? 'achievements' : 'demands';
    let matches;
    try {
      matches = await findMatches({ db: opts.db, actor: owner, target: opts.target, recordId, limit: 50 });
    } catch (err) {
      // The record was withdrawn or its owner left the organisation: the watch finds nothing.
      if (err instanceof AppError && (err.code === 'not_found' || err.code === 'forbidden')) return [];
      throw err;
    }
    return matches
      .filter(
        (m) =>
          !m.record.row.restricted && m.record.row.publishedAt && m.record.row.publishedAt > opts.since && m.explanation.total >= minScore,
      )
      .map((m) => ({
        id: m.record.row.id,
        title: m.record.row.title,
        summary: m.record.row.summary,
        link: `/${path}/${m.record.row.id}`,
        score: m.explanation.total,
      }));
  }
  const query = SearchQuery.parse({ ...opts.query, sort: 'newest', limit: 50, facets: 'false', cursor: undefined });
  const search = opts.target === 'demands' ? searchDemands : searchAchievements;
  const result = await search({ db: opts.db, search: opts.search, actor: anonymousActor(), query });
  const path = opts.target === 'demands' ? 'demands' : 'achievements';
  return result.items
    .filter((h) => h.record.row.publishedAt && h.record.row.publishedAt > opts.since)
    .map((h) => ({
      id: h.record.row.id,
      title: h.record.row.title,
      summary: h.record.row.summary,
      link: `/${path}/${h.record.row.id}`,
      score: null,
    }));
}
