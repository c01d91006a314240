/**
 * Screenings of cross-border records against the catalogue in force (README.md). Reviewers
 * (export:review: officers in their region, platform admins everywhere) screen and decide; members of
 * the domestic party may ask for a screening of their own record and see its state; the foreign
 * party sees the state of its deal. Everyone else gets 404. Every change is audited and notified.
 */
import { and, desc, eq, like, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  ScreenBody,
  ScreeningDecision,
  ScreeningQueueQuery,
  ScreeningStatus,
  ScreeningSubject,
  ScreeningTransitionBody,
} from '../../../common/api/export-control.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { can, governedRegionPaths, isPlatformAdmin, organizationIdsOf, requireUser, type Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { workingDayDeadline } from '../../lib/calendar.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { notify } from '../alerts/notify.js';
import { activeCatalogue } from './catalogue.js';
import { DECISION_STATUS, holdOf, screeningTransitionAllowed, SCREENING_TRANSITION_TABLE, TRANSITION_TARGET } from './lifecycle.js';
import { screenText } from './match.js';
import { EXPORT_PARAMETERS } from './parameters.js';
import { exportScreenings } from './schema.js';
import { loadSubject, type SubjectFacts } from './subjects.js';

export type ScreeningRow = typeof exportScreenings.$inferSelect;

const PARTY_ROLES = ['org_member', 'org_admin', 'broker'] as const;

/** Does the actor review this region (officers in their subtree, platform admins everywhere)? */
export function reviews(actor: Actor, regionPath: string): boolean {
  if (!can(actor, 'export:review')) return false;
  return isPlatformAdmin(actor) || actor.kind === 'system' || governedRegionPaths(actor).some((root) => regionPath.startsWith(root));
}

function partyOf(actor: Actor, r: Pick<ScreeningRow, 'domesticOrganizationId' | 'foreignOrganizationId'>): 'domestic' | 'foreign' | null {
  const mine = organizationIdsOf(actor, [...PARTY_ROLES]);
  if (r.domesticOrganizationId && mine.includes(r.domesticOrganizationId)) return 'domestic';
  if (r.foreignOrganizationId && mine.includes(r.foreignOrganizationId)) return 'foreign';
  return null;
}

const sees = (actor: Actor, r: ScreeningRow) => reviews(actor, r.regionPath) || partyOf(actor, r) !== null;
const link = (id: string) => `/export-control/screenings/${id}`;

/**
 * Screens a record: the candidate items of the version in force, with matched control points. The
 * first screening of a record is created pending; while pending, screening again refreshes the
 * candidates (the record may have changed); once decided, the decision stands and is returned.
 */
export async function screenRecord(opts: {
  db: Db;
  actor: Actor;
  input: z.infer<typeof ScreenBody>;
}): Promise<{ row: ScreeningRow; created: boolean }> {
  requireUser(opts.actor);
  const { input, actor } = opts;
  const facts = await loadSubject(opts.db, input.subject, input.id, {
    organizationId: input.counterpartyOrganizationId,
    country: input.counterpartyCountry,
  });
  const party = partyOf(actor, facts);
  if (!reviews(actor, facts.regionPath) && party !== 'domestic') throw AppError.notFound(label(input.subject));
  const { catalogue, items } = await activeCatalogue(opts.db);
  const candidates = screenText(facts.text, items);
  const now = clock.now();
  return opts.db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(exportScreenings)
      .where(and(eq(exportScreenings.subjectKind, input.subject), eq(exportScreenings.subjectId, input.id)))
      .for('update');
    if (existing && existing.status !== 'pending') return { row: existing, created: false };
    const values = {
      achievementId: facts.achievementId,
      title: facts.title,
      domesticOrganizationId: facts.domesticOrganizationId,
      regionPath: facts.regionPath,
      foreignOrganizationId: facts.foreignOrganizationId,
      foreignCountry: facts.foreignCountry,
      catalogueId: catalogue.id,
      candidates,
      updatedAt: now,
    };
    const summary = {
      catalogue: catalogue.label,
      candidates: candidates.map((c) => ({ code: c.code, class: c.class, name: c.name, matchedTerms: c.matchedTerms })),
    };
    if (existing) {
      await tx.update(exportScreenings).set(values).where(eq(exportScreenings.id, existing.id));
      await writeAudit(tx, actor, {
        action: 'export_screening.rescreen',
        entity: 'export_screening',
        entityId: existing.id,
        organizationId: facts.domesticOrganizationId,
        after: summary,
      });
      return { row: { ...existing, ...values }, created: false };
    }
    const row: ScreeningRow = {
      id: newId(),
      subjectKind: input.subject,
      subjectId: input.id,
      ...values,
      status: 'pending',
      decision: null,
      decidedItemIds: [],
      reason: null,
      decidedBy: null,
      decidedAt: null,
      deadlineAt: null,
      letterOfIntentNo: null,
      letterOfIntentOn: null,
      licenceNo: null,
      licenceOn: null,
      createdBy: actor.userId,
      createdAt: now,
    };
    await tx.insert(exportScreenings).values(row);
    await writeAudit(tx, actor, {
      action: 'export_screening.open',
      entity: 'export_screening',
      entityId: row.id,
      organizationId: facts.domesticOrganizationId,
      after: {
        subject: input.subject,
        subjectId: input.id,
        foreignCountry: facts.foreignCountry,
        crossBorder: facts.crossBorder,
        ...summary,
      },
    });
    if (facts.domesticOrganizationId && party !== 'domestic') {
      await notify(tx, {
        organizationId: facts.domesticOrganizationId,
        kind: 'export_screening_open',
        title: `「${facts.title}」进入技术出口管制审查`,
        body: candidates.length ? `候选条目：${candidates.map((c) => c.name).join('、')}` : '未发现候选条目，待审查员确认',
        link: link(row.id),
      });
    }
    return { row, created: true };
  });
}

const label = (s: ScreeningSubject) => (s === 'achievement' ? 'Achievement' : s === 'deal' ? 'Deal' : 'Contract');

export async function getScreening(opts: { db: DbOrTx; actor: Actor; id: string }): Promise<ScreeningRow> {
  requireUser(opts.actor);
  const [row] = await opts.db.select().from(exportScreenings).where(eq(exportScreenings.id, opts.id));
  if (!row || !sees(opts.actor, row)) throw AppError.notFound('Screening');
  return row;
}

/** The review queue: screenings in the reviewer's regions, oldest pending first by default. */
export async function listScreenings(opts: { db: Db; actor: Actor; query: z.infer<typeof ScreeningQueueQuery> }) {
  requireUser(opts.actor);
  if (!can(opts.actor, 'export:review')) throw AppError.forbidden('Only export-control reviewers see the queue');
  const scope: SQL | undefined = isPlatformAdmin(opts.actor)
    ? undefined
    : or(...governedRegionPaths(opts.actor).map((root) => like(exportScreenings.regionPath, `${root}%`)));
  if (!isPlatformAdmin(opts.actor) && governedRegionPaths(opts.actor).length === 0) return [];
  const where = and(scope, opts.query.status ? eq(exportScreenings.status, opts.query.status) : undefined);
  return opts.db
    .select()
    .from(exportScreenings)
    .where(where)
    .orderBy(desc(eq(exportScreenings.status, 'pending')), desc(exportScreenings.updatedAt))
    .limit(opts.query.limit)
    .offset(opts.query.offset);
}

/** A reviewer's decision, and the approvals recorded after it (transition table in lifecycle.ts). */
export async function transitionScreening(opts: { db: Db; actor: Actor; id: string; input: ScreeningTransitionBody }) {
  requireUser(opts.actor);
  const { actor, input } = opts;
  return opts.db.transaction(async (tx) => {
    const [row] = await tx.select().from(exportScreenings).where(eq(exportScreenings.id, opts.id)).for('update');
    if (!row || !sees(actor, row)) throw AppError.notFound('Screening');
    if (!reviews(actor, row.regionPath)) throw AppError.forbidden('Only an export-control reviewer of this region decides');
    const status = row.status as ScreeningStatus;
    if (!screeningTransitionAllowed(input.action, status))
      throw AppError.conflict(
        `Cannot ${input.action} a screening that is ${status} (allowed from ${SCREENING_TRANSITION_TABLE[input.action].from.join(', ')})`,
      );
    const now = clock.now();
    const set: Partial<ScreeningRow> = { updatedAt: now };
    if (input.action === 'decide') {
      const known = new Set(row.candidates.map((c) => c.itemId));
      if (input.decision !== 'free' && input.itemIds.length === 0)
        throw AppError.validation('body.itemIds', 'name the catalogue items a restricted or prohibited decision rests on');
      const unknown = input.itemIds.findIndex((i) => !known.has(i));
      if (unknown >= 0) throw AppError.validation(`body.itemIds.${unknown}`, 'is not a candidate item of this screening');
      const classes = new Set(row.candidates.filter((c) => input.itemIds.includes(c.itemId)).map((c) => c.class));
      if (input.decision === 'prohibited' && !classes.has('prohibited'))
        throw AppError.validation('body.itemIds', 'a prohibited decision rests on at least one prohibited item');
      Object.assign(set, {
        status: DECISION_STATUS[input.decision as ScreeningDecision],
        decision: input.decision,
        decidedItemIds: input.itemIds,
        reason: input.reason,
        decidedBy: actor.userId,
        decidedAt: now,
        deadlineAt: input.decision === 'restricted' ? workingDayDeadline(now, EXPORT_PARAMETERS.licenceDecisionWorkingDays.value) : null,
      });
    } else {
      set.status = TRANSITION_TARGET[input.action];
      if (input.action === 'record_intent')
        Object.assign(set, { letterOfIntentNo: input.number, letterOfIntentOn: input.issuedOn, deadlineAt: null });
      if (input.action === 'record_licence') Object.assign(set, { licenceNo: input.number, licenceOn: input.issuedOn });
      if (input.action === 'record_refusal') Object.assign(set, { reason: input.reason, deadlineAt: null });
    }
    await tx.update(exportScreenings).set(set).where(eq(exportScreenings.id, row.id));
    const after = { ...row, ...set };
    await writeAudit(tx, actor, {
      action: `export_screening.${input.action}`,
      entity: 'export_screening',
      entityId: row.id,
      organizationId: row.domesticOrganizationId,
      before: { status },
      after: { ...input, status: after.status, deadlineAt: after.deadlineAt },
    });
    const hold = holdOf(after.status as ScreeningStatus);
    const words = { none: '可继续进行', pending: '待审查', held: '暂停，待取得出口许可', stopped: '已终止（禁止出口或未获许可）' }[hold];
    for (const organizationId of [row.domesticOrganizationId, row.foreignOrganizationId]) {
      if (!organizationId) continue;
      await notify(tx, {
        organizationId,
        kind: `export_screening_${input.action}`,
        title: `「${row.title}」技术出口审查：${words}`,
        body: 'reason' in input ? input.reason : null,
        link: link(row.id),
        needsAction: hold === 'held',
      });
    }
    return after as ScreeningRow;
  });
}

/** Whether a record is held: its screening's state, or none needed / none yet. */
export async function holdState(opts: { db: Db; actor: Actor; subject: ScreeningSubject; id: string }) {
  requireUser(opts.actor);
  const [row] = await opts.db
    .select()
    .from(exportScreenings)
    .where(and(eq(exportScreenings.subjectKind, opts.subject), eq(exportScreenings.subjectId, opts.id)));
  let facts: SubjectFacts | null = null;
  if (!row || !sees(opts.actor, row)) {
    facts = await loadSubject(opts.db, opts.subject, opts.id).catch(() => null);
    if (!facts || (!reviews(opts.actor, facts.regionPath) && partyOf(opts.actor, facts) === null))
      throw AppError.notFound(label(opts.subject));
  }
  const crossBorder = row ? row.foreignCountry !== null : facts!.crossBorder;
  const status = (row?.status ?? null) as ScreeningStatus | null;
  return {
    subject: opts.subject,
    id: opts.id,
    crossBorder,
    // A cross-border record nobody has screened yet waits for its screening.
    hold: status ? holdOf(status) : crossBorder ? ('pending' as const) : ('none' as const),
    status,
    screeningId: row?.id ?? null,
    deadlineAt: row?.deadlineAt?.toISOString() ?? null,
  };
}
