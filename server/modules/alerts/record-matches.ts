import { and, inArray, lt, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';
import { organizationIdsOf, systemActor, type Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { clock } from '../../lib/clock.js';
import type { Job } from '../../lib/scheduler.js';
import { actorForUserId } from '../identity/service.js';
import { matchAchievementsForDemand, matchDemandsForAchievement } from '../matching/service.js';
import { recordMatchAnnouncements, savedSearches } from './schema.js';
import { notifyUsers, type NewNotification } from './service.js';

/**
 * Automatic match alerts: nobody has to save anything to hear of a new match. When an achievement
 * is published, the owners of the published demands it matches (score ≥ AUTO_MATCH_MIN_SCORE) are
 * notified, and when a demand is published, the owners of the achievements it matches. "Owner" is
 * the user who filed the matched record, while still a member of its organisation; someone who
 * already watches that record's matches (a saved match watch) hears of it from the watch only.
 *
 * Each newly published, unrestricted record is claimed once in `record_match_announcements`, in the
 * transaction that writes its notifications, so two processes never announce it twice.
 */
export const AUTO_MATCH_MIN_SCORE = 60;
/** Records published longer ago than this are not announced (nor is their claim kept). */
const LOOKBACK_MS = 7 * 86400_000;
const BATCH = 50;

interface Fresh {
  id: string;
  kind: 'achievement' | 'demand';
  title: string;
  organization_id: string;
}

async function unannounced(db: Db, since: Date): Promise<Fresh[]> {
  return queryRows<Fresh>(
    db,
    sql`SELECT id, kind, title, organization_id FROM (
          SELECT id, 'achievement' AS kind, title, organization_id, published_at FROM achievements
          WHERE status IN ('published', 'in_trade') AND NOT restricted AND published_at > ${since}
          UNION ALL
          SELECT id, 'demand' AS kind, title, organization_id, published_at FROM demands
          WHERE status IN ('published', 'in_trade') AND NOT restricted AND published_at > ${since}
        ) r
        WHERE NOT EXISTS (SELECT 1 FROM record_match_announcements m WHERE m.record_id = r.id)
        ORDER BY published_at, id LIMIT ${BATCH}`,
  );
}

/** Users who already watch one of these records' matches through a saved match watch. */
async function explicitWatchers(db: Db, recordIds: string[]): Promise<Set<string>> {
  if (recordIds.length === 0) return new Set();
  const rows = await db
    .select({ userId: savedSearches.userId, recordId: sql<string>`${savedSearches.query}->>'recordId'` })
    .from(savedSearches)
    .where(
      and(
        inArray(savedSearches.target, ['matches_for_demand', 'matches_for_achievement']),
        inArray(sql`${savedSearches.query}->>'recordId'`, recordIds),
      ),
    );
  return new Set(rows.map((r) => `${r.userId}:${r.recordId}`));
}

/** The notifications one newly published record causes. */
async function notificationsFor(db: Db, r: Fresh, minScore: number): Promise<NewNotification[]> {
  const system = systemActor('job:alerts');
  const matches =
    r.kind === 'achievement'
      ? await matchDemandsForAchievement({ db, actor: system, achievementId: r.id, limit: 50 })
      : await matchAchievementsForDemand({ db, actor: system, demandId: r.id, limit: 50 });
  const good = matches.filter(
    (m) => m.explanation.total >= minScore && m.record.row.organizationId !== r.organization_id && m.record.row.createdBy,
  );
  const watching = await explicitWatchers(
    db,
    good.map((m) => m.record.row.id),
  );
  const items: NewNotification[] = [];
  const mine = r.kind === 'achievement' ? '需求' : '成果';
  const theirs = r.kind === 'achievement' ? '成果' : '需求';
  for (const m of good) {
    const userId = m.record.row.createdBy!;
    if (watching.has(`${userId}:${m.record.row.id}`)) continue;
    const owner = await actorForUserId({ db, userId });
    if (!owner || !organizationIdsOf(owner).includes(m.record.row.organizationId)) continue;
    items.push({
      userId,
      kind: 'record_match',
      title: `您的${mine}「${m.record.row.title}」有新匹配的${theirs}（${m.explanation.total} 分）：${r.title}`,
      body: m.explanation.components
        .map((c) => `${c.label} ${c.points}/${c.weight}：${c.reason}`)
        .join('；')
        .slice(0, 500),
      link: `/${r.kind === 'achievement' ? 'achievements' : 'demands'}/${r.id}`,
    });
  }
  return items;
}

/** Announces every newly published record's matches to the owners of the records it matches. */
export async function announceRecordMatches(opts: { db: Db; actor: Actor; minScore?: number }): Promise<number> {
  const since = new Date(clock.now().getTime() - LOOKBACK_MS);
  let created = 0;
  for (const r of await unannounced(opts.db, since)) {
    const items = await notificationsFor(opts.db, r, opts.minScore ?? AUTO_MATCH_MIN_SCORE);
    await opts.db.transaction(async (tx) => {
      const claimed = await tx
        .insert(recordMatchAnnouncements)
        .values({ recordId: r.id, kind: r.kind, notified: items.length, announcedAt: clock.now() })
        .onConflictDoNothing()
        .returning({ id: recordMatchAnnouncements.recordId });
      if (claimed.length === 0 || items.length === 0) return;
      await notifyUsers(tx, items);
      await writeAudit(tx, opts.actor, {
        action: 'notification.create',
        entity: r.kind,
        entityId: r.id,
        after: { count: items.length, kind: 'record_match', users: items.map((i) => i.userId) },
      });
      created += items.length;
    });
  }
  await opts.db.delete(recordMatchAnnouncements).where(lt(recordMatchAnnouncements.announcedAt, since));
  return created;
}

export const announceRecordMatchesJob: Job = {
  name: 'alerts.announce_record_matches',
  everyMs: 60_000,
  async run(ctx) {
    const n = await announceRecordMatches({ db: ctx.db, actor: systemActor('job:alerts') });
    return `${n} notifications`;
  },
};
