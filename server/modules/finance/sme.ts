import { desc, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { SmeAssessmentInput } from '../../../common/api/finance.js';
import { assessSme, SME_RULE_SOURCE } from '../../../common/sme.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { organizationIdsOf, requirePermission, requireUser, type Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { findOrganization, findOrganizations } from '../organizations/repository.js';
import { smeAssessments } from './schema.js';

export type SmeRow = typeof smeAssessments.$inferSelect;

/** An enterprise's own self-assessment for a year (the year of the figures), stored and replaced per organisation and year. */
export async function assessOwnSme(opts: { db: Db; actor: Actor; year: number; input: z.infer<typeof SmeAssessmentInput> }) {
  requirePermission(opts.actor, 'finance:participate');
  const orgs = organizationIdsOf(opts.actor, ['org_member', 'org_admin']);
  const orgId = opts.input.organizationId ?? (orgs.length === 1 ? orgs[0] : undefined);
  if (!orgId) throw AppError.validation('body.organizationId', 'name the organisation you speak for');
  if (!orgs.includes(orgId)) throw AppError.forbidden('You can only assess your own organisation');
  const org = await findOrganization(opts.db, orgId);
  if (!org || org.type !== 'enterprise')
    throw AppError.validation('body.organizationId', 'only enterprises are assessed as 科技型中小企业');
  const { organizationId: _o, ...input } = opts.input;
  void _o;
  if (input.techStaff > input.staff) throw AppError.validation('body.techStaff', 'cannot exceed staff');
  const r = assessSme(input);
  const row = {
    organizationId: orgId,
    year: opts.year,
    input,
    staffScore: r.staffScore,
    rdScore: r.rdScore,
    ipScore: r.ipScore,
    total: r.total,
    sizeOk: r.sizeOk,
    route: r.route,
    qualified: r.qualified,
    reasons: r.reasons,
    assessedBy: opts.actor.userId,
    assessedAt: clock.now(),
  };
  await opts.db.transaction(async (tx) => {
    await tx
      .insert(smeAssessments)
      .values(row)
      .onConflictDoUpdate({ target: [smeAssessments.organizationId, smeAssessments.year], set: row });
    await writeAudit(tx, opts.actor, {
      action: 'sme_assessment.assess',
      entity: 'sme_assessment',
      entityId: orgId,
      organizationId: orgId,
      after: row,
    });
  });
  return presentSme(opts.db, [row]).then((v) => v[0]!);
}

export async function listOwnSme(opts: { db: DbOrTx; actor: Actor }) {
  requireUser(opts.actor);
  const orgs = organizationIdsOf(opts.actor, ['org_member', 'org_admin', 'broker']);
  if (orgs.length === 0) return [];
  const rows = await opts.db
    .select()
    .from(smeAssessments)
    .where(inArray(smeAssessments.organizationId, orgs))
    .orderBy(desc(smeAssessments.year));
  return presentSme(opts.db, rows);
}

export async function presentSme(db: DbOrTx, rows: SmeRow[]) {
  const names = new Map(
    (
      await findOrganizations(
        db,
        rows.map((r) => r.organizationId),
      )
    ).map((o) => [o.id, o.name]),
  );
  return rows.map((r) => ({
    organizationId: r.organizationId,
    organizationName: names.get(r.organizationId) ?? '',
    year: r.year,
    staffScore: r.staffScore,
    rdScore: r.rdScore,
    rdBasis: assessSme(r.input).rdBasis,
    ipScore: r.ipScore,
    total: r.total,
    sizeOk: r.sizeOk,
    route: r.route as 'score' | 'direct' | 'none',
    qualified: r.qualified,
    reasons: r.reasons,
    source: SME_RULE_SOURCE,
    assessedAt: r.assessedAt.toISOString(),
  }));
}
