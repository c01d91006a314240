/**
 * Who may see an achievement or demand: written once, as a predicate over a record's facts, and read
 * two ways — as SQL over a record alias (search and lists) and as a check on one loaded record (the
 * 404 of getRecord, curated lists, every search hit). Like Immich's access repository behind
 * `requireAccess`: the actor is reduced to a scope (which organisations it owns records of, where it
 * sees restricted records, where it reviews) and the rule is a function of that scope.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { RecordStatus } from '../../../common/catalog.js';
import { can, governedRegionPaths, isPlatformAdmin, organizationIdsOf, type Actor } from '../../lib/actor.js';
import { PUBLIC_STATUSES } from './lifecycle.js';

/** Everywhere, or the region subtrees under these paths. */
export type Reach = 'all' | readonly string[];

export interface RecordScope {
  /** Organisations whose records the actor owns (members who file; the system owns everything). */
  own: Reach;
  /** Where the actor sees restricted records: government in scope (platform admins everywhere). */
  restricted: Reach;
  /** Where the actor reviews records (platform admins everywhere, officers in their regions). */
  review: Reach;
}

/** Is the organisation, or the region path, within reach? */
export const reachesOrganization = (reach: Reach, organizationId: string): boolean => reach === 'all' || reach.includes(organizationId);
export const reachesRegion = (reach: Reach, regionPath: string): boolean =>
  reach === 'all' || reach.some((root) => regionPath.startsWith(root));

const sorted = (xs: string[]) => [...new Set(xs)].sort();

export function recordScope(actor: Actor): RecordScope {
  if (actor.kind === 'system') return { own: 'all', restricted: 'all', review: 'all' };
  const admin = isPlatformAdmin(actor);
  return {
    own: can(actor, 'catalog:file') ? sorted(organizationIdsOf(actor, ['org_member', 'org_admin', 'broker'])) : [],
    restricted: admin ? 'all' : sorted(governedRegionPaths(actor)),
    review: !can(actor, 'catalog:review') ? [] : admin ? 'all' : sorted(governedRegionPaths(actor)),
  };
}

/** The facts of one record the rule reads. */
export interface VisibilityFacts {
  organizationId: string;
  regionPath: string;
  status: RecordStatus;
  restricted: boolean;
}

/** A predicate over a record's facts, built by `rule` and read by `holds` (one record) and `toSql` (a table). */
type Pred =
  | { t: 'true' }
  | { t: 'false' }
  | { t: 'and' | 'or'; of: Pred[] }
  | { t: 'not'; of: Pred }
  | { t: 'orgIn'; ids: readonly string[] }
  | { t: 'pathUnder'; roots: readonly string[] }
  | { t: 'statusIn'; statuses: readonly RecordStatus[] }
  | { t: 'restricted' };

const TRUE: Pred = { t: 'true' };
const FALSE: Pred = { t: 'false' };
const and = (...of: Pred[]): Pred => {
  const rest = of.filter((p) => p.t !== 'true');
  return rest.some((p) => p.t === 'false') ? FALSE : rest.length === 0 ? TRUE : rest.length === 1 ? rest[0]! : { t: 'and', of: rest };
};
const or = (...of: Pred[]): Pred => {
  const rest = of.filter((p) => p.t !== 'false');
  const key = (p: Pred) => JSON.stringify(p);
  const excluded = rest.some((p) => p.t === 'not' && rest.some((q) => key(q) === key(p.of))); // x OR NOT x
  return excluded || rest.some((p) => p.t === 'true')
    ? TRUE
    : rest.length === 0
      ? FALSE
      : rest.length === 1
        ? rest[0]!
        : { t: 'or', of: rest };
};
const not = (p: Pred): Pred => (p.t === 'true' ? FALSE : p.t === 'false' ? TRUE : { t: 'not', of: p });
const orgIn = (r: Reach): Pred => (r === 'all' ? TRUE : r.length ? { t: 'orgIn', ids: r } : FALSE);
const within = (r: Reach): Pred => (r === 'all' ? TRUE : r.length ? { t: 'pathUnder', roots: r } : FALSE);

/**
 * THE rule. Owners see their records in every status; nobody else sees a draft; a restricted record
 * is for government in scope only; an unrestricted one is public once published (published,
 * in_trade, transferred, closed) and visible to its reviewers while under review.
 * `status` renders a status test (see `publicStatus`).
 */
function rule(scope: RecordScope, status: (statuses: readonly RecordStatus[]) => Pred): Pred {
  const restricted: Pred = { t: 'restricted' };
  return or(
    orgIn(scope.own),
    and(
      not(status(['draft'])),
      or(and(restricted, within(scope.restricted)), and(not(restricted), or(status(PUBLIC_STATUSES), within(scope.review)))),
    ),
  );
}

/**
 * The rule as a predicate; `publicOnly` (search is for discovery: drafts and records under review are
 * listed in the workspace and review queue, not there) narrows it to public statuses.
 */
function predicate(scope: RecordScope, opts: { publicOnly: boolean }): Pred {
  return opts.publicOnly ? and(statusPred(PUBLIC_STATUSES), rule(scope, publicStatus)) : rule(scope, statusPred);
}

const statusPred = (statuses: readonly RecordStatus[]): Pred => ({ t: 'statusIn', statuses });

/**
 * With the status known to be public, status tests fold to constants (so the SQL for search is
 * `status IN (public) AND (NOT restricted OR own OR in governed regions)`, the status test once).
 */
const publicStatus = (statuses: readonly RecordStatus[]): Pred =>
  PUBLIC_STATUSES.every((s) => statuses.includes(s))
    ? TRUE
    : PUBLIC_STATUSES.some((s) => statuses.includes(s))
      ? statusPred(statuses)
      : FALSE;

function holds(p: Pred, r: VisibilityFacts): boolean {
  switch (p.t) {
    case 'true':
      return true;
    case 'false':
      return false;
    case 'and':
      return p.of.every((q) => holds(q, r));
    case 'or':
      return p.of.some((q) => holds(q, r));
    case 'not':
      return !holds(p.of, r);
    case 'orgIn':
      return reachesOrganization(p.ids, r.organizationId);
    case 'pathUnder':
      return reachesRegion(p.roots, r.regionPath);
    case 'statusIn':
      return p.statuses.includes(r.status);
    case 'restricted':
      return r.restricted;
  }
}

/** Column expressions of the record being tested (e.g. `r.status`, and `g.path` of its region). */
export interface RecordColumns {
  organizationId: SQL;
  regionPath: SQL;
  status: SQL;
  restricted: SQL;
}

const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

function toSql(p: Pred, c: RecordColumns): SQL {
  switch (p.t) {
    case 'true':
      return sql`TRUE`;
    case 'false':
      return sql`FALSE`;
    case 'and':
      return sql.join(
        p.of.map((q) => (q.t === 'or' ? sql`(${toSql(q, c)})` : toSql(q, c))),
        sql` AND `,
      );
    case 'or':
      return sql.join(
        p.of.map((q) => (q.t === 'and' ? sql`(${toSql(q, c)})` : toSql(q, c))),
        sql` OR `,
      );
    case 'not':
      return sql`NOT (${toSql(p.of, c)})`;
    case 'orgIn':
      return sql`${c.organizationId} IN (${list(p.ids)})`;
    case 'pathUnder':
      return p.roots.length === 1
        ? sql`${c.regionPath} LIKE ${p.roots[0] + '%'}`
        : sql`(${sql.join(
            p.roots.map((root) => sql`${c.regionPath} LIKE ${root + '%'}`),
            sql` OR `,
          )})`;
    case 'statusIn':
      return sql`${c.status} IN (${list(p.statuses)})`;
    case 'restricted':
      return c.restricted;
  }
}

const mentionsPath = (p: Pred): boolean =>
  p.t === 'pathUnder' || ((p.t === 'and' || p.t === 'or') && p.of.some(mentionsPath)) || (p.t === 'not' && mentionsPath(p.of));

/** May the scope see this record? (`publicOnly`: and is it in a public status, as search lists.) */
export function scopeSees(scope: RecordScope, r: VisibilityFacts, opts: { publicOnly: boolean } = { publicOnly: false }): boolean {
  return holds(predicate(scope, opts), r);
}

/** The records the scope may see, as SQL over the given columns; `publicOnly` for search. */
export function visibleRecordsSql(scope: RecordScope, columns: RecordColumns, opts: { publicOnly: boolean }): SQL {
  return toSql(predicate(scope, opts), columns);
}

/** Whether `visibleRecordsSql` reads the record's region path (so a query may skip joining the region). */
export function visibilityReadsRegion(scope: RecordScope, opts: { publicOnly: boolean }): boolean {
  return mentionsPath(predicate(scope, opts));
}

/** Scopes with the same key see the same records among public ones (a cache key for counts). */
export function publicVisibilityKey(scope: RecordScope): string {
  return scope.own === 'all' || scope.restricted === 'all' ? 'all' : JSON.stringify({ own: scope.own, restricted: scope.restricted });
}

/**
 * Export control (技术进出口管理条例 art. 35–37): before a letter of intent is recorded, a party outside
 * mainland China does not open the confidential part (contacts, attachments, IP numbers, team) of a
 * record that a screening holds (restricted) or stopped (prohibited); the owner always does. The
 * facts come from the export-control module (`exportHoldFacts`).
 */
export function seesConfidentialPart(f: { owner: boolean; outsideMainland: boolean; exportHeld: boolean }): boolean {
  return f.owner || !f.exportHeld || !f.outsideMainland;
}
