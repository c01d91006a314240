import { and, asc, desc, eq, inArray, like, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  ApplicationInput,
  ApplicationsQuery,
  ApplicationStatus,
  ApplicationTransition,
  PaymentInput,
  ProgrammeInput,
  TransitionInput,
} from '../../../common/api/subsidies.js';
import { scheduleProblems } from '../../../common/subsidies.js';
import type { Db, DbOrTx, Tx } from '../../db/client.js';
import { governedRegionPaths, isPlatformAdmin, requirePermission, requireUser, type Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { addWorkingDays, localDateOf } from '../../lib/calendar.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { notify } from '../alerts/notify.js';
import { registeredContractsOf } from '../contracts/lookups.js';
import { findRegion, findRegions, regionsJoinable } from '../organizations/repository.js';
import { isMemberOf, officerCovers, organizationWithRegion, speakingFor } from './access.js';
import { computeEstimate, type ProgrammeRow } from './estimate.js';
import { activeIntegrityPenalty } from './integrity.js';
import { APPLICATION_TRANSITION_TABLE, LIVE, transitionAllowed, type Party } from './lifecycle.js';
import { drawReviewPanel, reviewPanelOf } from './panel.js';
import { subsidyApplications, subsidyContractPayments, subsidyProgrammes } from './schema.js';

export type ApplicationRow = typeof subsidyApplications.$inferSelect;

const today = () => localDateOf(clock.now());
const link = (id: string) => `/workspace/subsidies/applications/${id}`;

// ── Programmes ───────────────────────────────────────────────────────────────

export async function listProgrammes(opts: { db: DbOrTx }): Promise<ProgrammeRow[]> {
  return opts.db.select().from(subsidyProgrammes).orderBy(desc(subsidyProgrammes.year), desc(subsidyProgrammes.opensOn));
}

export async function getProgramme(opts: { db: DbOrTx; id: string }): Promise<ProgrammeRow> {
  const [row] = await opts.db.select().from(subsidyProgrammes).where(eq(subsidyProgrammes.id, opts.id));
  if (!row) throw AppError.notFound('Subsidy programme');
  return row;
}

export async function createProgramme(opts: { db: Db; actor: Actor; input: ProgrammeInput }): Promise<string> {
  requirePermission(opts.actor, 'subsidy:administer');
  const { input } = opts;
  const region = await findRegion(opts.db, input.regionCode);
  if (!region) throw AppError.validation('body.regionCode', 'is not a known region');
  if (!officerCovers(opts.actor, region.path)) throw AppError.forbidden('The programme’s region is outside yours');
  if (input.buyerRegionCode && !(await findRegion(opts.db, input.buyerRegionCode)))
    throw AppError.validation('body.buyerRegionCode', 'is not a known region');
  const problems = scheduleProblems(input.schedule, { broker: input.applicantRoles.includes('broker') });
  if (problems.length > 0)
    throw new AppError('validation_failed', problems.map(([p, m]) => `${p}: ${m}`).join('; '), {
      fields: problems.map(([p, m]) => ({ field: `body.schedule.${p}`, message: m })),
    });
  if (input.closesOn < input.opensOn) throw AppError.validation('body.closesOn', 'must not be before opensOn');
  const now = clock.now();
  const row = { id: newId(), ...input, createdBy: opts.actor.userId, createdAt: now, updatedAt: now };
  await opts.db.transaction(async (tx) => {
    await tx.insert(subsidyProgrammes).values(row);
    await writeAudit(tx, opts.actor, { action: 'subsidy_programme.create', entity: 'subsidy_programme', entityId: row.id, after: row });
  });
  return row.id;
}

// ── Estimate ─────────────────────────────────────────────────────────────────

/** The organisation's own members and the officers over it (or platform admins) may see its estimate. */
export async function estimateSubsidy(opts: {
  db: Db;
  actor: Actor;
  programmeId: string;
  organizationId: string;
  assumeFullyPaid: boolean;
}) {
  requireUser(opts.actor);
  const programme = await getProgramme({ db: opts.db, id: opts.programmeId });
  const found = await organizationWithRegion(opts.db, opts.organizationId);
  if (!found) throw AppError.notFound('Organization');
  if (!isMemberOf(opts.actor, found.org.id) && !officerCovers(opts.actor, found.regionPath))
    throw AppError.forbidden('Only the organisation’s members and the government officers over it see its estimate');
  return computeEstimate(opts.db, programme, found.org, { assumeFullyPaid: opts.assumeFullyPaid });
}

// ── Payment evidence ─────────────────────────────────────────────────────────

export async function recordContractPayment(opts: { db: Db; actor: Actor; input: z.infer<typeof PaymentInput> }): Promise<string> {
  requirePermission(opts.actor, 'subsidy:apply');
  const orgId = speakingFor(opts.actor, opts.input.organizationId);
  const [contract] = await registeredContractsOf(opts.db, {
    organizationId: orgId,
    roles: ['seller', 'buyer', 'intermediary'],
    ids: [opts.input.contractId],
  });
  if (!contract) throw AppError.notFound('Registered contract of your organisation');
  const row = { id: newId(), ...opts.input, organizationId: orgId, recordedBy: opts.actor.userId, createdAt: clock.now() };
  await opts.db.transaction(async (tx) => {
    const [{ paid }] = (await tx
      .select({ paid: sql<string>`coalesce(sum(${subsidyContractPayments.amountFen}), 0)` })
      .from(subsidyContractPayments)
      .where(eq(subsidyContractPayments.contractId, contract.id))) as [{ paid: string }];
    if (Number(paid) + row.amountFen > contract.contractAmountFen)
      throw AppError.validation('body.amountFen', `payments would exceed the registered contract amount`);
    const [dup] = await tx
      .select({ id: subsidyContractPayments.id })
      .from(subsidyContractPayments)
      .where(and(eq(subsidyContractPayments.contractId, contract.id), eq(subsidyContractPayments.invoiceNo, row.invoiceNo)));
    if (dup)
      throw new AppError('conflict', 'This invoice is already recorded', {
        fields: [{ field: 'body.invoiceNo', message: 'is already recorded' }],
      });
    await tx.insert(subsidyContractPayments).values(row);
    await writeAudit(tx, opts.actor, {
      action: 'subsidy_payment.record',
      entity: 'subsidy_contract_payment',
      entityId: row.id,
      organizationId: orgId,
      after: row,
    });
  });
  return row.id;
}

// ── Applications ─────────────────────────────────────────────────────────────

async function refuseBlocked(db: DbOrTx, organizationId: string) {
  const penalty = await activeIntegrityPenalty(db, organizationId);
  if (penalty) throw AppError.forbidden(`The organisation is under an integrity penalty: ${penalty.reason}`);
}

function refuseOutsideWindow(p: ProgrammeRow) {
  const day = today();
  if (day < p.opensOn || day > p.closesOn)
    throw AppError.conflict(`The programme accepts applications from ${p.opensOn} to ${p.closesOn} (today is ${day})`);
}

export async function createApplication(opts: { db: Db; actor: Actor; input: z.infer<typeof ApplicationInput> }): Promise<string> {
  requirePermission(opts.actor, 'subsidy:apply');
  const orgId = speakingFor(opts.actor, opts.input.organizationId);
  const programme = await getProgramme({ db: opts.db, id: opts.input.programmeId });
  const found = (await organizationWithRegion(opts.db, orgId))!;
  if (found.org.status !== 'active') throw AppError.forbidden('The organisation is not active');
  refuseOutsideWindow(programme);
  await refuseBlocked(opts.db, orgId);
  const id = newId();
  await opts.db.transaction(async (tx) => {
    const [live] = await tx
      .select({ id: subsidyApplications.id })
      .from(subsidyApplications)
      .where(
        and(
          eq(subsidyApplications.programmeId, programme.id),
          eq(subsidyApplications.organizationId, orgId),
          inArray(subsidyApplications.status, [...LIVE]),
        ),
      )
      .for('update');
    if (live)
      throw new AppError('conflict', `Your organisation already applied to this programme (application ${live.id})`, {
        fields: [{ field: 'body.programmeId', message: 'already has an application from your organisation' }],
      });
    const estimate = await computeEstimate(tx, programme, found.org);
    if (estimate.blocked.length > 0) throw AppError.forbidden(estimate.blocked.join('; '));
    if (estimate.eligibleContracts === 0 || estimate.amountFen === 0)
      throw AppError.validation('body.programmeId', 'your organisation has no eligible registered contracts (see the estimate)');
    const now = clock.now();
    const row = {
      id,
      programmeId: programme.id,
      organizationId: orgId,
      regionCode: found.org.regionCode,
      status: 'submitted' as ApplicationStatus,
      contractIds: estimate.contracts.filter((c) => c.eligible).map((c) => c.contractId),
      lines: estimate.lines,
      baseFen: estimate.baseFen,
      requestedFen: estimate.amountFen,
      note: opts.input.note ?? null,
      submittedAt: now,
      createdBy: opts.actor.userId,
      createdAt: now,
      updatedAt: now,
    };
    await tx.insert(subsidyApplications).values(row);
    await writeAudit(tx, opts.actor, {
      action: 'subsidy_application.submit',
      entity: 'subsidy_application',
      entityId: id,
      organizationId: orgId,
      after: row,
    });
  });
  return id;
}

/** Who the actor is on this application, or null (then it is invisible: 404). */
export async function partyOf(db: DbOrTx, actor: Actor, row: ApplicationRow): Promise<Party | null> {
  if (isMemberOf(actor, row.organizationId)) return 'applicant';
  const region = await findRegion(db, row.regionCode);
  if (officerCovers(actor, region?.path ?? `/${row.regionCode}/`)) return 'officer';
  return null;
}

export async function getApplication(opts: { db: DbOrTx; actor: Actor; id: string }) {
  requireUser(opts.actor);
  const [row] = await opts.db.select().from(subsidyApplications).where(eq(subsidyApplications.id, opts.id));
  const party = row ? await partyOf(opts.db, opts.actor, row) : null;
  if (!row || !party) throw AppError.notFound('Subsidy application');
  // The experts' names and sheets are the officers'; the applicant learns the mean once the review completes.
  const panel = party === 'officer' ? await reviewPanelOf(opts.db, row.id) : null;
  return { row, party, panel };
}

export async function listMyApplications(opts: { db: DbOrTx; actor: Actor }) {
  requireUser(opts.actor);
  const mine = opts.actor.grants
    .filter((g) => g.organizationId && ['org_member', 'org_admin', 'broker'].includes(g.role))
    .map((g) => g.organizationId!);
  if (mine.length === 0) return [];
  return opts.db
    .select()
    .from(subsidyApplications)
    .where(inArray(subsidyApplications.organizationId, mine))
    .orderBy(desc(subsidyApplications.submittedAt));
}

/** The officer's queue: applications from organisations in their region subtree (all for a platform admin). */
export async function listApplications(opts: { db: DbOrTx; actor: Actor; query: z.infer<typeof ApplicationsQuery> }) {
  requirePermission(opts.actor, 'subsidy:administer');
  const paths = governedRegionPaths(opts.actor);
  if (!isPlatformAdmin(opts.actor) && paths.length === 0) return [];
  const region = regionsJoinable('application_region');
  const rows = await opts.db
    .select({ row: subsidyApplications })
    .from(subsidyApplications)
    .innerJoin(region, eq(region.code, subsidyApplications.regionCode))
    .where(
      and(
        isPlatformAdmin(opts.actor) ? undefined : or(...paths.map((p) => like(region.path, `${p}%`))),
        opts.query.status ? eq(subsidyApplications.status, opts.query.status) : undefined,
        opts.query.programmeId ? eq(subsidyApplications.programmeId, opts.query.programmeId) : undefined,
      ),
    )
    .orderBy(asc(subsidyApplications.submittedAt))
    .limit(opts.query.limit);
  return rows.map((r) => r.row);
}

async function lockVisible(tx: Tx, actor: Actor, id: string) {
  const [row] = await tx.select().from(subsidyApplications).where(eq(subsidyApplications.id, id)).for('update');
  const party = row ? await partyOf(tx, actor, row) : null;
  if (!row || !party) throw AppError.notFound('Subsidy application');
  return { row, party };
}

const need = (value: unknown, field: string, message = 'is required') => {
  if (value === undefined || value === null || value === '') throw AppError.validation(field, message);
};

export async function transitionApplication(opts: { db: Db; actor: Actor; id: string; input: TransitionInput }) {
  requireUser(opts.actor);
  const { input } = opts;
  const t = APPLICATION_TRANSITION_TABLE[input.action];
  await opts.db.transaction(async (tx) => {
    const { row, party } = await lockVisible(tx, opts.actor, opts.id);
    const status = row.status as ApplicationStatus;
    if (t.by !== party) throw AppError.forbidden(`The ${party} may not ${input.action} this application`);
    if (party === 'applicant') requirePermission(opts.actor, 'subsidy:apply');
    if (!transitionAllowed(input.action, status, party)) throw AppError.conflict(`Cannot ${input.action} an application that is ${status}`);
    const programme = await getProgramme({ db: tx, id: row.programmeId });
    const now = clock.now();
    const day = today();
    const patch: Partial<ApplicationRow> = { status: t.to, updatedAt: now };
    let panelId: string | null = null;
    switch (input.action) {
      case 'resubmit': {
        refuseOutsideWindow(programme);
        await refuseBlocked(tx, row.organizationId);
        const org = (await organizationWithRegion(tx, row.organizationId))!.org;
        const estimate = await computeEstimate(tx, programme, org, { exceptApplicationId: row.id });
        if (estimate.amountFen === 0) throw AppError.conflict('No eligible registered contracts remain (see the estimate)');
        Object.assign(patch, {
          contractIds: estimate.contracts.filter((c) => c.eligible).map((c) => c.contractId),
          lines: estimate.lines,
          baseFen: estimate.baseFen,
          requestedFen: estimate.amountFen,
          note: input.note ?? row.note,
          submittedAt: now,
        });
        break;
      }
      case 'return':
      case 'reject':
        need(input.note, 'body.note', 'say what to correct or why');
        patch.officerNote = input.note!;
        break;
      case 'pass_check': {
        // The expert review is a panel drawn on the shared engine, conflicts of interest excluded.
        const org = (await organizationWithRegion(tx, row.organizationId))!.org;
        panelId = (
          await drawReviewPanel(
            tx,
            opts.actor,
            { id: row.id, organizationId: row.organizationId, contractIds: row.contractIds, title: `「${programme.name}」${org.name}申报` },
            programme.minReviewers,
          )
        ).panelId;
        break;
      }
      case 'complete_review': {
        const panel = await reviewPanelOf(tx, row.id);
        if (!panel?.complete)
          throw AppError.conflict(
            `The expert panel has not finished scoring (${panel?.scored ?? 0} of ${panel?.size ?? programme.minReviewers} sheets in)`,
          );
        patch.reviewMean = panel.mean;
        break;
      }
      case 'approve': {
        need(input.meetingOn, 'body.meetingOn', 'the date of the approval meeting is required');
        const approved = input.approvedFen ?? row.requestedFen;
        if (approved > row.requestedFen) throw AppError.validation('body.approvedFen', 'must not exceed the computed amount');
        await refuseBlocked(tx, row.organizationId);
        Object.assign(patch, { meetingOn: input.meetingOn, approvedFen: approved, officerNote: input.note ?? row.officerNote });
        break;
      }
      case 'publish_notice':
        Object.assign(patch, { noticeFrom: day, noticeUntil: addWorkingDays(day, programme.noticeWorkingDays) });
        break;
      case 'record_payment': {
        if (row.noticeUntil && day <= row.noticeUntil)
          throw AppError.conflict(`The public notice runs until ${row.noticeUntil}; payment is recorded after it`);
        need(input.paymentReference, 'body.paymentReference', 'the payment voucher number is required');
        const paidFen = input.paidFen ?? row.approvedFen!;
        if (paidFen > row.approvedFen!) throw AppError.validation('body.paidFen', 'must not exceed the approved amount');
        await refuseBlocked(tx, row.organizationId);
        Object.assign(patch, { paidFen, paidOn: input.paidOn ?? day, paymentReference: input.paymentReference });
        break;
      }
      default:
        break;
    }
    await tx.update(subsidyApplications).set(patch).where(eq(subsidyApplications.id, row.id));
    await writeAudit(tx, opts.actor, {
      action: `subsidy_application.${input.action}`,
      entity: 'subsidy_application',
      entityId: row.id,
      organizationId: row.organizationId,
      before: { status },
      after: { ...patch, note: input.note ?? null, ...(panelId ? { panelId } : {}) },
    });
    if (party === 'officer') {
      await notify(tx, {
        organizationId: row.organizationId,
        kind: `subsidy_${input.action}`,
        title: `「${programme.name}」申报：${STATUS_NOTICE[t.to] ?? t.to}`,
        body: input.note ?? null,
        link: link(row.id),
        needsAction: input.action === 'return',
      });
    }
  });
}

const STATUS_NOTICE: Partial<Record<ApplicationStatus, string>> = {
  returned: '退回补正',
  in_review: '形式审查通过，进入专家评审',
  reviewed: '专家评审完成',
  approved: '审定通过',
  rejected: '未获支持',
  noticed: '进入公示',
  paid: '补助已拨付',
};

export function applicationActions(row: ApplicationRow, party: Party): ApplicationTransition[] {
  return (Object.keys(APPLICATION_TRANSITION_TABLE) as ApplicationTransition[]).filter((name) =>
    transitionAllowed(name, row.status as ApplicationStatus, party),
  );
}

// ── Totals ───────────────────────────────────────────────────────────────────

/** Per programme and per district (the applicant's district): counts and amounts requested, approved, paid. */
export async function programmeTotals(opts: { db: DbOrTx; actor: Actor; programmeId: string }) {
  requirePermission(opts.actor, 'subsidy:administer');
  await getProgramme({ db: opts.db, id: opts.programmeId });
  const district = sql<string>`left(${subsidyApplications.regionCode}, 6)`;
  const rows = await opts.db
    .select({
      regionCode: district,
      applications: sql<string>`count(*)`,
      requestedFen: sql<string>`coalesce(sum(${subsidyApplications.requestedFen}), 0)`,
      approvedFen: sql<string>`coalesce(sum(${subsidyApplications.approvedFen}) FILTER (WHERE ${subsidyApplications.status} IN ('approved','noticed','paid')), 0)`,
      paidFen: sql<string>`coalesce(sum(${subsidyApplications.paidFen}), 0)`,
    })
    .from(subsidyApplications)
    .where(and(eq(subsidyApplications.programmeId, opts.programmeId), inArray(subsidyApplications.status, [...LIVE])))
    .groupBy(district)
    .orderBy(district);
  const names = new Map(
    (
      await findRegions(
        opts.db,
        rows.map((r) => r.regionCode),
      )
    ).map((r) => [r.code, r.name]),
  );
  const districts = rows.map((r) => ({
    regionCode: r.regionCode,
    regionName: names.get(r.regionCode) ?? r.regionCode,
    applications: Number(r.applications),
    requestedFen: Number(r.requestedFen),
    approvedFen: Number(r.approvedFen),
    paidFen: Number(r.paidFen),
  }));
  const sum = (k: 'applications' | 'requestedFen' | 'approvedFen' | 'paidFen') => districts.reduce((s, d) => s + d[k], 0);
  return {
    programmeId: opts.programmeId,
    applications: sum('applications'),
    requestedFen: sum('requestedFen'),
    approvedFen: sum('approvedFen'),
    paidFen: sum('paidFen'),
    districts,
  };
}
