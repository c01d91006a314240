import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import {
  DISTRIBUTION_TRANSITIONS,
  type DistributionInput,
  type DistributionStatus,
  type DistributionTransition,
  type PreviewBody,
  type PreviewView,
} from '../../../common/api/distributions.js';
import type { Db, DbOrTx, Tx } from '../../db/client.js';
import { can, organizationIdsOf, requirePermission, requireUser, type Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { localDateOf, startOfLocalDate } from '../../lib/calendar.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { notify } from '../alerts/notify.js';
import { registeredContractsOfDeals } from '../contracts/lookups.js';
import { getContract } from '../contracts/service.js';
import { findOrganization } from '../organizations/repository.js';
import { getDeal } from '../trading/deals.js';
import { checkContributions, checkMainContributors, computeSplit, netIncome, pctToBp, ruleFor, ROUTE_FORM } from './arithmetic.js';
import { refuseDoubleDistribution, type Income } from './income.js';
import { DISTRIBUTION_TRANSITION_TABLE, EDITABLE, type DistributionParty } from './lifecycle.js';
import { incomeDistributions, type ShareLine } from './schema.js';

/**
 * Income distributions: the team's share of the organisation's income from a deal or a registered
 * contract, computed by rule (arithmetic.ts, parameters.ts), approved by someone other than its maker
 * and paid. Seen by the organisation's TTO staff and by the inventors who have accounts; anyone else
 * gets 404. Every change is audited in its transaction.
 */
export type DistributionRow = typeof incomeDistributions.$inferSelect;

const STAFF_ROLES = ['org_admin', 'broker'] as const;
const staffOrganizations = (actor: Actor) => (can(actor, 'distribution:manage') ? organizationIdsOf(actor, [...STAFF_ROLES]) : []);
const approverOrganizations = (actor: Actor) => (can(actor, 'distribution:approve') ? organizationIdsOf(actor, ['org_admin']) : []);

export function partiesOf(actor: Actor, row: Pick<DistributionRow, 'organizationId'>): DistributionParty[] {
  const out: DistributionParty[] = [];
  if (staffOrganizations(actor).includes(row.organizationId)) out.push('staff');
  if (approverOrganizations(actor).includes(row.organizationId)) out.push('approver');
  return out;
}

const isInventor = (actor: Actor, row: DistributionRow) => actor.userId !== null && row.inventorUserIds.includes(actor.userId);

/** The calculator: the team's share under the region's rule and its split. Stores nothing. */
export function previewDistribution(actor: Actor, body: PreviewBody): PreviewView {
  requireUser(actor);
  if (body.netIncomeFen < 0)
    throw AppError.validation('body.netIncomeFen', 'is negative: deductible costs exceed the income, so there is nothing to distribute');
  const problem = checkContributions(body.inventors, 'body.inventors');
  if (problem) throw AppError.validation(problem.field, problem.message);
  const rule = ruleFor(body.regionCode);
  const split = computeSplit({ netIncomeFen: body.netIncomeFen, bp: rule.bp[body.route], inventors: body.inventors });
  return {
    teamShareFen: split.teamShareFen,
    teamSharePct: split.teamShareBp / 100,
    source: rule.source,
    ruleRegionCode: rule.regionCode,
    perInventor: split.perInventor,
  };
}

interface SourceFacts {
  organizationId: string;
  title: string;
  income: Income;
}

/** The deal and every registered contract made from it: one income. */
async function incomeOfDeal(db: Db, dealId: string, dealPriceFen: number | null): Promise<Income> {
  const contracts = await registeredContractsOfDeals(db, [dealId]);
  return {
    key: `deal:${dealId}`,
    sources: [{ kind: 'deal', id: dealId }, ...contracts.map((c) => ({ kind: 'contract' as const, id: c.id }))],
    agreedFen: Math.max(dealPriceFen ?? 0, ...contracts.map((c) => c.contractAmountFen)),
  };
}

/** The deal or contract behind a distribution: the organisation's own, and settled (paid / certified). */
async function resolveSource(db: Db, actor: Actor, input: Pick<DistributionInput, 'sourceKind' | 'sourceId'>): Promise<SourceFacts> {
  const mine = staffOrganizations(actor);
  if (input.sourceKind === 'deal') {
    const deal = await getDeal({ db, actor, id: input.sourceId }).catch(() => null);
    if (!deal || !mine.includes(deal.seller.id)) throw AppError.validation('body.sourceId', 'is not a deal your organisation sold');
    if (deal.status !== 'completed') throw AppError.validation('body.sourceId', 'the deal is not paid yet (成交未付款)');
    return { organizationId: deal.seller.id, title: deal.achievement.title, income: await incomeOfDeal(db, deal.id, deal.priceFen) };
  }
  const contract = await getContract({ db, actor, id: input.sourceId }).catch(() => null);
  const seller = contract ? (contract.row.sellerOrganizationId ?? contract.row.organizationId) : null;
  if (!contract || !seller || !mine.includes(seller))
    throw AppError.validation('body.sourceId', 'is not a registered contract of your organisation');
  if (contract.row.status !== 'certified') throw AppError.validation('body.sourceId', 'the contract is not registered (认定登记) yet');
  const dealId = contract.row.dealId;
  const income: Income = dealId
    ? await incomeOfDeal(db, dealId, (await getDeal({ db, actor, id: dealId }).catch(() => null))?.priceFen ?? null)
    : {
        key: `contract:${contract.row.id}`,
        sources: [{ kind: 'contract', id: contract.row.id }],
        agreedFen: contract.row.contractAmountFen,
      };
  return { organizationId: seller, title: contract.row.title, income };
}

/** Everything derived from the input: sums, the rule, the share and the lines; with problems (never thrown for a draft). */
function derive(input: DistributionInput, regionCode: string, previous: ShareLine[] = []) {
  const problems: { field: string; message: string }[] = [];
  const grossIncomeFen = input.receipts.reduce((s, r) => s + r.amountFen, 0);
  const costsFen = input.costs.reduce((s, c) => s + c.amountFen, 0);
  const net = netIncome(
    input.receipts.map((r) => r.amountFen),
    input.costs.map((c) => c.amountFen),
  );
  const rule = ruleFor(regionCode);
  const floorBp = rule.bp[input.route];
  const ownBp = input.organizationSharePct != null ? pctToBp(input.organizationSharePct) : null;
  if (input.organizationSharePct != null && (ownBp === null || ownBp < floorBp))
    throw AppError.validation(
      'body.organizationSharePct',
      `must be at least the legal floor of ${floorBp / 100}% (${rule.source}), with at most two decimals`,
    );
  const minBp = input.mainContributorsMinPct != null ? pctToBp(input.mainContributorsMinPct) : null;
  if (input.mainContributorsMinPct != null && minBp === null)
    throw AppError.validation('body.mainContributorsMinPct', 'at most two decimals');
  if (input.route === 'self_implementation' && (input.profitYear == null || input.implementationYears == null))
    throw AppError.validation(
      input.profitYear == null ? 'body.profitYear' : 'body.implementationYears',
      'is required for self-implementation (自行实施)',
    );
  const teamBp = ownBp ?? floorBp;
  const contributions = checkContributions(input.inventors, 'body.inventors');
  if (contributions) problems.push(contributions);
  const split = computeSplit({
    netIncomeFen: net,
    bp: teamBp,
    inventors: contributions ? input.inventors.map((i) => ({ ...i, contributionPct: 1 })) : input.inventors,
  });
  const amounts = split.perInventor.map((p) => p.amountFen);
  const main = checkMainContributors(input.inventors, amounts, split.teamShareFen, minBp);
  if (main) problems.push({ ...main, field: 'body.inventors' });
  if (grossIncomeFen === 0) problems.push({ field: 'body.receipts', message: 'record the income received' });
  const lines: ShareLine[] = input.inventors.map((inv, i) => ({
    id: previous[i]?.id ?? newId(),
    name: inv.name,
    userId: inv.userId ?? null,
    contributionBp: pctToBp(inv.contributionPct) ?? 0,
    mainContributor: inv.mainContributor,
    amountFen: amounts[i]!,
  }));
  return {
    columns: {
      route: input.route,
      profitYear: input.profitYear ?? null,
      implementationYears: input.implementationYears ?? null,
      achievementId: input.achievementId ?? null,
      receipts: input.receipts,
      costs: input.costs,
      lines,
      inventorUserIds: [...new Set(lines.flatMap((l) => (l.userId ? [l.userId] : [])))],
      attachments: input.attachments,
      grossIncomeFen,
      costsFen,
      netIncomeFen: net,
      floorBp,
      floorSource: rule.source,
      teamShareBp: teamBp,
      organizationRule: input.organizationRule ?? null,
      mainContributorsMinBp: minBp,
      teamShareFen: split.teamShareFen,
    },
    problems,
  };
}

/** Problems that keep a stored distribution from being submitted. */
export function problemsOf(row: DistributionRow) {
  return derive(inputOf(row), row.regionCode, row.lines).problems;
}

export function inputOf(row: DistributionRow): DistributionInput {
  return {
    sourceKind: row.sourceKind as 'deal' | 'contract',
    sourceId: row.sourceId,
    route: row.route as DistributionInput['route'],
    profitYear: row.profitYear,
    implementationYears: row.implementationYears,
    achievementId: row.achievementId,
    receipts: row.receipts,
    costs: row.costs,
    organizationSharePct: row.teamShareBp !== row.floorBp ? row.teamShareBp / 100 : null,
    mainContributorsMinPct: row.mainContributorsMinBp != null ? row.mainContributorsMinBp / 100 : null,
    organizationRule: row.organizationRule,
    inventors: row.lines.map((l) => ({
      name: l.name,
      userId: l.userId,
      contributionPct: l.contributionBp / 100,
      mainContributor: l.mainContributor,
    })),
    attachments: row.attachments,
  };
}

export async function createDistribution(opts: { db: Db; actor: Actor; input: DistributionInput }) {
  requirePermission(opts.actor, 'distribution:manage');
  const source = await resolveSource(opts.db, opts.actor, opts.input);
  const org = await findOrganization(opts.db, source.organizationId);
  if (!org || org.status !== 'active') throw AppError.forbidden('The organisation is not active');
  const { columns } = derive(opts.input, org.regionCode);
  const now = clock.now();
  const row = {
    id: newId(),
    organizationId: org.id,
    sourceKind: opts.input.sourceKind,
    sourceId: opts.input.sourceId,
    sourceTitle: source.title,
    regionCode: org.regionCode,
    status: 'draft' as DistributionStatus,
    ...columns,
    createdBy: opts.actor.userId,
    createdAt: now,
    updatedAt: now,
  };
  await opts.db.transaction(async (tx) => {
    await refuseDoubleDistribution(tx, source.income, opts.input.receipts);
    await tx.insert(incomeDistributions).values(row);
    await writeAudit(tx, opts.actor, {
      action: 'income_distribution.create',
      entity: 'income_distribution',
      entityId: row.id,
      organizationId: org.id,
      after: row,
    });
  });
  return row.id;
}

async function lockForStaff(tx: Tx, actor: Actor, id: string) {
  const [row] = await tx.select().from(incomeDistributions).where(eq(incomeDistributions.id, id)).for('update');
  if (!row || (partiesOf(actor, row).length === 0 && !isInventor(actor, row))) throw AppError.notFound('Income distribution');
  return row;
}

export async function updateDistribution(opts: { db: Db; actor: Actor; id: string; input: DistributionInput }) {
  requirePermission(opts.actor, 'distribution:manage');
  const current = await getDistribution(opts);
  const source = await resolveSource(opts.db, opts.actor, {
    sourceKind: current.sourceKind as 'deal' | 'contract',
    sourceId: current.sourceId,
  });
  await opts.db.transaction(async (tx) => {
    const row = await lockForStaff(tx, opts.actor, opts.id);
    if (!partiesOf(opts.actor, row).includes('staff')) throw AppError.forbidden('Only the organisation’s TTO staff edit a distribution');
    if (!EDITABLE.includes(row.status as DistributionStatus)) throw AppError.conflict(`A ${row.status} distribution cannot be edited`);
    if (opts.input.sourceKind !== row.sourceKind || opts.input.sourceId !== row.sourceId)
      throw AppError.validation('body.sourceId', 'the source of a distribution cannot change; cancel it and start another');
    const { columns } = derive(opts.input, row.regionCode, row.lines);
    await refuseDoubleDistribution(tx, source.income, opts.input.receipts, row.id);
    await tx
      .update(incomeDistributions)
      .set({ ...columns, updatedAt: clock.now() })
      .where(eq(incomeDistributions.id, row.id));
    await writeAudit(tx, opts.actor, {
      action: 'income_distribution.update',
      entity: 'income_distribution',
      entityId: row.id,
      organizationId: row.organizationId,
      before: { ...row },
      after: { ...row, ...columns },
    });
  });
}

export async function getDistribution(opts: { db: DbOrTx; actor: Actor; id: string }) {
  requireUser(opts.actor);
  const [row] = await opts.db.select().from(incomeDistributions).where(eq(incomeDistributions.id, opts.id));
  if (!row || (partiesOf(opts.actor, row).length === 0 && !isInventor(opts.actor, row))) throw AppError.notFound('Income distribution');
  return row;
}

/** The distributions of the caller's organisations (TTO staff), and those naming the caller as inventor. */
export async function listDistributions(opts: { db: Db; actor: Actor; status?: DistributionStatus }) {
  requireUser(opts.actor);
  const orgs = [...new Set([...staffOrganizations(opts.actor), ...approverOrganizations(opts.actor)])];
  const mine = sql`${incomeDistributions.inventorUserIds} @> ${JSON.stringify([opts.actor.userId])}::jsonb`;
  return opts.db
    .select()
    .from(incomeDistributions)
    .where(
      and(
        orgs.length ? or(inArray(incomeDistributions.organizationId, orgs), mine) : mine,
        opts.status ? eq(incomeDistributions.status, opts.status) : undefined,
      ),
    )
    .orderBy(desc(incomeDistributions.createdAt))
    .limit(200);
}

export async function transitionDistribution(opts: {
  db: Db;
  actor: Actor;
  id: string;
  action: DistributionTransition;
  reason?: string;
  reference?: string;
  paidOn?: string;
}) {
  requireUser(opts.actor);
  const t = DISTRIBUTION_TRANSITION_TABLE[opts.action];
  await opts.db.transaction(async (tx) => {
    const row = await lockForStaff(tx, opts.actor, opts.id);
    const parties = partiesOf(opts.actor, row);
    if (!parties.includes(t.by))
      throw AppError.forbidden(`Only the organisation’s ${t.by === 'staff' ? 'TTO staff' : 'approver'} may ${opts.action} a distribution`);
    const status = row.status as DistributionStatus;
    if (!t.from.includes(status)) throw AppError.conflict(`Cannot ${opts.action} a distribution that is ${status}`);
    const now = clock.now();
    const patch: Partial<DistributionRow> = { status: t.to, updatedAt: now };
    if (opts.action === 'submit') {
      const problems = problemsOf(row);
      if (problems.length) throw new AppError('validation_failed', problems.map((p) => p.message).join('; '), { fields: problems });
      patch.submittedBy = opts.actor.userId;
      patch.returnReason = null;
    } else if (opts.action === 'return') {
      if (!opts.reason) throw AppError.validation('body.reason', 'say why it goes back');
      patch.returnReason = opts.reason;
    } else if (opts.action === 'approve') {
      // 制单与审核分离: whoever made or submitted it cannot approve it.
      if (opts.actor.userId === row.createdBy || opts.actor.userId === row.submittedBy)
        throw AppError.forbidden('The maker of a distribution cannot approve it (maker ≠ checker)');
      patch.approvedBy = opts.actor.userId;
      patch.approvedAt = now;
    } else if (opts.action === 'pay') {
      if (!opts.reference) throw AppError.validation('body.reference', 'give the payment or payroll reference');
      patch.paymentReference = opts.reference;
      patch.paidAt = opts.paidOn ? startOfLocalDate(opts.paidOn) : now;
      if (opts.paidOn && opts.paidOn > localDateOf(now)) throw AppError.validation('body.paidOn', 'must not be in the future');
    }
    await tx.update(incomeDistributions).set(patch).where(eq(incomeDistributions.id, row.id));
    await writeAudit(tx, opts.actor, {
      action: `income_distribution.${opts.action}`,
      entity: 'income_distribution',
      entityId: row.id,
      organizationId: row.organizationId,
      before: { status },
      after: { ...patch, reason: opts.reason ?? null },
    });
    if (opts.action === 'pay' && row.inventorUserIds.length)
      await notify(tx, {
        userIds: row.inventorUserIds,
        kind: 'distribution_paid',
        title: `「${row.sourceTitle}」成果转化奖励已发放`,
        link: `/workspace/distributions/${row.id}`,
      });
    if (opts.action === 'submit')
      await notify(tx, {
        organizationId: row.organizationId,
        exceptUserIds: [opts.actor.userId],
        kind: 'distribution_submitted',
        title: `「${row.sourceTitle}」收益分配方案待审批`,
        link: `/workspace/distributions/${row.id}`,
        needsAction: true,
      });
  });
}

/** What the caller may do now (the UI shows exactly these). */
export function distributionActions(actor: Actor, row: DistributionRow): Array<'edit' | DistributionTransition> {
  const parties = partiesOf(actor, row);
  const status = row.status as DistributionStatus;
  const out: Array<'edit' | DistributionTransition> = [];
  if (parties.includes('staff') && EDITABLE.includes(status)) out.push('edit');
  for (const name of DISTRIBUTION_TRANSITIONS) {
    const t = DISTRIBUTION_TRANSITION_TABLE[name];
    if (!t.from.includes(status) || !parties.includes(t.by)) continue;
    if (name === 'approve' && (actor.userId === row.createdBy || actor.userId === row.submittedBy)) continue;
    out.push(name);
  }
  return out;
}

export interface DistributionSummary {
  /** Paid to the team in cash (transfer, licence, self-implementation), fen. */
  cashFen: number;
  /** Awarded to the team as shares (作价投资), valued in fen. */
  equityFen: number;
  /** 人次: payout lines with an amount above zero. */
  persons: number;
  byMode: Record<string, { distributions: number; netIncomeFen: number; teamShareFen: number; persons: number }>;
}

/**
 * For the annual report (C9): the organisation's distributions paid in a calendar year (Beijing
 * time), by form and mode. Reads paid distributions only.
 */
export async function distributionSummary(db: DbOrTx, organizationId: string, year: number): Promise<DistributionSummary> {
  const from = startOfLocalDate(`${year}-01-01`);
  const to = startOfLocalDate(`${year + 1}-01-01`);
  const rows = await db
    .select()
    .from(incomeDistributions)
    .where(
      and(
        eq(incomeDistributions.organizationId, organizationId),
        eq(incomeDistributions.status, 'paid'),
        sql`${incomeDistributions.paidAt} >= ${from} AND ${incomeDistributions.paidAt} < ${to}`,
      ),
    );
  const out: DistributionSummary = { cashFen: 0, equityFen: 0, persons: 0, byMode: {} };
  for (const r of rows) {
    const persons = r.lines.filter((l) => l.amountFen > 0).length;
    if (ROUTE_FORM[r.route as keyof typeof ROUTE_FORM] === 'equity') out.equityFen += r.teamShareFen;
    else out.cashFen += r.teamShareFen;
    out.persons += persons;
    const m = (out.byMode[r.route] ??= { distributions: 0, netIncomeFen: 0, teamShareFen: 0, persons: 0 });
    m.distributions += 1;
    m.netIncomeFen += r.netIncomeFen;
    m.teamShareFen += r.teamShareFen;
    m.persons += persons;
  }
  return out;
}
