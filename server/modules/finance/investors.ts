import { desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { InvestorProfileInput, InvestorsQuery, InvestorView } from '../../../common/api/finance.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { organizationIdsOf, requirePermission, requireUser, type Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { publishedAchievementsInFields } from '../catalog/lookups.js';
import { findOrganization, findOrganizations } from '../organizations/repository.js';
import { scoreInvestorMatch } from './match.js';
import { financingRequests, investorProfiles } from './schema.js';

export const INVESTOR_TYPES = ['investor', 'financial_institution'];
export type ProfileRow = typeof investorProfiles.$inferSelect;

export async function presentInvestors(db: DbOrTx, rows: ProfileRow[]): Promise<InvestorView[]> {
  const orgs = new Map(
    (
      await findOrganizations(
        db,
        rows.map((r) => r.organizationId),
      )
    ).map((o) => [o.id, o]),
  );
  return rows
    .filter((r) => orgs.get(r.organizationId)?.status === 'active')
    .map((r) => {
      const o = orgs.get(r.organizationId)!;
      return {
        organizationId: r.organizationId,
        name: o.name,
        type: o.type,
        regionCode: o.regionCode,
        stages: r.stages as InvestorView['stages'],
        instruments: r.instruments as InvestorView['instruments'],
        ticketMinFen: r.ticketMinFen,
        ticketMaxFen: r.ticketMaxFen,
        fieldCodes: r.fieldCodes,
        regionCodes: r.regionCodes,
        trlMin: r.trlMin,
        trlMax: r.trlMax,
        smeOnly: r.smeOnly,
        description: r.description,
        published: r.published,
        updatedAt: r.updatedAt.toISOString(),
      };
    });
}

/** The public list: published profiles of active investors and banks, filtered by field prefix, stage, instrument. */
export async function listInvestors(opts: { db: DbOrTx; query: z.infer<typeof InvestorsQuery> }): Promise<ProfileRow[]> {
  const rows = await opts.db
    .select()
    .from(investorProfiles)
    .where(eq(investorProfiles.published, true))
    .orderBy(desc(investorProfiles.updatedAt));
  const { fieldCode, stage, instrument } = opts.query;
  return rows.filter(
    (r) =>
      (!fieldCode || r.fieldCodes.length === 0 || r.fieldCodes.some((f) => fieldCode.startsWith(f) || f.startsWith(fieldCode))) &&
      (!stage || r.stages.includes(stage)) &&
      (!instrument || r.instruments.includes(instrument)),
  );
}

export async function getProfile(db: DbOrTx, organizationId: string): Promise<ProfileRow | undefined> {
  const [row] = await db.select().from(investorProfiles).where(eq(investorProfiles.organizationId, organizationId));
  return row;
}

/** An org_admin of an investment institution or a bank keeps its profile. */
export async function upsertInvestorProfile(opts: { db: Db; actor: Actor; input: z.infer<typeof InvestorProfileInput> }): Promise<string> {
  requirePermission(opts.actor, 'finance:participate');
  const admins = organizationIdsOf(opts.actor, ['org_admin']);
  const orgId = opts.input.organizationId ?? (admins.length === 1 ? admins[0] : undefined);
  if (!orgId) throw AppError.validation('body.organizationId', 'name the organisation you administer');
  if (!admins.includes(orgId)) throw AppError.forbidden('Only the organisation’s administrators keep its investor profile');
  const org = await findOrganization(opts.db, orgId);
  if (!org || !INVESTOR_TYPES.includes(org.type))
    throw AppError.validation('body.organizationId', 'is not an investment institution or a financial institution');
  const { organizationId: _omit, ...fields } = opts.input;
  void _omit;
  if (fields.ticketMaxFen < fields.ticketMinFen) throw AppError.validation('body.ticketMaxFen', 'must not be below ticketMinFen');
  if (fields.trlMax < fields.trlMin) throw AppError.validation('body.trlMax', 'must not be below trlMin');
  const before = await getProfile(opts.db, orgId);
  const row = { organizationId: orgId, ...fields, updatedBy: opts.actor.userId, updatedAt: clock.now() };
  await opts.db.transaction(async (tx) => {
    await tx.insert(investorProfiles).values(row).onConflictDoUpdate({ target: investorProfiles.organizationId, set: row });
    await writeAudit(tx, opts.actor, {
      action: before ? 'investor_profile.update' : 'investor_profile.create',
      entity: 'investor_profile',
      entityId: orgId,
      organizationId: orgId,
      before: before ?? null,
      after: row,
    });
  });
  return orgId;
}

/** Open financing requests and published achievements, scored against the investor's preferences (its members only). */
export async function investorMatches(opts: { db: Db; actor: Actor; organizationId: string; limit?: number }) {
  requireUser(opts.actor);
  const profile = await getProfile(opts.db, opts.organizationId);
  if (!profile) throw AppError.notFound('Investor profile');
  if (!organizationIdsOf(opts.actor, ['org_member', 'org_admin', 'broker']).includes(opts.organizationId))
    throw AppError.forbidden('Only the investor’s members see its matches');
  const limit = opts.limit ?? 20;
  const requests = await opts.db.select().from(financingRequests).where(eq(financingRequests.status, 'open'));
  const achievements = await publishedAchievementsInFields(opts.db, { fieldPrefixes: profile.fieldCodes, limit: 200 });
  const scored = [
    ...requests.map((r) => ({ kind: 'financing_request' as const, id: r.id, title: r.title, ...scoreInvestorMatch(profile, r) })),
    ...achievements.map((a) => ({
      kind: 'achievement' as const,
      id: a.id,
      title: a.title,
      ...scoreInvestorMatch(profile, { ...a, amountFen: a.priceFen, stage: null, instrument: null }),
    })),
  ].sort((x, y) => y.total - x.total || x.id.localeCompare(y.id));
  return {
    requests: scored.filter((s) => s.kind === 'financing_request').slice(0, limit),
    achievements: scored.filter((s) => s.kind === 'achievement').slice(0, limit),
  };
}
