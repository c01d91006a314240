import { and, arrayContains, asc, count, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { MatchQuery, PoliciesQuery, PolicyBody, UpdatePolicyBody } from '../../../common/api/policies.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { inRegionScope, isPlatformAdmin, organizationIdsOf, requirePermission, requireUser, type Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { localDateOf } from '../../lib/calendar.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { tsvectorLiteral } from '../../lib/text/vector.js';
import { notify } from '../alerts/notify.js';
import { smeStandingAmong } from '../finance/lookups.js';
import { findOrganization, findRegion, findRegions, organizationsJoinable, regionsJoinable } from '../organizations/repository.js';
import { parseQuery } from '../search/query.js';
import { matchPolicy, type PolicyConditions } from './matcher.js';
import { policies } from './schema.js';

/**
 * The policy library. Officers file policies of their region (admins any, national ones only
 * admins); publishing makes a policy public and tells every active organisation it applies or may
 * apply to. Search uses the shared Chinese tokenizer (server/lib/text) through a vector built in JS.
 */
export type PolicyRow = typeof policies.$inferSelect;

const LEVEL_OF_REGION: Record<string, string> = { city: 'city', district: 'district', park: 'park', province: 'city' };

/** May the actor manage (file, publish) a policy of this region? Admins any; officers in their subtree. */
async function mayManage(db: DbOrTx, actor: Actor, regionCode: string | null): Promise<boolean> {
  if (!actor.permissions.has('policy:manage') && actor.kind !== 'system') return false;
  if (isPlatformAdmin(actor)) return true;
  if (!regionCode) return false;
  const region = await findRegion(db, regionCode);
  return !!region && inRegionScope(actor, region.path);
}

export async function createPolicy(opts: { db: Db; actor: Actor; input: PolicyBody }): Promise<string> {
  const { actor, input } = opts;
  requirePermission(actor, 'policy:manage');
  if (input.level === 'national' && input.regionCode) throw AppError.validation('body.regionCode', 'a national policy governs no region');
  if (input.level !== 'national') {
    if (!input.regionCode) throw AppError.validation('body.regionCode', 'is required below national level');
    const region = await findRegion(opts.db, input.regionCode);
    if (!region) throw AppError.validation('body.regionCode', 'is not a known region');
    if (LEVEL_OF_REGION[region.level] !== input.level)
      throw AppError.validation('body.regionCode', `is a ${region.level}, not a ${input.level}`);
  }
  if (!(await mayManage(opts.db, actor, input.regionCode ?? null)))
    throw AppError.forbidden(
      input.level === 'national' ? 'Only platform admins file national policies' : 'The region is outside your scope',
    );
  if (input.effectiveFrom && input.effectiveUntil && input.effectiveUntil < input.effectiveFrom)
    throw AppError.validation('body.effectiveUntil', 'must not be before effectiveFrom');
  const now = clock.now();
  const row = {
    id: newId(),
    title: input.title,
    level: input.level,
    regionCode: input.regionCode ?? null,
    issuer: input.issuer,
    documentNumber: input.documentNumber ?? null,
    issuedOn: input.issuedOn,
    effectiveFrom: input.effectiveFrom ?? null,
    effectiveUntil: input.effectiveUntil ?? null,
    summary: input.summary,
    fullText: input.fullText,
    sourceUrl: input.sourceUrl ?? null,
    tags: input.tags,
    organizationTypes: input.organizationTypes,
    fieldCodes: input.fieldCodes,
    smeOnly: input.smeOnly,
    status: 'draft',
    publishedAt: null,
    createdBy: actor.userId,
    createdAt: now,
    updatedAt: now,
  };
  await opts.db.transaction(async (tx) => {
    await tx.insert(policies).values({ ...row, searchVector: policyVector(row) });
    await writeAudit(tx, actor, {
      action: 'policy.create',
      entity: 'policy',
      entityId: row.id,
      after: { ...row, fullText: `${row.fullText.length} characters` },
    });
  });
  return row.id;
}

/** Changes a draft (published policies are final); its managers only, audited with what changed. */
export async function updatePolicy(opts: { db: Db; actor: Actor; id: string; input: UpdatePolicyBody }): Promise<void> {
  requirePermission(opts.actor, 'policy:manage');
  await opts.db.transaction(async (tx) => {
    const [row] = await tx.select().from(policies).where(eq(policies.id, opts.id)).for('update');
    if (!row) throw AppError.notFound('Policy');
    if (!(await mayManage(tx, opts.actor, row.regionCode))) {
      if (row.status !== 'published') throw AppError.notFound('Policy');
      throw AppError.forbidden('The policy is outside your scope');
    }
    if (row.status !== 'draft') throw AppError.conflict(`The policy is ${row.status}; only drafts are edited`);
    const changes = Object.fromEntries(Object.entries(opts.input).filter(([, v]) => v !== undefined)) as Partial<PolicyRow>;
    const next = { ...row, ...changes };
    if (next.effectiveFrom && next.effectiveUntil && next.effectiveUntil < next.effectiveFrom)
      throw AppError.validation('body.effectiveUntil', 'must not be before effectiveFrom');
    const before = Object.fromEntries(Object.keys(changes).map((k) => [k, row[k as keyof PolicyRow]]));
    await tx
      .update(policies)
      .set({ ...changes, searchVector: policyVector(next), updatedAt: clock.now() })
      .where(eq(policies.id, row.id));
    const short = (v: Record<string, unknown>) => ('fullText' in v ? { ...v, fullText: `${String(v.fullText).length} characters` } : v);
    await writeAudit(tx, opts.actor, {
      action: 'policy.update',
      entity: 'policy',
      entityId: row.id,
      before: short(before),
      after: short(changes),
    });
  });
}

export function policyVector(p: Pick<PolicyRow, 'title' | 'tags' | 'summary' | 'fullText' | 'issuer' | 'documentNumber'>): string {
  return tsvectorLiteral({
    title: p.title,
    keywords: p.tags,
    summary: p.summary,
    body: [p.issuer, p.documentNumber ?? '', p.fullText].join('\n'),
  });
}

/** What the matcher needs of a policy: its conditions, with its region's path and name. */
export async function conditionsOf(db: DbOrTx, rows: PolicyRow[]): Promise<Map<string, PolicyConditions>> {
  const regions = new Map(
    (await findRegions(db, [...new Set(rows.flatMap((r) => (r.regionCode ? [r.regionCode] : [])))])).map((r) => [r.code, r]),
  );
  return new Map(
    rows.map((r) => {
      const region = r.regionCode ? regions.get(r.regionCode) : undefined;
      return [
        r.id,
        {
          regionPath: region?.path ?? null,
          regionName: region?.name ?? null,
          organizationTypes: r.organizationTypes,
          fieldCodes: r.fieldCodes,
          smeOnly: r.smeOnly,
          effectiveFrom: r.effectiveFrom,
          effectiveUntil: r.effectiveUntil,
        },
      ];
    }),
  );
}

/** Publishes a draft and notifies every active organisation it applies, or may apply, to. Returns how many were told. */
export async function publishPolicy(opts: { db: Db; actor: Actor; id: string }): Promise<number> {
  requirePermission(opts.actor, 'policy:manage');
  return opts.db.transaction(async (tx) => {
    const [row] = await tx.select().from(policies).where(eq(policies.id, opts.id)).for('update');
    if (!row) throw AppError.notFound('Policy');
    if (!(await mayManage(tx, opts.actor, row.regionCode))) throw AppError.forbidden('The policy is outside your scope');
    if (row.status !== 'draft') throw AppError.conflict(`The policy is ${row.status}`);
    const now = clock.now();
    await tx.update(policies).set({ status: 'published', publishedAt: now, updatedAt: now }).where(eq(policies.id, row.id));
    const conditions = (await conditionsOf(tx, [row])).get(row.id)!;
    const o = organizationsJoinable('o');
    const r = regionsJoinable('r');
    const orgs = await tx
      .select({ id: o.id, type: o.type, path: r.path })
      .from(o)
      .innerJoin(r, eq(r.code, o.regionCode))
      .where(eq(o.status, 'active'));
    const today = localDateOf(now);
    const standing = conditions.smeOnly
      ? await smeStandingAmong(
          tx,
          orgs.map((o) => o.id),
          Number(today.slice(0, 4)),
        )
      : new Map<string, { qualified: boolean }>();
    let told = 0;
    for (const org of orgs) {
      const sme = standing.get(org.id)?.qualified ?? null;
      const { verdict } = matchPolicy(conditions, { type: org.type, regionPath: org.path, sme, fieldCodes: null }, today);
      if (verdict === 'no') continue;
      const ids = await notify(tx, {
        organizationId: org.id,
        kind: 'policy_published',
        title: `${verdict === 'applies' ? '新政策适用于贵单位' : '新政策可能适用于贵单位'}：${row.title}`,
        body: [row.issuer, row.documentNumber].filter(Boolean).join(' ') + (row.summary ? `\n${row.summary.slice(0, 200)}` : ''),
        link: `/policies/${row.id}`,
      });
      if (ids.length) told += 1;
    }
    await writeAudit(tx, opts.actor, {
      action: 'policy.publish',
      entity: 'policy',
      entityId: row.id,
      before: { status: row.status },
      after: { status: 'published', publishedAt: now.toISOString(), notifiedOrganizations: told },
    });
    return told;
  });
}

export async function listPolicies(opts: { db: DbOrTx; query: z.infer<typeof PoliciesQuery> }) {
  const { q, level, tag, limit, offset } = opts.query;
  const parsed = parseQuery(q, new Map());
  const text = parsed.tsquery ? sql`${policies.searchVector} @@ ${parsed.tsquery}::tsquery` : undefined;
  const where = and(
    eq(policies.status, 'published'),
    level ? eq(policies.level, level) : undefined,
    tag ? arrayContains(policies.tags, [tag]) : undefined,
    text,
  );
  const [{ n }] = (await opts.db.select({ n: count() }).from(policies).where(where)) as [{ n: number }];
  const rows = await opts.db
    .select()
    .from(policies)
    .where(where)
    .orderBy(
      ...(parsed.tsquery ? [sql`ts_rank(${policies.searchVector}, ${parsed.tsquery}::tsquery) DESC`] : []),
      desc(policies.issuedOn),
      asc(policies.id),
    )
    .limit(limit)
    .offset(offset);
  return { rows, total: Number(n) };
}

export async function getPolicy(opts: { db: DbOrTx; actor: Actor; id: string }) {
  const [row] = await opts.db.select().from(policies).where(eq(policies.id, opts.id));
  if (!row) throw AppError.notFound('Policy');
  const manager = await mayManage(opts.db, opts.actor, row.regionCode);
  if (row.status !== 'published' && !manager) throw AppError.notFound('Policy');
  return { row, canPublish: manager && row.status === 'draft', canEdit: manager && row.status === 'draft' };
}

/** The published policies with the matcher's verdict for one of the actor's organisations. */
export async function matchPoliciesForOrganization(opts: { db: DbOrTx; actor: Actor; query: z.infer<typeof MatchQuery> }) {
  requireUser(opts.actor);
  const mine = organizationIdsOf(opts.actor);
  const orgId = opts.query.organizationId ?? (mine.length === 1 ? mine[0] : undefined);
  if (!orgId) throw AppError.validation('query.organizationId', mine.length ? 'name the organisation' : 'you belong to no organisation');
  if (!mine.includes(orgId) && !isPlatformAdmin(opts.actor)) throw AppError.notFound('Organization');
  const org = await findOrganization(opts.db, orgId);
  if (!org) throw AppError.notFound('Organization');
  const region = await findRegion(opts.db, org.regionCode);
  const rows = await opts.db.select().from(policies).where(eq(policies.status, 'published')).orderBy(desc(policies.issuedOn));
  const conditions = await conditionsOf(opts.db, rows);
  const fields =
    opts.query.fields
      ?.split(',')
      .map((f) => f.trim())
      .filter(Boolean) ?? null;
  const today = localDateOf(clock.now());
  // 科技型中小企业 status is the organisation's own self-assessment in force (finance module), not an input.
  const sme = (await smeStandingAmong(opts.db, [org.id], Number(today.slice(0, 4)))).get(org.id);
  const facts = {
    type: org.type,
    regionPath: region?.path ?? `/${org.regionCode}/`,
    sme: sme?.qualified ?? null,
    smeYear: sme?.year,
    fieldCodes: fields,
  };
  const rank = { applies: 0, maybe: 1, no: 2 } as const;
  const items = rows
    .map((row) => ({ row, ...matchPolicy(conditions.get(row.id)!, facts, today) }))
    .sort((a, b) => rank[a.verdict] - rank[b.verdict]);
  return {
    organization: { id: org.id, name: org.name, type: org.type, regionCode: org.regionCode, smeAssessment: sme ?? null },
    items,
  };
}
