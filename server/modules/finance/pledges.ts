import { desc, eq, inArray, or } from 'drizzle-orm';
import type { z } from 'zod';
import type { PledgeLoanInput, PledgeLoanView, PledgeStatus, PledgeTransition } from '../../../common/api/finance.js';
import { parsePatentNumber } from '../../../common/patent-number.js';
import type { Db, DbOrTx, Tx } from '../../db/client.js';
import { organizationIdsOf, requirePermission, requireUser, type Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { localDateOf } from '../../lib/calendar.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { notify } from '../alerts/notify.js';
import { organizationsByIds } from '../organizations/lookups.js';
import { findOrganization } from '../organizations/repository.js';
import { PLEDGE_TRANSITION_TABLE, pledgeTransitionAllowed, type PledgeSide } from './lifecycle.js';
import { pledgeLoans } from './schema.js';

export type PledgeRow = typeof pledgeLoans.$inferSelect;
const SPEAKERS = ['org_member', 'org_admin', 'broker'] as const;
const link = (id: string) => `/finance/pledges/${id}`;
const PATENT_PROBLEMS = {
  format: 'is not a patent application number',
  type: 'has an unknown type digit',
  check_character: 'has a wrong check character',
};

function sideOf(actor: Actor, row: PledgeRow): PledgeSide | null {
  const orgs = organizationIdsOf(actor, [...SPEAKERS]);
  if (orgs.includes(row.bankOrganizationId)) return 'bank';
  if (orgs.includes(row.applicantOrganizationId)) return 'applicant';
  return null;
}

/** An enterprise applies to a bank (a financial_institution) with valid, validated patents and a valuation report. */
export async function applyForPledgeLoan(opts: { db: Db; actor: Actor; input: z.infer<typeof PledgeLoanInput> }): Promise<string> {
  requirePermission(opts.actor, 'finance:participate');
  const { input } = opts;
  const orgs = organizationIdsOf(opts.actor, [...SPEAKERS]);
  const orgId = input.organizationId ?? (orgs.length === 1 ? orgs[0] : undefined);
  if (!orgId) throw AppError.validation('body.organizationId', 'name the organisation you speak for');
  if (!orgs.includes(orgId)) throw AppError.forbidden('You can only apply for your own organisation');
  const applicant = await findOrganization(opts.db, orgId);
  if (!applicant || applicant.status !== 'active') throw AppError.forbidden('The organisation is not active');
  const bank = await findOrganization(opts.db, input.bankOrganizationId);
  if (!bank || bank.type !== 'financial_institution' || bank.status !== 'active')
    throw AppError.validation('body.bankOrganizationId', 'is not an active financial institution');
  const patents = input.patents.map((p, i) => {
    const parsed = parsePatentNumber(p.number);
    if (typeof parsed === 'string') throw AppError.validation(`body.patents.${i}.number`, PATENT_PROBLEMS[parsed]);
    if (p.legalStatus !== 'valid')
      throw AppError.validation(`body.patents.${i}.legalStatus`, 'only a patent in force (有效) may be pledged');
    return { ...p, number: parsed.normalised };
  });
  const dup = patents.findIndex((p, i) => patents.findIndex((q) => q.number === p.number) !== i);
  if (dup >= 0) throw AppError.validation(`body.patents.${dup}.number`, 'is listed twice');
  const now = clock.now();
  const row = {
    id: newId(),
    applicantOrganizationId: orgId,
    bankOrganizationId: bank.id,
    amountFen: input.amountFen,
    termMonths: input.termMonths,
    purpose: input.purpose,
    patents,
    valuation: input.valuation,
    status: 'submitted' as PledgeStatus,
    createdBy: opts.actor.userId,
    createdAt: now,
    updatedAt: now,
  };
  await opts.db.transaction(async (tx) => {
    await tx.insert(pledgeLoans).values(row);
    await writeAudit(tx, opts.actor, {
      action: 'pledge_loan.apply',
      entity: 'pledge_loan',
      entityId: row.id,
      organizationId: orgId,
      after: row,
    });
    await notify(tx, {
      organizationId: bank.id,
      kind: 'pledge_loan_new',
      title: `${applicant.name} 申请知识产权质押贷款`,
      body: `${patents.length} 件专利，评估价值见报告`,
      link: link(row.id),
      needsAction: true,
    });
  });
  return row.id;
}

export async function getPledgeLoan(opts: { db: DbOrTx; actor: Actor; id: string }) {
  requireUser(opts.actor);
  const [row] = await opts.db.select().from(pledgeLoans).where(eq(pledgeLoans.id, opts.id));
  const side = row ? sideOf(opts.actor, row) : null;
  if (!row || !side) throw AppError.notFound('Pledge loan');
  return { row, side };
}

export async function listMyPledgeLoans(opts: { db: DbOrTx; actor: Actor }) {
  requireUser(opts.actor);
  const orgs = organizationIdsOf(opts.actor, [...SPEAKERS]);
  if (orgs.length === 0) return [];
  const rows = await opts.db
    .select()
    .from(pledgeLoans)
    .where(or(inArray(pledgeLoans.applicantOrganizationId, orgs), inArray(pledgeLoans.bankOrganizationId, orgs)))
    .orderBy(desc(pledgeLoans.createdAt));
  return rows.map((row) => ({ row, side: sideOf(opts.actor, row)! }));
}

const need = (v: unknown, field: string) => {
  if (v === undefined || v === null || v === '') throw AppError.validation(field, 'is required');
};

export async function transitionPledgeLoan(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: {
    action: PledgeTransition;
    note?: string;
    approvedFen?: number;
    rateBp?: number;
    pledgeRegistrationNo?: string;
    registeredOn?: string;
    pledgeUntil?: string;
    on?: string;
  };
}) {
  requirePermission(opts.actor, 'finance:participate');
  const { input } = opts;
  const t = PLEDGE_TRANSITION_TABLE[input.action];
  await opts.db.transaction(async (tx: Tx) => {
    const [row] = await tx.select().from(pledgeLoans).where(eq(pledgeLoans.id, opts.id)).for('update');
    const side = row ? sideOf(opts.actor, row) : null;
    if (!row || !side) throw AppError.notFound('Pledge loan');
    if (t.by !== side) throw AppError.forbidden(`The ${side} may not ${input.action} this loan`);
    const status = row.status as PledgeStatus;
    if (!pledgeTransitionAllowed(input.action, status, side)) throw AppError.conflict(`Cannot ${input.action} a loan that is ${status}`);
    const day = localDateOf(clock.now());
    const patch: Partial<PledgeRow> = { status: t.to, updatedAt: clock.now() };
    if (input.action === 'approve') {
      const approved = input.approvedFen ?? row.amountFen;
      if (approved > row.amountFen) throw AppError.validation('body.approvedFen', 'must not exceed the amount applied for');
      need(input.rateBp, 'body.rateBp');
      Object.assign(patch, { approvedFen: approved, rateBp: input.rateBp, decisionNote: input.note ?? null });
    } else if (input.action === 'decline') {
      need(input.note, 'body.note');
      patch.decisionNote = input.note!;
    } else if (input.action === 'register_pledge') {
      need(input.pledgeRegistrationNo, 'body.pledgeRegistrationNo');
      const orgs = await organizationsByIds(tx, [row.applicantOrganizationId, row.bankOrganizationId]);
      Object.assign(patch, {
        pledgeRegistrationNo: input.pledgeRegistrationNo,
        pledgor: orgs.get(row.applicantOrganizationId)?.name ?? '',
        pledgee: orgs.get(row.bankOrganizationId)?.name ?? '',
        pledgeRegisteredOn: input.registeredOn ?? day,
        pledgeUntil: input.pledgeUntil ?? null,
      });
    } else if (input.action === 'record_repayment') {
      patch.repaidOn = input.on ?? day;
    } else if (input.action === 'release') {
      patch.releasedOn = input.on ?? day;
    }
    await tx.update(pledgeLoans).set(patch).where(eq(pledgeLoans.id, row.id));
    await writeAudit(tx, opts.actor, {
      action: `pledge_loan.${input.action}`,
      entity: 'pledge_loan',
      entityId: row.id,
      organizationId: row.applicantOrganizationId,
      before: { status },
      after: patch,
    });
    await notify(tx, {
      organizationId: side === 'bank' ? row.applicantOrganizationId : row.bankOrganizationId,
      exceptUserIds: [opts.actor.userId],
      kind: `pledge_${input.action}`.slice(0, 32),
      title: `知识产权质押贷款：${{ approve: '已批准', decline: '未获批准', withdraw: '申请已撤回', register_pledge: '质押已登记', record_repayment: '已还款', release: '质押已解除' }[input.action]}`,
      body: input.note ?? null,
      link: link(row.id),
    });
  });
}

export async function presentPledges(db: DbOrTx, items: Array<{ row: PledgeRow; side: PledgeSide }>): Promise<PledgeLoanView[]> {
  const orgs = await organizationsByIds(
    db,
    items.flatMap((i) => [i.row.applicantOrganizationId, i.row.bankOrganizationId]),
  );
  return items.map(({ row, side }) => ({
    id: row.id,
    applicant: { id: row.applicantOrganizationId, name: orgs.get(row.applicantOrganizationId)?.name ?? '' },
    bank: { id: row.bankOrganizationId, name: orgs.get(row.bankOrganizationId)?.name ?? '' },
    amountFen: row.amountFen,
    termMonths: row.termMonths,
    purpose: row.purpose,
    patents: row.patents,
    valuation: row.valuation,
    status: row.status as PledgeStatus,
    approvedFen: row.approvedFen,
    rateBp: row.rateBp,
    decisionNote: row.decisionNote,
    pledge: row.pledgeRegistrationNo
      ? {
          registrationNo: row.pledgeRegistrationNo,
          pledgor: row.pledgor!,
          pledgee: row.pledgee!,
          registeredOn: row.pledgeRegisteredOn!,
          until: row.pledgeUntil,
        }
      : null,
    repaidOn: row.repaidOn,
    releasedOn: row.releasedOn,
    mySide: side,
    actions: (Object.keys(PLEDGE_TRANSITION_TABLE) as PledgeTransition[]).filter((n) =>
      pledgeTransitionAllowed(n, row.status as PledgeStatus, side),
    ),
    createdAt: row.createdAt.toISOString(),
  }));
}
