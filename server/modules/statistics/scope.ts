import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';
import { childRegions as regionsBelow, findRegion, findRegions } from '../organizations/repository.js';
import { PLATFORM_CITY } from '../../db/seed/regions.js';
import { requirePermission, type Actor } from '../../lib/actor.js';
import { localDateOf } from '../../lib/calendar.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { codeOfPath, mayReadRegion, statisticsRoots } from './policy.js';

export interface RegionInfo {
  code: string;
  name: string;
  level: string;
  path: string;
}

/** Where the caller looks: the region asked for (404 outside their scope) or their scope root. */
export interface Scope {
  region: RegionInfo;
  /** The caller's root above (or at) the region: the top of the breadcrumb and the region picker. */
  root: RegionInfo;
}

export const PLATFORM_CITY_CODE = PLATFORM_CITY.code;

const info = (r: RegionInfo): RegionInfo => ({ code: r.code, name: r.name, level: r.level, path: r.path });

async function loadRegion(db: Db, code: string): Promise<RegionInfo | null> {
  const r = await findRegion(db, code);
  return r ? info(r) : null;
}

export async function resolveScope(db: Db, actor: Actor, code: string | undefined): Promise<Scope> {
  requirePermission(actor, 'stats:read');
  const roots = statisticsRoots(actor);
  if (roots !== null && roots.length === 0) throw AppError.forbidden('No region to show statistics for');
  const rootCode = roots === null ? PLATFORM_CITY_CODE : codeOfPath(roots[0]!);
  const region = await loadRegion(db, code ?? rootCode);
  if (!region || !mayReadRegion(actor, region.path)) throw AppError.notFound('Region');
  let root: RegionInfo | null;
  if (roots === null) root = region.path.startsWith(`/${PLATFORM_CITY_CODE}/`) ? await loadRegion(db, PLATFORM_CITY_CODE) : region;
  else root = await loadRegion(db, codeOfPath(roots.find((r) => region.path.startsWith(r))!));
  return { region, root: root ?? region };
}

export async function childRegions(db: Db, code: string): Promise<RegionInfo[]> {
  return (await regionsBelow(db, code)).map(info);
}

/** The regions on the path from the root down to the region. */
export async function breadcrumb(db: Db, scope: Scope): Promise<RegionInfo[]> {
  const codes = scope.region.path.split('/').filter(Boolean);
  const from = codes.indexOf(scope.root.code);
  const wanted = codes.slice(from < 0 ? codes.length - 1 : from);
  const rows = (await findRegions(db, wanted)).map(info);
  return wanted.map((c) => rows.find((r) => r.code === c)).filter((r): r is RegionInfo => !!r);
}

/** Names of the regions with these codes (provinces, districts, parks). */
export async function regionNames(db: Db, codes: string[]): Promise<Map<string, string>> {
  const rows = await findRegions(db, codes);
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** `region_path LIKE '<path>%'`: the region's subtree (paths hold only digits, letters and slashes). */
export const within = (column: SQL, path: string): SQL => sql`${column} LIKE ${`${path}%`}`;

export const currentYear = (): number => Number(localDateOf(clock.now()).slice(0, 4));

/** The year asked for, or the latest year with certified contracts in the region (this year when none). */
export async function yearOrLatest(db: Db, scope: Scope, year: number | undefined): Promise<number> {
  if (year !== undefined) return year;
  const [row] = await queryRows<{ y: number | null }>(
    db,
    sql`SELECT max(year) AS y FROM stats_yearly WHERE ${within(sql`region_path`, scope.region.path)} AND contracts > 0`,
  );
  return row?.y != null ? Number(row.y) : currentYear();
}
