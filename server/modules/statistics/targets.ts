import { and, eq, sql } from 'drizzle-orm';
import {
  TARGET_METRIC_MEASURE,
  type StatSide,
  type TargetInput,
  type TargetMetric,
  type TargetView,
} from '../../../common/api/statistics.js';
import { queryRows, type Db } from '../../db/client.js';
import { findRegion, regionsJoinable } from '../organizations/repository.js';
import { statsTargets } from './schema.js';
import { requirePermission, type Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { endOfLocalDate, startOfLocalDate } from '../../lib/calendar.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { mayReadRegion, maySetTarget } from './policy.js';
import { presentTotals, targetDefinition, type RawTotals } from './presenter.js';
import { resolveScope, within } from './scope.js';

/**
 * Yearly targets (C6): an officer sets, for a region in their subtree, a year's target for one
 * measure on one side; progress is the actual figure of that region and year over the target.
 */
interface TargetRow extends RawTotals {
  id: string;
  year: number;
  region_code: string;
  region_name: string;
  region_level: string;
  region_path: string;
  side: string;
  metric: string;
  value: number | string;
  updated_at: Date | string;
}

/** Share of a calendar year (Beijing) gone by at `now`: 0 before it, 1 after it. */
export function yearElapsed(year: number, now: Date): number {
  const start = startOfLocalDate(`${year}-01-01`).getTime();
  const end = endOfLocalDate(`${year}-12-31`).getTime();
  return Math.min(1, Math.max(0, (now.getTime() - start) / (end - start)));
}

function presentTarget(r: TargetRow, actor: Actor): TargetView {
  const totals = presentTotals(r);
  const metric = r.metric as TargetMetric;
  const actual = totals[TARGET_METRIC_MEASURE[metric]];
  const value = Number(r.value);
  return {
    id: r.id,
    year: Number(r.year),
    region: { code: r.region_code, name: r.region_name, level: r.region_level },
    side: r.side as StatSide,
    metric,
    value,
    actual,
    progress: value > 0 ? Math.round((actual / value) * 10_000) / 10_000 : 0,
    yearElapsed: Math.round(yearElapsed(Number(r.year), clock.now()) * 10_000) / 10_000,
    definition: targetDefinition(metric, r.side as StatSide, r.region_name, Number(r.year)),
    updatedAt: new Date(r.updated_at).toISOString(),
    actions: maySetTarget(actor, r.region_path) ? ['update', 'delete'] : [],
  };
}

/** Targets with their actual figure, one query: the actual sums the yearly rollup over the region's subtree. */
const regions = regionsJoinable();

async function loadTargets(db: Db, where: ReturnType<typeof sql>) {
  return queryRows<TargetRow>(
    db,
    sql`SELECT t.id, t.year, t.region_code, r.name AS region_name, r.level AS region_level, r.path AS region_path, t.side, t.metric, t.value, t.updated_at,
          a.contracts, a.contract_amount_fen, a.technology_transaction_amount_fen
        FROM stats_targets t JOIN ${regionsJoinable('r')} ON r.code = t.region_code
        LEFT JOIN LATERAL (
          SELECT sum(y.contracts) AS contracts, sum(y.contract_amount_fen) AS contract_amount_fen, sum(y.technology_transaction_amount_fen) AS technology_transaction_amount_fen
          FROM stats_yearly y WHERE y.side = t.side AND y.year = t.year AND y.region_path LIKE r.path || '%') a ON true
        WHERE ${where} ORDER BY t.year DESC, r.path, t.side, t.metric`,
  );
}

/** Targets in the region's subtree (default: the caller's scope root), optionally of one year. */
export async function listTargets(opts: { db: Db; actor: Actor; region?: string; year?: number }) {
  const scope = await resolveScope(opts.db, opts.actor, opts.region);
  const rows = await loadTargets(
    opts.db,
    sql`${within(sql.raw('r.path'), scope.region.path)} ${opts.year ? sql`AND t.year = ${opts.year}` : sql``}`,
  );
  return { items: rows.map((r) => presentTarget(r, opts.actor)), canSetTargets: maySetTarget(opts.actor, scope.region.path) };
}

/** Creates or replaces the target for (year, region, side, metric). */
export async function setTarget(opts: { db: Db; actor: Actor; input: TargetInput }): Promise<TargetView> {
  requirePermission(opts.actor, 'stats:target');
  const { input } = opts;
  const region = await findRegion(opts.db, input.regionCode);
  if (!region) throw AppError.validation('body.regionCode', 'is not a known region');
  if (!maySetTarget(opts.actor, region.path)) throw AppError.validation('body.regionCode', 'is outside the region you govern');
  const id = await opts.db.transaction(async (tx) => {
    const key = and(
      eq(statsTargets.year, input.year),
      eq(statsTargets.regionCode, input.regionCode),
      eq(statsTargets.side, input.side),
      eq(statsTargets.metric, input.metric),
    );
    const [before] = await tx.select().from(statsTargets).where(key).for('update');
    const now = clock.now();
    // An upsert, so two officers setting the same new target at once do not collide.
    const [saved] = await tx
      .insert(statsTargets)
      .values({ id: newId(), ...input, createdBy: opts.actor.userId, updatedBy: opts.actor.userId, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({
        target: [statsTargets.year, statsTargets.regionCode, statsTargets.side, statsTargets.metric],
        set: { value: input.value, updatedBy: opts.actor.userId, updatedAt: now },
      })
      .returning({ id: statsTargets.id });
    const targetId = saved!.id;
    await writeAudit(tx, opts.actor, {
      action: before ? 'statistics.target.update' : 'statistics.target.create',
      entity: 'statistics_target',
      entityId: targetId,
      before: before
        ? { year: before.year, regionCode: before.regionCode, side: before.side, metric: before.metric, value: before.value }
        : null,
      after: { ...input },
    });
    return targetId;
  });
  const [row] = await loadTargets(opts.db, sql`t.id = ${id}`);
  return presentTarget(row!, opts.actor);
}

export async function deleteTarget(opts: { db: Db; actor: Actor; id: string }): Promise<void> {
  requirePermission(opts.actor, 'stats:target');
  await opts.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ target: statsTargets, path: regions.path })
      .from(statsTargets)
      .innerJoin(regions, eq(regions.code, statsTargets.regionCode))
      .where(eq(statsTargets.id, opts.id))
      .for('update', { of: statsTargets });
    if (!row || !mayReadRegion(opts.actor, row.path)) throw AppError.notFound('Target');
    if (!maySetTarget(opts.actor, row.path)) throw AppError.forbidden('You may not change targets of this region');
    await tx.delete(statsTargets).where(eq(statsTargets.id, opts.id));
    const t = row.target;
    await writeAudit(tx, opts.actor, {
      action: 'statistics.target.delete',
      entity: 'statistics_target',
      entityId: t.id,
      before: { year: t.year, regionCode: t.regionCode, side: t.side, metric: t.metric, value: t.value },
      after: null,
    });
  });
}
