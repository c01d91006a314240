import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { FinancingRequestInput, FinancingRequestView, InterestInput, RequestsQuery } from '../../../common/api/finance.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { organizationIdsOf, requirePermission, requireUser, type Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { notify } from '../alerts/notify.js';
import { findPublishedRecord } from '../catalog/lookups.js';
import { userNames } from '../identity/members.js';
import { organizationsByIds } from '../organizations/lookups.js';
import { findOrganization } from '../organizations/repository.js';
import { INVESTOR_TYPES, getProfile } from './investors.js';
import {
  INTEREST_CONVERSING,
  INTEREST_TRANSITION_TABLE,
  REQUEST_TRANSITION_TABLE,
  type InterestSide,
  type InterestStatus,
  type InterestTransition,
  type RequestStatus,
} from './lifecycle.js';
import { smeQualifiedAmong } from './lookups.js';
import { scoreInvestorMatch } from './match.js';
import { financingInterests, financingMessages, financingRequests, investorProfiles, smeAssessments } from './schema.js';

export type RequestRow = typeof financingRequests.$inferSelect;
export type InterestRow = typeof financingInterests.$inferSelect;

const SPEAKERS = ['org_member', 'org_admin', 'broker'] as const;
const mine = (actor: Actor) => organizationIdsOf(actor, [...SPEAKERS]);
const requestLink = (id: string) => `/finance/requests/${id}`;

function speakFor(actor: Actor, named: string | undefined): string {
  const orgs = mine(actor);
  const id = named ?? (orgs.length === 1 ? orgs[0] : undefined);
  if (!id)
    throw AppError.validation('body.organizationId', orgs.length ? 'name the organisation you speak for' : 'you belong to no organisation');
  if (!orgs.includes(id)) throw AppError.forbidden('You can only act for your own organisation');
  return id;
}

export async function createFinancingRequest(opts: {
  db: Db;
  actor: Actor;
  input: z.infer<typeof FinancingRequestInput>;
}): Promise<string> {
  requirePermission(opts.actor, 'finance:participate');
  const { input } = opts;
  const orgId = speakFor(opts.actor, input.organizationId);
  const org = await findOrganization(opts.db, orgId);
  if (!org || org.status !== 'active') throw AppError.forbidden('The organisation is not active');
  if (INVESTOR_TYPES.includes(org.type))
    throw AppError.validation('body.organizationId', 'investors and banks do not post financing requests');
  if (input.instrument === 'debt' && input.equityOfferedBp !== null) throw AppError.validation('body.equityOfferedBp', 'only for equity');
  let achievementTitle: string | null = null;
  if (input.achievementId) {
    const rec = await findPublishedRecord(opts.db, opts.actor, 'achievement', input.achievementId);
    if (!rec || rec.organizationId !== orgId)
      throw AppError.validation('body.achievementId', 'is not a published achievement of your organisation');
    achievementTitle = rec.title;
  }
  const now = clock.now();
  const { organizationId: _o, ...fields } = input;
  void _o;
  const row = {
    id: newId(),
    organizationId: orgId,
    ...fields,
    regionCode: org.regionCode,
    achievementTitle,
    status: 'open' as RequestStatus,
    createdBy: opts.actor.userId,
    createdAt: now,
    updatedAt: now,
  };
  await opts.db.transaction(async (tx) => {
    await tx.insert(financingRequests).values(row);
    await writeAudit(tx, opts.actor, {
      action: 'financing_request.create',
      entity: 'financing_request',
      entityId: row.id,
      organizationId: orgId,
      after: row,
    });
  });
  return row.id;
}

/** Logged-in users see open (or the asked status) requests; `smeQualified` keeps those whose organisation passed that year. */
export async function listFinancingRequests(opts: { db: DbOrTx; actor: Actor; query: z.infer<typeof RequestsQuery> }) {
  requireUser(opts.actor);
  const q = opts.query;
  let rows = await opts.db
    .select()
    .from(financingRequests)
    .where(
      and(
        eq(financingRequests.status, q.status),
        q.stage ? eq(financingRequests.stage, q.stage) : undefined,
        q.instrument ? eq(financingRequests.instrument, q.instrument) : undefined,
      ),
    )
    .orderBy(desc(financingRequests.createdAt))
    .limit(200);
  if (q.smeQualified !== undefined) {
    const ok = await smeQualifiedAmong(
      opts.db,
      rows.map((r) => r.organizationId),
      q.smeQualified,
    );
    rows = rows.filter((r) => ok.has(r.organizationId));
  }
  return rows;
}

export async function getFinancingRequest(db: DbOrTx, id: string): Promise<RequestRow> {
  const [row] = await db.select().from(financingRequests).where(eq(financingRequests.id, id));
  if (!row) throw AppError.notFound('Financing request');
  return row;
}

export async function presentRequests(db: DbOrTx, actor: Actor, rows: RequestRow[], detail = false): Promise<FinancingRequestView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const interests = await db
    .select()
    .from(financingInterests)
    .where(inArray(financingInterests.requestId, ids))
    .orderBy(asc(financingInterests.createdAt));
  const qualified = await db
    .select({ organizationId: smeAssessments.organizationId, year: smeAssessments.year })
    .from(smeAssessments)
    .where(
      and(
        inArray(
          smeAssessments.organizationId,
          rows.map((r) => r.organizationId),
        ),
        eq(smeAssessments.qualified, true),
      ),
    );
  const orgs = await organizationsByIds(db, [...rows.map((r) => r.organizationId), ...interests.map((i) => i.investorOrganizationId)]);
  const my = mine(actor);
  const myInvestorOrgs = detail
    ? (
        await db
          .select({ id: investorProfiles.organizationId })
          .from(investorProfiles)
          .where(inArray(investorProfiles.organizationId, my.length ? my : ['00000000-0000-0000-0000-000000000000']))
      ).map((r) => r.id)
    : [];
  const profiles = detail ? await db.select().from(investorProfiles).where(eq(investorProfiles.published, true)) : [];
  return rows.map((r) => {
    const own = my.includes(r.organizationId);
    const its = interests.filter((i) => i.requestId === r.id);
    const visible = own ? its : its.filter((i) => my.includes(i.investorOrganizationId));
    const actions: FinancingRequestView['actions'] = [];
    if (r.status === 'open' && own) actions.push('fund', 'close');
    if (r.status === 'open' && myInvestorOrgs.some((o) => !its.some((i) => i.investorOrganizationId === o))) actions.push('interest');
    return {
      id: r.id,
      organization: { id: r.organizationId, name: orgs.get(r.organizationId)?.name ?? '' },
      title: r.title,
      summary: r.summary,
      amountFen: r.amountFen,
      use: r.use,
      stage: r.stage as FinancingRequestView['stage'],
      instrument: r.instrument as FinancingRequestView['instrument'],
      equityOfferedBp: r.equityOfferedBp,
      fieldCode: r.fieldCode,
      trl: r.trl,
      regionCode: r.regionCode,
      achievementId: r.achievementId,
      achievementTitle: r.achievementTitle,
      status: r.status as RequestStatus,
      smeQualifiedYears: qualified
        .filter((q) => q.organizationId === r.organizationId)
        .map((q) => q.year)
        .sort(),
      interestCount: its.length,
      mine: own,
      actions,
      interests: visible.map((i) => ({
        id: i.id,
        investor: { id: i.investorOrganizationId, name: orgs.get(i.investorOrganizationId)?.name ?? '' },
        amountFen: i.amountFen,
        status: i.status as InterestStatus,
        createdAt: i.createdAt.toISOString(),
      })),
      matchedInvestors:
        detail && own
          ? profiles
              .map((p) => ({
                kind: 'investor' as const,
                id: p.organizationId,
                title: orgs.get(p.organizationId)?.name ?? p.description.slice(0, 20),
                ...scoreInvestorMatch(p, r),
              }))
              .sort((x, y) => y.total - x.total)
              .slice(0, 10)
          : [],
      createdAt: r.createdAt.toISOString(),
    };
  });
}

export async function transitionFinancingRequest(opts: { db: Db; actor: Actor; id: string; action: 'fund' | 'close' }) {
  requirePermission(opts.actor, 'finance:participate');
  const t = REQUEST_TRANSITION_TABLE[opts.action];
  await opts.db.transaction(async (tx) => {
    const [row] = await tx.select().from(financingRequests).where(eq(financingRequests.id, opts.id)).for('update');
    if (!row) throw AppError.notFound('Financing request');
    if (!mine(opts.actor).includes(row.organizationId)) throw AppError.forbidden('Only the requesting organisation closes its request');
    if (!t.from.includes(row.status as RequestStatus)) throw AppError.conflict(`Cannot ${opts.action} a request that is ${row.status}`);
    await tx.update(financingRequests).set({ status: t.to, updatedAt: clock.now() }).where(eq(financingRequests.id, row.id));
    await writeAudit(tx, opts.actor, {
      action: `financing_request.${opts.action}`,
      entity: 'financing_request',
      entityId: row.id,
      organizationId: row.organizationId,
      before: { status: row.status },
      after: { status: t.to },
    });
  });
}

// ── Interests and their threads (our own messages: the inquiries module's thread is bound to catalog records) ──

export async function expressInterest(opts: {
  db: Db;
  actor: Actor;
  requestId: string;
  input: z.infer<typeof InterestInput>;
}): Promise<string> {
  requirePermission(opts.actor, 'finance:participate');
  const orgId = speakFor(opts.actor, opts.input.organizationId);
  if (!(await getProfile(opts.db, orgId))) throw AppError.validation('body.organizationId', 'has no investor profile');
  const id = newId();
  await opts.db.transaction(async (tx) => {
    const [req] = await tx.select().from(financingRequests).where(eq(financingRequests.id, opts.requestId)).for('update');
    if (!req) throw AppError.notFound('Financing request');
    if (req.status !== 'open') throw AppError.conflict(`The request is ${req.status}`);
    const [dup] = await tx
      .select({ id: financingInterests.id })
      .from(financingInterests)
      .where(and(eq(financingInterests.requestId, req.id), eq(financingInterests.investorOrganizationId, orgId)));
    if (dup)
      throw new AppError('conflict', 'Your organisation already expressed interest', {
        fields: [{ field: 'body.organizationId', message: 'already expressed interest' }],
      });
    const now = clock.now();
    const row = {
      id,
      requestId: req.id,
      investorOrganizationId: orgId,
      amountFen: opts.input.amountFen,
      status: 'expressed',
      createdBy: opts.actor.userId,
      createdAt: now,
      updatedAt: now,
    };
    await tx.insert(financingInterests).values(row);
    await tx.insert(financingMessages).values({
      id: newId(),
      interestId: id,
      authorUserId: opts.actor.userId!,
      side: 'investor',
      body: opts.input.message,
      createdAt: now,
    });
    await writeAudit(tx, opts.actor, {
      action: 'financing_interest.express',
      entity: 'financing_interest',
      entityId: id,
      organizationId: req.organizationId,
      after: { ...row, message: opts.input.message },
    });
    const investor = (await organizationsByIds(tx, [orgId])).get(orgId);
    await notify(tx, {
      organizationId: req.organizationId,
      kind: 'financing_interest',
      title: `${investor?.name ?? '投资机构'} 对「${req.title}」表达了投资意向`,
      body: opts.input.message.slice(0, 200),
      link: requestLink(req.id),
      needsAction: true,
    });
  });
  return id;
}

async function loadInterest(db: DbOrTx, actor: Actor, id: string, lock = false) {
  const q = db.select().from(financingInterests).where(eq(financingInterests.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw AppError.notFound('Financing interest');
  const req = await getFinancingRequest(db, row.requestId);
  const orgs = mine(actor);
  const side: InterestSide | null = orgs.includes(req.organizationId)
    ? 'requester'
    : orgs.includes(row.investorOrganizationId)
      ? 'investor'
      : null;
  if (!side) throw AppError.notFound('Financing interest');
  return { row, req, side };
}

export async function getInterest(opts: { db: DbOrTx; actor: Actor; id: string }) {
  requireUser(opts.actor);
  const { row, req, side } = await loadInterest(opts.db, opts.actor, opts.id);
  const messages = await opts.db
    .select()
    .from(financingMessages)
    .where(eq(financingMessages.interestId, row.id))
    .orderBy(asc(financingMessages.createdAt), asc(financingMessages.id));
  const names = await userNames(
    opts.db,
    messages.map((m) => m.authorUserId),
  );
  const orgs = await organizationsByIds(opts.db, [row.investorOrganizationId, req.organizationId]);
  const status = row.status as InterestStatus;
  const actions: Array<'message' | InterestTransition> = INTEREST_CONVERSING.includes(status) ? ['message'] : [];
  for (const [name, t] of Object.entries(INTEREST_TRANSITION_TABLE) as Array<
    [InterestTransition, (typeof INTEREST_TRANSITION_TABLE)[InterestTransition]]
  >)
    if (t.by === side && t.from.includes(status)) actions.push(name);
  return {
    id: row.id,
    requestId: req.id,
    requestTitle: req.title,
    investor: { id: row.investorOrganizationId, name: orgs.get(row.investorOrganizationId)?.name ?? '' },
    requester: { id: req.organizationId, name: orgs.get(req.organizationId)?.name ?? '' },
    amountFen: row.amountFen,
    status,
    mySide: side,
    messages: messages.map((m) => ({
      id: m.id,
      side: m.side,
      authorName: names.get(m.authorUserId) ?? '',
      body: m.body,
      createdAt: m.createdAt.toISOString(),
    })),
    actions,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function postInterestMessage(opts: { db: Db; actor: Actor; id: string; body: string }) {
  requirePermission(opts.actor, 'finance:participate');
  await opts.db.transaction(async (tx) => {
    const { row, req, side } = await loadInterest(tx, opts.actor, opts.id, true);
    if (!INTEREST_CONVERSING.includes(row.status as InterestStatus))
      throw AppError.conflict(`The interest is ${row.status}; no more messages`);
    const message = { id: newId(), interestId: row.id, authorUserId: opts.actor.userId!, side, body: opts.body, createdAt: clock.now() };
    await tx.insert(financingMessages).values(message);
    await writeAudit(tx, opts.actor, {
      action: 'financing_interest.message',
      entity: 'financing_interest',
      entityId: row.id,
      organizationId: req.organizationId,
      after: message,
    });
    await notify(tx, {
      organizationId: side === 'requester' ? row.investorOrganizationId : req.organizationId,
      exceptUserIds: [opts.actor.userId],
      kind: 'financing_message',
      title: `融资需求「${req.title}」有新消息`,
      body: opts.body.slice(0, 200),
      link: requestLink(req.id),
      needsAction: true,
    });
  });
}

export async function transitionInterest(opts: { db: Db; actor: Actor; id: string; action: InterestTransition }) {
  requirePermission(opts.actor, 'finance:participate');
  const t = INTEREST_TRANSITION_TABLE[opts.action];
  await opts.db.transaction(async (tx) => {
    const { row, req, side } = await loadInterest(tx, opts.actor, opts.id, true);
    if (t.by !== side) throw AppError.forbidden(`The ${side} may not ${opts.action} this interest`);
    if (!t.from.includes(row.status as InterestStatus)) throw AppError.conflict(`Cannot ${opts.action} an interest that is ${row.status}`);
    await tx.update(financingInterests).set({ status: t.to, updatedAt: clock.now() }).where(eq(financingInterests.id, row.id));
    await writeAudit(tx, opts.actor, {
      action: `financing_interest.${opts.action}`,
      entity: 'financing_interest',
      entityId: row.id,
      organizationId: req.organizationId,
      before: { status: row.status },
      after: { status: t.to },
    });
    await notify(tx, {
      organizationId: side === 'requester' ? row.investorOrganizationId : req.organizationId,
      kind: `financing_${opts.action}`,
      title: `融资需求「${req.title}」的投资意向${{ accept: '已被接受', decline: '已被婉拒', withdraw: '已撤回' }[opts.action]}`,
      link: requestLink(req.id),
    });
  });
}
