import { and, desc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  ApplicationBody,
  ApplicationStatus,
  ApplicationSummary,
  ApplicationView,
  Figure,
  Metric,
  RoundStatus,
} from '../../../common/api/institutions.js';
import { METRICS } from '../../../common/api/institutions.js';
import type { Db, DbOrTx, Tx } from '../../db/client.js';
import { organizationIdsOf, requirePermission, requireUser, type Actor } from '../../lib/actor.js';
import { writeAudit } from '../../lib/audit.js';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { organizationsByIds } from '../organizations/lookups.js';
import { findOrganization } from '../organizations/repository.js';
import { APPLICATION_TRANSITION_TABLE, applicationTransitionAllowed } from './lifecycle.js';
import { drawPanel, isScorer, myScores, panelSummary } from './panel.js';
import { isCertifier, ownsInstitution, requireCertifier, requireOwnInstitution } from './policy.js';
import { prefillFigures, today } from './records.js';
import { findRound, lockRound, type RoundRow } from './rounds.js';
import { allPassed, checkThresholds } from './rules.js';
import { demonstrationApplications } from './schema.js';
import { assignmentsOf } from '../experts/panels.js';
import { endOfLocalDate } from '../../lib/calendar.js';

/** Applications to a round: prefilled and checked by the platform, submitted by the institution, scored by experts. */
type ApplicationRow = typeof demonstrationApplications.$inferSelect;
type Input = z.infer<typeof ApplicationBody>;

async function computeChecks(
  db: DbOrTx,
  round: RoundRow,
  organizationId: string,
  declared: Pick<ApplicationRow, 'declaredIncomeLastYearFen' | 'declaredComplaintsLast2Years'>,
) {
  const figures = await prefillFigures(db, organizationId, round.year, {
    incomeLastYearFen: declared.declaredIncomeLastYearFen,
    complaintsLast2Years: declared.declaredComplaintsLast2Years,
  });
  return { figures, checks: checkThresholds(round.thresholds, figures) };
}

export async function createApplication(opts: { db: Db; actor: Actor; roundId: string; input: Input }): Promise<string> {
  requirePermission(opts.actor, 'institution:update_own');
  const { actor, input } = opts;
  const mine = organizationIdsOf(actor, ['org_admin']);
  const organizationId = input.organizationId ?? (mine.length === 1 ? mine[0] : undefined);
  if (!organizationId) throw AppError.validation('body.organizationId', 'name the institution you apply for');
  requireOwnInstitution(actor, organizationId);
  const org = await findOrganization(opts.db, organizationId);
  if (!org || org.status !== 'active') throw AppError.forbidden('The organisation is not active');
  if (org.type !== 'transfer_institution')
    throw AppError.validation('body.organizationId', 'only technology-transfer institutions apply for the demonstration title');
  const declared = {
    declaredIncomeLastYearFen: input.declaredIncomeLastYearFen ?? null,
    declaredComplaintsLast2Years: input.declaredComplaintsLast2Years ?? null,
  };
  const id = newId();
  await opts.db.transaction(async (tx) => {
    const round = await lockRound(tx, opts.roundId);
    if (round.status !== 'open' || today() > round.applicationDeadline) throw AppError.conflict('The round does not accept applications');
    const [existing] = await tx
      .select({ id: demonstrationApplications.id })
      .from(demonstrationApplications)
      .where(and(eq(demonstrationApplications.roundId, round.id), eq(demonstrationApplications.organizationId, organizationId)));
    if (existing) throw AppError.conflict(`Your institution already has an application in this round (${existing.id})`);
    const { figures, checks } = await computeChecks(tx, round, organizationId, declared);
    const now = clock.now();
    const row = {
      id,
      roundId: round.id,
      organizationId,
      status: 'draft' as ApplicationStatus,
      ...declared,
      statement: input.statement,
      figures,
      checks,
      meanScore: null,
      submittedAt: null,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    };
    await tx.insert(demonstrationApplications).values(row);
    await writeAudit(tx, actor, {
      action: 'demonstration_application.create',
      entity: 'demonstration_application',
      entityId: id,
      organizationId,
      after: row,
    });
  });
  return id;
}

async function lockApplication(tx: Tx, id: string): Promise<ApplicationRow> {
  const [row] = await tx.select().from(demonstrationApplications).where(eq(demonstrationApplications.id, id)).for('update');
  if (!row) throw AppError.notFound('Application');
  return row;
}

export async function updateApplication(opts: { db: Db; actor: Actor; id: string; input: Input }) {
  requirePermission(opts.actor, 'institution:update_own');
  await opts.db.transaction(async (tx) => {
    const app = await lockApplication(tx, opts.id);
    if (!ownsInstitution(opts.actor, app.organizationId)) throw AppError.notFound('Application');
    if (app.status !== 'draft') throw AppError.conflict(`The application is ${app.status}; only a draft is edited`);
    const round = await findRound(tx, app.roundId);
    const declared = {
      declaredIncomeLastYearFen:
        opts.input.declaredIncomeLastYearFen === undefined ? app.declaredIncomeLastYearFen : opts.input.declaredIncomeLastYearFen,
      declaredComplaintsLast2Years:
        opts.input.declaredComplaintsLast2Years === undefined ? app.declaredComplaintsLast2Years : opts.input.declaredComplaintsLast2Years,
    };
    const { figures, checks } = await computeChecks(tx, round, app.organizationId, declared);
    const patch = { ...declared, statement: opts.input.statement, figures, checks, updatedAt: clock.now() };
    await tx.update(demonstrationApplications).set(patch).where(eq(demonstrationApplications.id, app.id));
    await writeAudit(tx, opts.actor, {
      action: 'demonstration_application.update',
      entity: 'demonstration_application',
      entityId: app.id,
      organizationId: app.organizationId,
      before: {
        declaredIncomeLastYearFen: app.declaredIncomeLastYearFen,
        declaredComplaintsLast2Years: app.declaredComplaintsLast2Years,
        statement: app.statement,
      },
      after: { ...declared, statement: opts.input.statement, checks },
    });
  });
}

/** The applicant submits (figures re-measured and checks re-run at that moment) or withdraws. */
export async function transitionApplication(opts: { db: Db; actor: Actor; id: string; action: 'submit' | 'withdraw' }) {
  requireUser(opts.actor);
  await opts.db.transaction(async (tx) => {
    const app = await lockApplication(tx, opts.id);
    if (!ownsInstitution(opts.actor, app.organizationId)) throw AppError.notFound('Application');
    const round = await findRound(tx, app.roundId);
    const status = app.status as ApplicationStatus;
    if (!applicationTransitionAllowed(opts.action, status, round.status as RoundStatus) || today() > round.applicationDeadline)
      throw AppError.conflict(`Cannot ${opts.action} an application that is ${status} in a round that is ${round.status}`);
    const to = APPLICATION_TRANSITION_TABLE[opts.action].to;
    const now = clock.now();
    const patch: Partial<ApplicationRow> = { status: to, updatedAt: now };
    if (opts.action === 'submit') {
      Object.assign(patch, await computeChecks(tx, round, app.organizationId, app), { submittedAt: now });
    }
    await tx.update(demonstrationApplications).set(patch).where(eq(demonstrationApplications.id, app.id));
    await writeAudit(tx, opts.actor, {
      action: `demonstration_application.${opts.action}`,
      entity: 'demonstration_application',
      entityId: app.id,
      organizationId: app.organizationId,
      before: { status },
      after: { status: to, checks: patch.checks ?? undefined },
    });
  });
}

/** A certifier draws the application's expert panel from the pool (experts of the applicant excluded). */
export async function assignPanel(opts: { db: Db; actor: Actor; id: string; size?: number; dueOn?: string }) {
  requirePermission(opts.actor, 'institution:certify');
  if (opts.dueOn && opts.dueOn < today()) throw AppError.validation('body.dueOn', 'is in the past');
  await opts.db.transaction(async (tx) => {
    const app = await lockApplication(tx, opts.id);
    requireCertifier(opts.actor);
    const round = await lockRound(tx, app.roundId);
    if (app.status !== 'scoring' || round.status !== 'reviewing') throw AppError.conflict('Panels are drawn for applications being scored');
    if (await panelSummary(tx, app.id)) throw AppError.conflict('The application already has its panel');
    const org = (await organizationsByIds(tx, [app.organizationId])).get(app.organizationId);
    const drawn = await drawPanel(
      tx,
      opts.actor,
      { id: app.id, organizationId: app.organizationId, title: `${org?.name ?? ''} ${round.title}申报` },
      opts.size ?? round.panelSize,
      opts.dueOn ? endOfLocalDate(opts.dueOn) : null,
    );
    await writeAudit(tx, opts.actor, {
      action: 'demonstration_application.draw_panel',
      entity: 'demonstration_application',
      entityId: app.id,
      organizationId: app.organizationId,
      after: { panelId: drawn.panelId, experts: drawn.members.map((m) => m.expertId) },
    });
  });
}

async function summaries(db: DbOrTx, rows: ApplicationRow[]): Promise<ApplicationSummary[]> {
  const orgs = await organizationsByIds(
    db,
    rows.map((r) => r.organizationId),
  );
  const rounds = new Map<string, RoundRow>();
  for (const id of new Set(rows.map((r) => r.roundId))) rounds.set(id, await findRound(db, id));
  return rows.map((r) => ({
    id: r.id,
    roundId: r.roundId,
    roundTitle: rounds.get(r.roundId)!.title,
    year: rounds.get(r.roundId)!.year,
    organization: { id: r.organizationId, name: orgs.get(r.organizationId)?.name ?? '' },
    status: r.status as ApplicationStatus,
    eligible: allPassed(r.checks),
    mean: r.meanScore,
    submittedAt: r.submittedAt?.toISOString() ?? null,
  }));
}

/** The caller's institutions' applications, and the applications the caller is to score. */
export async function listMyApplications(opts: { db: DbOrTx; actor: Actor }) {
  requireUser(opts.actor);
  const orgs = organizationIdsOf(opts.actor, ['org_admin']);
  const mine = orgs.length
    ? await opts.db
        .select()
        .from(demonstrationApplications)
        .where(inArray(demonstrationApplications.organizationId, orgs))
        .orderBy(desc(demonstrationApplications.createdAt))
    : [];
  const assigned = (await assignmentsOf(opts.db, opts.actor))
    .filter((a) => a.subjectType === 'demonstration_application' && (a.status === 'assigned' || a.status === 'scored'))
    .map((a) => ({ id: a.subjectId }));
  const toScore = assigned.length
    ? await opts.db
        .select()
        .from(demonstrationApplications)
        .where(
          inArray(
            demonstrationApplications.id,
            assigned.map((a) => a.id),
          ),
        )
    : [];
  return { mine: await summaries(opts.db, mine), toScore: await summaries(opts.db, toScore) };
}

/** Applications of a round, for certifiers. */
export async function listRoundApplications(opts: { db: DbOrTx; actor: Actor; roundId: string }) {
  requirePermission(opts.actor, 'institution:certify');
  await findRound(opts.db, opts.roundId);
  requireCertifier(opts.actor);
  const rows = await opts.db
    .select()
    .from(demonstrationApplications)
    .where(
      and(
        eq(demonstrationApplications.roundId, opts.roundId),
        inArray(demonstrationApplications.status, ['submitted', 'ineligible', 'scoring', 'approved', 'not_approved']),
      ),
    )
    .orderBy(desc(demonstrationApplications.meanScore));
  return summaries(opts.db, rows);
}

/** One application: to its institution's admins, certifiers and its scorers (anyone else: 404). */
export async function getApplication(opts: { db: DbOrTx; actor: Actor; id: string }): Promise<ApplicationView> {
  requireUser(opts.actor);
  const [app] = await opts.db.select().from(demonstrationApplications).where(eq(demonstrationApplications.id, opts.id));
  if (!app) throw AppError.notFound('Application');
  const own = ownsInstitution(opts.actor, app.organizationId);
  const certifier = isCertifier(opts.actor);
  const scorer = await isScorer(opts.db, app.id, opts.actor.userId);
  if (!own && !certifier && !scorer) throw AppError.notFound('Application');
  const round = await findRound(opts.db, app.roundId);
  const [summary] = await summaries(opts.db, [app]);
  const result = await panelSummary(opts.db, app.id);
  // Scores are the certifiers' until publication; the applicant sees its own totals afterwards, without names.
  const showPanel = certifier || (own && !!round.publishedAt);
  const figures: z.infer<typeof Figure>[] = METRICS.map((m: Metric) => ({
    metric: m,
    value: app.figures[m]?.value ?? null,
    origin: app.figures[m]?.origin ?? 'declared',
  }));
  const actions: ApplicationView['actions'] = [];
  const rs = round.status as RoundStatus;
  const status = app.status as ApplicationStatus;
  const open = today() <= round.applicationDeadline;
  if (own && status === 'draft' && rs === 'open' && open) actions.push('edit', 'submit');
  if (own && applicationTransitionAllowed('withdraw', status, rs) && open) actions.push('withdraw');
  if (certifier && status === 'scoring' && rs === 'reviewing' && !result) actions.push('assign_panel');
  if (scorer && status === 'scoring' && rs === 'reviewing' && opts.actor.permissions.has('expert:score')) actions.push('score');
  return {
    ...summary!,
    statement: app.statement,
    figures,
    checks: app.checks,
    panel:
      result && (showPanel || scorer)
        ? {
            panelId: result.panelId,
            // A seated expert sees that the panel exists, not the others' scores until publication.
            scorers: (showPanel ? result.scorers : []).map((s) => ({
              userId: certifier ? s.userId : null,
              name: certifier ? s.name : null,
              total: s.total,
              dropped: s.dropped,
            })),
            complete: result.complete,
            mean: showPanel ? result.mean : null,
          }
        : null,
    myScores: scorer ? await myScores(opts.db, app.id, opts.actor.userId) : null,
    actions,
  };
}
