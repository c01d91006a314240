import { and, asc, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import { AchievementInput } from '../../../common/api/catalog.js';
import type { DecisionInput, DisclosureInput, DisclosureStatus, DisclosureTransition } from '../../../common/api/disclosures.js';
import type { z } from 'zod';
import type { AssessmentInput } from '../../../common/api/disclosures.js';
import type { Role } from '../../../common/roles.js';
import type { Db, DbOrTx, Tx } from '../../db/client.js';
import { can, organizationIdsOf, requirePermission, requireUser, type Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { localDateOf } from '../../lib/calendar.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { notify } from '../alerts/notify.js';
import { technicalFieldExists } from '../catalog/repository.js';
import { createRecord } from '../catalog/service.js';
import { checkContributions, pctToBp } from '../distributions/arithmetic.js';
import { organizationUserIdsWithRoles } from '../identity/members.js';
import { findOrganization } from '../organizations/repository.js';
import { decisionDueAt } from './clocks.js';
import { AWAITING_DECISION, DISCLOSURE_TRANSITION_TABLE, EDITABLE, type DisclosureParty } from './lifecycle.js';
import { openPanel, panelOf, panelResult } from '../experts/panels.js';
import { sheetOf, sheetTotal } from '../experts/scoring.js';
import { disclosureAssessments, disclosureInventors, inventionDisclosures } from './schema.js';

/**
 * Invention disclosures. Seen by the submitter, the inventors with accounts, the experts on its
 * panel (non-confidential part only, while it is assessed) and the organisation's TTO staff (org_admin, broker with
 * disclosure:manage); anyone else gets 404. Every change is audited in its transaction.
 */
export type DisclosureRow = typeof inventionDisclosures.$inferSelect;
export type InventorRow = typeof disclosureInventors.$inferSelect;
export type AssessmentRow = typeof disclosureAssessments.$inferSelect;

export const TTO_ROLES: Role[] = ['org_admin', 'broker'];
/** The shared scoring engine's sheet and the panel's subject type. */
export const DISCLOSURE_SHEET_KEY = 'disclosure_assessment';
export const PANEL_SUBJECT = 'disclosure';
const FILING_ROLES = ['org_member', 'org_admin', 'broker'] as const;
const ttoOrganizations = (actor: Actor) => (can(actor, 'disclosure:manage') ? organizationIdsOf(actor, TTO_ROLES) : []);

export interface Access {
  tto: boolean;
  submitter: boolean;
  inventor: boolean;
  reviewer: boolean;
}

/** User ids seated on the disclosure's expert panel (not excused): they see the non-confidential part while it is assessed. */
export async function panelUserIds(db: DbOrTx, disclosureId: string): Promise<string[]> {
  const panel = await panelOf(db, PANEL_SUBJECT, disclosureId);
  return panel ? panel.members.filter((m) => m.status === 'assigned' || m.status === 'scored').map((m) => m.userId) : [];
}

export function accessOf(actor: Actor, row: DisclosureRow, inventors: Pick<InventorRow, 'userId'>[], panel: string[] = []): Access {
  const uid = actor.userId;
  return {
    tto: ttoOrganizations(actor).includes(row.organizationId),
    submitter: uid !== null && row.submitterUserId === uid,
    inventor: uid !== null && inventors.some((i) => i.userId === uid),
    reviewer: uid !== null && panel.includes(uid) && row.status === 'assessing',
  };
}
export const seesAnything = (a: Access) => a.tto || a.submitter || a.inventor || a.reviewer;
/** The confidential description: TTO staff and inventors; the submitter too while they can still edit it. */
export const seesConfidential = (a: Access, row: DisclosureRow) =>
  a.tto || a.inventor || (a.submitter && EDITABLE.includes(row.status as DisclosureStatus));

function partiesOf(a: Access): DisclosureParty[] {
  return [...(a.submitter ? (['submitter'] as const) : []), ...(a.tto ? (['tto'] as const) : [])];
}

const link = (id: string) => `/workspace/disclosures/${id}`;

async function ttoStaff(db: DbOrTx, organizationId: string) {
  return organizationUserIdsWithRoles(db, organizationId, TTO_ROLES);
}

function columnsOf(input: DisclosureInput) {
  return {
    title: input.title,
    summary: input.summary,
    keywords: input.keywords,
    fieldCode: input.fieldCode,
    trl: input.trl,
    confidentialDescription: input.confidentialDescription,
    confidentialAttachments: input.confidentialAttachments,
    conceptionOn: input.conceptionOn ?? null,
    firstWrittenOn: input.firstWrittenOn ?? null,
    firstPublicDisclosureOn: input.firstPublicDisclosureOn ?? null,
    prototypeOn: input.prototypeOn ?? null,
    firstOfferForSaleOn: input.firstOfferForSaleOn ?? null,
    publications: input.publications,
    fundingSources: input.fundingSources,
    thirdPartyMaterials: input.thirdPartyMaterials,
  };
}

async function checkInput(db: DbOrTx, input: DisclosureInput) {
  const problem = checkContributions(input.inventors, 'body.inventors');
  if (problem) throw AppError.validation(problem.field, problem.message);
  if (!(await technicalFieldExists(db, input.fieldCode))) throw AppError.validation('body.fieldCode', 'is not a known technical field');
  const dates = ['conceptionOn', 'firstWrittenOn', 'prototypeOn', 'firstPublicDisclosureOn', 'firstOfferForSaleOn'] as const;
  const today = localDateOf(clock.now());
  for (const d of dates) if (input[d] && input[d]! > today) throw AppError.validation(`body.${d}`, 'must not be in the future');
  if (input.conceptionOn && input.firstWrittenOn && input.firstWrittenOn < input.conceptionOn)
    throw AppError.validation('body.firstWrittenOn', 'must not be before the conception date');
}

function inventorRows(disclosureId: string, input: DisclosureInput): InventorRow[] {
  return input.inventors.map((inv, i) => ({
    id: newId(),
    disclosureId,
    position: i,
    name: inv.name,
    userId: inv.userId ?? null,
    organizationName: inv.organizationName,
    contributionBp: pctToBp(inv.contributionPct)!,
    confirmedAt: null,
    confirmedByUserId: null,
  }));
}

export async function createDisclosure(opts: { db: Db; actor: Actor; input: DisclosureInput; organizationId?: string }) {
  requirePermission(opts.actor, 'disclosure:file');
  const mine = organizationIdsOf(opts.actor, [...FILING_ROLES]);
  const orgId = opts.organizationId ?? (mine.length === 1 ? mine[0] : undefined);
  if (!orgId)
    throw AppError.validation(
      'querystring.organizationId',
      mine.length ? 'name the organisation you disclose to' : 'you belong to no organisation',
    );
  if (!mine.includes(orgId)) throw AppError.forbidden('You can only disclose to your own organisation');
  const org = await findOrganization(opts.db, orgId);
  if (!org || org.status !== 'active') throw AppError.forbidden('The organisation is not active');
  await checkInput(opts.db, opts.input);
  const now = clock.now();
  const row = {
    id: newId(),
    organizationId: orgId,
    submitterUserId: opts.actor.userId!,
    status: 'draft' as DisclosureStatus,
    ...columnsOf(opts.input),
    createdAt: now,
    updatedAt: now,
  };
  await opts.db.transaction(async (tx) => {
    await tx.insert(inventionDisclosures).values(row);
    const inventors = inventorRows(row.id, opts.input);
    await tx.insert(disclosureInventors).values(inventors);
    await writeAudit(tx, opts.actor, {
      action: 'disclosure.create',
      entity: 'disclosure',
      entityId: row.id,
      organizationId: orgId,
      after: { ...row, inventors },
    });
  });
  return row.id;
}

async function lockVisible(tx: Tx, actor: Actor, id: string) {
  const [row] = await tx.select().from(inventionDisclosures).where(eq(inventionDisclosures.id, id)).for('update');
  if (!row) throw AppError.notFound('Disclosure');
  const inventors = await tx
    .select()
    .from(disclosureInventors)
    .where(eq(disclosureInventors.disclosureId, id))
    .orderBy(asc(disclosureInventors.position));
  const access = accessOf(actor, row, inventors, await panelUserIds(tx, id));
  if (!seesAnything(access)) throw AppError.notFound('Disclosure');
  return { row, inventors, access };
}

export async function updateDisclosure(opts: { db: Db; actor: Actor; id: string; input: DisclosureInput }) {
  requirePermission(opts.actor, 'disclosure:file');
  await checkInput(opts.db, opts.input);
  await opts.db.transaction(async (tx) => {
    const { row, inventors, access } = await lockVisible(tx, opts.actor, opts.id);
    if (!access.submitter) throw AppError.forbidden('Only the submitter edits a disclosure');
    if (!EDITABLE.includes(row.status as DisclosureStatus)) throw AppError.conflict(`A ${row.status} disclosure cannot be edited`);
    const cols = columnsOf(opts.input);
    // The inventors confirm what they see: any change asks them again.
    const fresh = inventorRows(row.id, opts.input);
    await tx
      .update(inventionDisclosures)
      .set({ ...cols, updatedAt: clock.now() })
      .where(eq(inventionDisclosures.id, row.id));
    await tx.delete(disclosureInventors).where(eq(disclosureInventors.disclosureId, row.id));
    await tx.insert(disclosureInventors).values(fresh);
    await writeAudit(tx, opts.actor, {
      action: 'disclosure.update',
      entity: 'disclosure',
      entityId: row.id,
      organizationId: row.organizationId,
      before: { ...row, inventors },
      after: { ...row, ...cols, inventors: fresh },
    });
  });
}

export async function confirmInventor(opts: { db: Db; actor: Actor; id: string; inventorId: string }) {
  requireUser(opts.actor);
  await opts.db.transaction(async (tx) => {
    const { row, inventors, access } = await lockVisible(tx, opts.actor, opts.id);
    const inv = inventors.find((i) => i.id === opts.inventorId);
    if (!inv) throw AppError.notFound('Inventor');
    const self = inv.userId === opts.actor.userId;
    const onPaper = inv.userId === null && access.tto;
    if (!self && !onPaper)
      throw AppError.forbidden(inv.userId ? 'Only the inventor confirms their own part' : 'The TTO records a confirmation given on paper');
    if (!EDITABLE.includes(row.status as DisclosureStatus)) throw AppError.conflict(`A ${row.status} disclosure is no longer confirmed`);
    if (inv.confirmedAt) return;
    const now = clock.now();
    await tx
      .update(disclosureInventors)
      .set({ confirmedAt: now, confirmedByUserId: self ? null : opts.actor.userId })
      .where(eq(disclosureInventors.id, inv.id));
    await writeAudit(tx, opts.actor, {
      action: 'disclosure.confirm_inventor',
      entity: 'disclosure',
      entityId: row.id,
      organizationId: row.organizationId,
      after: { inventorId: inv.id, name: inv.name, contributionBp: inv.contributionBp, onPaper },
    });
  });
}

export async function transitionDisclosure(opts: { db: Db; actor: Actor; id: string; action: DisclosureTransition; reason?: string }) {
  requireUser(opts.actor);
  const t = DISCLOSURE_TRANSITION_TABLE[opts.action];
  await opts.db.transaction(async (tx) => {
    const { row, inventors, access } = await lockVisible(tx, opts.actor, opts.id);
    if (!partiesOf(access).includes(t.by))
      throw AppError.forbidden(`Only the ${t.by === 'tto' ? 'organisation’s TTO' : 'submitter'} may ${opts.action} a disclosure`);
    const status = row.status as DisclosureStatus;
    if (!t.from.includes(status)) throw AppError.conflict(`Cannot ${opts.action} a disclosure that is ${status}`);
    const now = clock.now();
    const patch: Partial<DisclosureRow> = { status: t.to, updatedAt: now };
    if (opts.action === 'submit') {
      const waiting = inventors.filter((i) => !i.confirmedAt);
      if (waiting.length)
        throw new AppError('validation_failed', `Not every inventor has confirmed: ${waiting.map((i) => i.name).join('、')}`, {
          fields: waiting.map((i) => ({ field: `inventors.${i.position}.confirmedAt`, message: `${i.name} has not confirmed` })),
        });
      // Complete now: the service level's clock starts (again, after a return).
      patch.completedAt = now;
      patch.decisionDueAt = decisionDueAt(now);
      patch.reminderDueSoonAt = null;
      patch.reminderOverdueAt = null;
      patch.returnReason = null;
    } else if (opts.action === 'return') {
      if (!opts.reason) throw AppError.validation('body.reason', 'say what is missing');
      patch.returnReason = opts.reason;
      patch.completedAt = null;
      patch.decisionDueAt = null;
    }
    await tx.update(inventionDisclosures).set(patch).where(eq(inventionDisclosures.id, row.id));
    await writeAudit(tx, opts.actor, {
      action: `disclosure.${opts.action}`,
      entity: 'disclosure',
      entityId: row.id,
      organizationId: row.organizationId,
      before: { status, decisionDueAt: row.decisionDueAt },
      after: { status: t.to, decisionDueAt: patch.decisionDueAt ?? row.decisionDueAt, reason: opts.reason ?? null },
    });
    if (opts.action === 'submit')
      await notify(tx, {
        userIds: await ttoStaff(tx, row.organizationId),
        exceptUserIds: [opts.actor.userId],
        kind: 'disclosure_submitted',
        title: `新的职务发明披露「${row.title}」待评估`,
        link: link(row.id),
        needsAction: true,
      });
    if (opts.action === 'return')
      await notify(tx, {
        userIds: [row.submitterUserId],
        kind: 'disclosure_returned',
        title: `职务发明披露「${row.title}」被退回补充`,
        body: opts.reason ?? null,
        link: link(row.id),
        needsAction: true,
      });
  });
}

/**
 * Optional experts: a panel drawn from the pool by the shared engine (experts/panels.ts), the
 * organisation and the inventors excluded as conflicts. Experts see the non-confidential part only.
 */
export async function openExpertPanel(opts: { db: Db; actor: Actor; id: string; size: number; dueAt?: Date | null }) {
  requirePermission(opts.actor, 'disclosure:manage');
  await opts.db.transaction(async (tx) => {
    const { row, inventors, access } = await lockVisible(tx, opts.actor, opts.id);
    if (!access.tto) throw AppError.forbidden('Only the organisation’s TTO asks experts');
    if (row.status !== 'assessing') throw AppError.conflict('Start the assessment first');
    if (await panelOf(tx, PANEL_SUBJECT, row.id)) throw AppError.conflict('The disclosure already has an expert panel');
    const panel = await openPanel(tx, opts.actor, {
      subjectType: PANEL_SUBJECT,
      subjectId: row.id,
      subjectTitle: `职务发明披露评估：${row.title}`,
      sheetKey: DISCLOSURE_SHEET_KEY,
      size: opts.size,
      fieldCode: row.fieldCode,
      excludeOrganizationIds: [row.organizationId],
      excludeUserIds: [row.submitterUserId, ...inventors.flatMap((i) => (i.userId ? [i.userId] : []))],
      dueAt: opts.dueAt ?? null,
    });
    await writeAudit(tx, opts.actor, {
      action: 'disclosure.open_panel',
      entity: 'disclosure',
      entityId: row.id,
      organizationId: row.organizationId,
      after: { panelId: panel.panelId, size: opts.size, experts: panel.members.map((m) => m.expertId) },
    });
  });
}

export async function assessDisclosure(opts: { db: Db; actor: Actor; id: string; input: z.infer<typeof AssessmentInput> }) {
  requireUser(opts.actor);
  const total = sheetTotal(sheetOf(DISCLOSURE_SHEET_KEY), opts.input.scores, 'body.scores');
  await opts.db.transaction(async (tx) => {
    const { row, access } = await lockVisible(tx, opts.actor, opts.id);
    if (!access.tto) throw AppError.forbidden('The technology manager assesses here; experts score on their panel');
    if (row.status !== 'assessing') throw AppError.conflict(`A ${row.status} disclosure is not being assessed`);
    const role = 'manager';
    await tx
      .delete(disclosureAssessments)
      .where(and(eq(disclosureAssessments.disclosureId, row.id), eq(disclosureAssessments.assessorUserId, opts.actor.userId!)));
    const assessment = {
      id: newId(),
      disclosureId: row.id,
      assessorUserId: opts.actor.userId!,
      role,
      scores: opts.input.scores,
      total,
      recommendation: opts.input.recommendation,
      comment: opts.input.comment ?? null,
      createdAt: clock.now(),
    };
    await tx.insert(disclosureAssessments).values(assessment);
    await writeAudit(tx, opts.actor, {
      action: 'disclosure.assess',
      entity: 'disclosure',
      entityId: row.id,
      organizationId: row.organizationId,
      after: assessment,
    });
  });
}

export async function decideDisclosure(opts: { db: Db; actor: Actor; id: string; input: DecisionInput }) {
  requirePermission(opts.actor, 'disclosure:manage');
  const t = DISCLOSURE_TRANSITION_TABLE.decide;
  await opts.db.transaction(async (tx) => {
    const { row, inventors, access } = await lockVisible(tx, opts.actor, opts.id);
    if (!access.tto) throw AppError.forbidden('Only the organisation’s TTO decides');
    if (!t.from.includes(row.status as DisclosureStatus)) throw AppError.conflict(`Cannot decide on a disclosure that is ${row.status}`);
    const [manager] = await tx
      .select({ id: disclosureAssessments.id })
      .from(disclosureAssessments)
      .where(and(eq(disclosureAssessments.disclosureId, row.id), eq(disclosureAssessments.role, 'manager')))
      .limit(1);
    // 教科技〔2020〕1号: assess before filing.
    if (!manager) throw AppError.conflict('Record the technology manager’s assessment before deciding (assess before filing)');
    const now = clock.now();
    const i = opts.input;
    if (i.patentFiledOn && i.patentFiledOn > localDateOf(now)) throw AppError.validation('body.patentFiledOn', 'must not be in the future');
    const patch = {
      status: t.to,
      decision: i.decision,
      decisionReason: i.reason,
      patent:
        i.decision === 'file_patent' && i.patent ? { kind: i.patent.kind, number: i.patent.number ?? null, title: i.patent.title } : null,
      patentFiledOn: i.decision === 'file_patent' ? (i.patentFiledOn ?? null) : null,
      empowerment: i.decision === 'empower' && i.empowerment ? { ...i.empowerment } : null,
      decidedBy: opts.actor.userId,
      decidedAt: now,
      updatedAt: now,
    };
    await tx.update(inventionDisclosures).set(patch).where(eq(inventionDisclosures.id, row.id));
    await writeAudit(tx, opts.actor, {
      action: 'disclosure.decide',
      entity: 'disclosure',
      entityId: row.id,
      organizationId: row.organizationId,
      before: { status: row.status },
      after: patch,
    });
    await notify(tx, {
      userIds: [row.submitterUserId, ...inventors.flatMap((x) => (x.userId ? [x.userId] : []))],
      exceptUserIds: [opts.actor.userId],
      kind: 'disclosure_decided',
      title: `职务发明披露「${row.title}」已作出决定`,
      body: i.reason,
      link: link(row.id),
    });
  });
}

const MODES_BY_DECISION = {
  file_patent: ['transfer', 'license_exclusive', 'license_ordinary'],
  know_how: ['license_ordinary', 'technical_service'],
  license_assign: ['transfer', 'license_exclusive', 'license_ordinary'],
  empower: ['transfer', 'equity'],
} as const;

/** A decided disclosure becomes a draft achievement of the organisation, with its non-confidential part copied. */
export async function createAchievementFromDisclosure(opts: { db: Db; actor: Actor; id: string }) {
  requirePermission(opts.actor, 'disclosure:manage');
  return opts.db.transaction(async (tx) => {
    const { row, inventors, access } = await lockVisible(tx, opts.actor, opts.id);
    if (!access.tto) throw AppError.forbidden('Only the organisation’s TTO turns a disclosure into an achievement');
    if (row.status !== 'decided') throw AppError.conflict('Decide on the disclosure first');
    if (row.decision === 'release') throw AppError.conflict('A released invention is not the organisation’s achievement');
    if (row.achievementId) throw AppError.conflict(`The disclosure already became achievement ${row.achievementId}`);
    const decision = row.decision as keyof typeof MODES_BY_DECISION;
    const ipAssets =
      decision === 'know_how'
        ? [{ kind: 'know_how' as const, number: null, title: row.title }]
        : row.patent
          ? [{ kind: row.patent.kind, number: row.patent.number, title: row.patent.title }]
          : [];
    const input = AchievementInput.parse({
      title: row.title,
      summary: row.summary,
      fieldCode: row.fieldCode,
      keywords: row.keywords,
      restricted: decision === 'know_how',
      trl: row.trl,
      ipAssets,
      transferModes: [...MODES_BY_DECISION[decision]],
      priceNegotiable: true,
      publicFunding: row.fundingSources.some((f) => f.publicFunding),
      team: inventors.map((i) => ({ name: i.name, role: `贡献 ${i.contributionBp / 100}%`, title: i.organizationName.slice(0, 50) })),
    });
    // The catalog's own create, inside this transaction (a savepoint): the link and the record stand or fall together.
    const record = await createRecord({
      db: tx as unknown as Db,
      actor: opts.actor,
      kind: 'achievement',
      input,
      organizationId: row.organizationId,
    });
    await tx
      .update(inventionDisclosures)
      .set({ achievementId: record.row.id, updatedAt: clock.now() })
      .where(eq(inventionDisclosures.id, row.id));
    await writeAudit(tx, opts.actor, {
      action: 'disclosure.create_achievement',
      entity: 'disclosure',
      entityId: row.id,
      organizationId: row.organizationId,
      before: { achievementId: null },
      after: { achievementId: record.row.id },
    });
    return record.row.id;
  });
}

export async function loadDisclosure(db: DbOrTx, id: string) {
  const [row] = await db.select().from(inventionDisclosures).where(eq(inventionDisclosures.id, id));
  if (!row) return null;
  const inventors = await db
    .select()
    .from(disclosureInventors)
    .where(eq(disclosureInventors.disclosureId, id))
    .orderBy(asc(disclosureInventors.position));
  const assessments = await db
    .select()
    .from(disclosureAssessments)
    .where(eq(disclosureAssessments.disclosureId, id))
    .orderBy(asc(disclosureAssessments.createdAt));
  return { row, inventors, assessments };
}

export async function getDisclosure(opts: { db: DbOrTx; actor: Actor; id: string }) {
  requireUser(opts.actor);
  const loaded = await loadDisclosure(opts.db, opts.id);
  if (!loaded) throw AppError.notFound('Disclosure');
  const access = accessOf(opts.actor, loaded.row, loaded.inventors, await panelUserIds(opts.db, opts.id));
  if (!seesAnything(access)) throw AppError.notFound('Disclosure');
  const panel = await panelOf(opts.db, PANEL_SUBJECT, opts.id);
  const panelOutcome = panel && (access.tto || access.inventor) ? { panel, result: await panelResult(opts.db, panel.id) } : null;
  return { ...loaded, access, panelOutcome };
}

async function withInventors(db: DbOrTx, rows: DisclosureRow[]) {
  if (rows.length === 0) return [];
  const inv = await db
    .select()
    .from(disclosureInventors)
    .where(
      inArray(
        disclosureInventors.disclosureId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(disclosureInventors.position));
  return rows.map((row) => ({ row, inventors: inv.filter((i) => i.disclosureId === row.id) }));
}

/** Disclosures I submitted or am an inventor of (experts find theirs among their panel assignments). */
export async function listMyDisclosures(opts: { db: Db; actor: Actor }) {
  requireUser(opts.actor);
  const uid = opts.actor.userId;
  const rows = await opts.db
    .select()
    .from(inventionDisclosures)
    .where(
      or(
        eq(inventionDisclosures.submitterUserId, uid),
        sql`${inventionDisclosures.id} IN (SELECT disclosure_id FROM disclosure_inventors WHERE user_id = ${uid})`,
      ),
    )
    .orderBy(desc(inventionDisclosures.updatedAt))
    .limit(200);
  return withInventors(opts.db, rows);
}

/** The TTO's queue: its organisations' disclosures past draft; `overdue` only those past the decision due date. */
export async function listQueue(opts: { db: Db; actor: Actor; overdue?: boolean; status?: DisclosureStatus }) {
  requirePermission(opts.actor, 'disclosure:manage');
  const orgs = ttoOrganizations(opts.actor);
  if (orgs.length === 0) return [];
  const rows = await opts.db
    .select()
    .from(inventionDisclosures)
    .where(
      and(
        inArray(inventionDisclosures.organizationId, orgs),
        sql`${inventionDisclosures.status} NOT IN ('draft', 'withdrawn')`,
        opts.status ? eq(inventionDisclosures.status, opts.status) : undefined,
        opts.overdue
          ? and(inArray(inventionDisclosures.status, [...AWAITING_DECISION]), lt(inventionDisclosures.decisionDueAt, clock.now()))
          : undefined,
      ),
    )
    .orderBy(sql`${inventionDisclosures.decisionDueAt} ASC NULLS LAST`, desc(inventionDisclosures.updatedAt))
    .limit(200);
  return withInventors(opts.db, rows);
}
