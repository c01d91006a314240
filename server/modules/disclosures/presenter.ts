import type { DisclosureStatus, DisclosureSummary, DisclosureView } from '../../../common/api/disclosures.js';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import { localDateOf } from '../../lib/calendar.js';
import { clock } from '../../lib/clock.js';
import { userNames } from '../identity/members.js';
import { organizationsByIds } from '../organizations/lookups.js';
import { disclosureClocks } from './clocks.js';
import { AWAITING_DECISION, DISCLOSURE_TRANSITION_TABLE, EDITABLE } from './lifecycle.js';
import { aggregateTotals } from '../experts/scoring.js';
import { getDisclosure, seesConfidential, type Access, type AssessmentRow, type DisclosureRow, type InventorRow } from './service.js';

type Orgs = Awaited<ReturnType<typeof organizationsByIds>>;
type PanelOutcome = Awaited<ReturnType<typeof getDisclosure>>['panelOutcome'];

const overdue = (row: DisclosureRow) =>
  AWAITING_DECISION.includes(row.status as DisclosureStatus) && row.decisionDueAt !== null && row.decisionDueAt < clock.now();

function summary(row: DisclosureRow, inventors: InventorRow[], orgs: Orgs): DisclosureSummary {
  return {
    id: row.id,
    organization: { id: row.organizationId, name: orgs.get(row.organizationId)?.name ?? '' },
    title: row.title,
    status: row.status as DisclosureStatus,
    inventorNames: inventors.map((i) => i.name),
    publiclyFunded: row.fundingSources.some((f) => f.publicFunding),
    submittedAt: row.completedAt?.toISOString() ?? null,
    decisionDueAt: row.decisionDueAt?.toISOString() ?? null,
    overdue: overdue(row),
    decision: row.decision as DisclosureSummary['decision'],
    achievementId: row.achievementId,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function presentDisclosures(
  db: DbOrTx,
  items: { row: DisclosureRow; inventors: InventorRow[] }[],
): Promise<DisclosureSummary[]> {
  const orgs = await organizationsByIds(
    db,
    items.map((i) => i.row.organizationId),
  );
  return items.map((i) => summary(i.row, i.inventors, orgs));
}

export function disclosureActions(actor: Actor, row: DisclosureRow, inventors: InventorRow[], access: Access): DisclosureView['actions'] {
  const status = row.status as DisclosureStatus;
  const out: DisclosureView['actions'] = [];
  if (access.submitter && EDITABLE.includes(status)) out.push('edit');
  if (
    EDITABLE.includes(status) &&
    inventors.some((i) => !i.confirmedAt && (i.userId === actor.userId || (i.userId === null && access.tto)))
  )
    out.push('confirm');
  for (const [name, t] of Object.entries(DISCLOSURE_TRANSITION_TABLE)) {
    if (name === 'decide' || !t.from.includes(status)) continue;
    if ((t.by === 'tto' && access.tto) || (t.by === 'submitter' && access.submitter)) out.push(name as DisclosureView['actions'][number]);
  }
  if (status === 'assessing' && access.tto) out.push('assess', 'open_panel', 'decide');
  if (status === 'decided' && access.tto && row.decision !== 'release' && !row.achievementId) out.push('create_achievement');
  return out;
}

export async function presentDisclosure(
  db: DbOrTx,
  actor: Actor,
  loaded: { row: DisclosureRow; inventors: InventorRow[]; assessments: AssessmentRow[]; access: Access; panelOutcome: PanelOutcome },
): Promise<DisclosureView> {
  const { row, inventors, assessments, access, panelOutcome } = loaded;
  const orgs = await organizationsByIds(db, [row.organizationId]);
  const names = await userNames(
    db,
    assessments.map((a) => a.assessorUserId),
  );
  const confidential = seesConfidential(access, row);
  // Experts on the panel see none of the manager's scores; the TTO and the inventors see all.
  const visibleAssessments = access.tto || access.inventor ? assessments : [];
  const clocks = disclosureClocks({
    today: localDateOf(clock.now()),
    firstPublicDisclosureOn: row.firstPublicDisclosureOn,
    firstOfferForSaleOn: row.firstOfferForSaleOn,
    publications: row.publications,
    patentFiledOn: row.patentFiledOn,
  });
  if (row.decisionDueAt && AWAITING_DECISION.includes(row.status as DisclosureStatus)) {
    const deadline = localDateOf(new Date(row.decisionDueAt.getTime() - 1));
    clocks.push({
      kind: 'decision_due',
      deadline,
      daysLeft: Math.round((Date.parse(deadline) - Date.parse(localDateOf(clock.now()))) / 86_400_000),
      message: `单位应在 ${deadline} 前作出处置决定`,
      source: '单位知识产权管理办法（服务时限参数）',
    });
  }
  return {
    ...summary(row, inventors, orgs),
    summary: row.summary,
    keywords: row.keywords,
    fieldCode: row.fieldCode,
    trl: row.trl,
    confidential: confidential ? { description: row.confidentialDescription, attachments: row.confidentialAttachments } : null,
    dates: {
      conceptionOn: row.conceptionOn,
      firstWrittenOn: row.firstWrittenOn,
      firstPublicDisclosureOn: row.firstPublicDisclosureOn,
      prototypeOn: row.prototypeOn,
      firstOfferForSaleOn: row.firstOfferForSaleOn,
    },
    publications: row.publications,
    fundingSources: row.fundingSources,
    thirdPartyMaterials: confidential ? row.thirdPartyMaterials : [],
    inventors: inventors.map((i) => ({
      id: i.id,
      name: i.name,
      userId: i.userId,
      organizationName: i.organizationName,
      contributionPct: i.contributionBp / 100,
      confirmedAt: i.confirmedAt?.toISOString() ?? null,
      confirmedByStaff: i.confirmedByUserId !== null,
    })),
    clocks,
    assessments: visibleAssessments.map((a) => ({
      assessorName: names.get(a.assessorUserId) ?? '',
      role: 'manager' as const,
      scores: a.scores,
      total: a.total,
      recommendation: a.recommendation as DisclosureView['assessments'][number]['recommendation'],
      comment: a.comment,
      createdAt: a.createdAt.toISOString(),
    })),
    assessmentMean: visibleAssessments.length ? aggregateTotals(visibleAssessments.map((a) => a.total)).mean : null,
    expertPanel: panelOutcome
      ? {
          panelId: panelOutcome.panel.id,
          size: panelOutcome.panel.size,
          complete: panelOutcome.result.complete,
          mean: panelOutcome.result.mean,
          experts: panelOutcome.result.perExpert.map((e) => ({ name: e.name, status: e.status, total: e.total, dropped: e.dropped })),
        }
      : null,
    decisionDetail:
      row.decision && row.decidedAt
        ? {
            reason: row.decisionReason ?? '',
            patent: row.patent ?? null,
            patentFiledOn: row.patentFiledOn,
            empowerment: access.tto || access.inventor ? row.empowerment : null,
            decidedAt: row.decidedAt.toISOString(),
          }
        : null,
    returnReason: row.returnReason,
    actions: disclosureActions(actor, row, inventors, access),
  };
}
