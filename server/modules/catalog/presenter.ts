import type { AchievementView, DemandView } from '../../../common/api/catalog.js';
import type { RecordStatus, TransferMode } from '../../../common/catalog.js';
import type { Actor } from '../../lib/actor.js';
import type { RecordKind } from './lifecycle.js';
import { canSeeContacts, recordActions } from './policy.js';
import { facts, type AchievementRow, type DemandRow, type LoadedRecord } from './records.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function base(rec: LoadedRecord, actor: Actor) {
  const r = rec.row;
  return {
    id: r.id,
    status: r.status as RecordStatus,
    title: r.title,
    summary: r.summary,
    fieldCode: r.fieldCode,
    fieldName: rec.fieldName,
    keywords: r.keywords,
    organization: rec.organization,
    regionCode: r.regionCode,
    regionName: rec.regionName,
    contacts: canSeeContacts(actor) ? r.contacts : null,
    attachments: r.attachments,
    restricted: r.restricted,
    reviewReason: r.reviewReason,
    submittedAt: iso(r.submittedAt),
    publishedAt: iso(r.publishedAt),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    actions: recordActions(actor, facts(rec)),
  };
}

export function presentAchievement(rec: LoadedRecord<'achievement'>, actor: Actor): AchievementView {
  const r = rec.row as AchievementRow;
  return {
    ...base(rec, actor),
    kind: 'achievement',
    problemSolved: r.problemSolved,
    advantage: r.advantage,
    trl: r.trl,
    ipAssets: r.ipAssets,
    transferModes: r.transferModes as TransferMode[],
    priceFen: r.priceFen,
    priceNegotiable: r.priceNegotiable,
    publicFunding: r.publicFunding,
    team: r.team,
  };
}

export function presentDemand(rec: LoadedRecord<'demand'>, actor: Actor): DemandView {
  const r = rec.row as DemandRow;
  return {
    ...base(rec, actor),
    kind: 'demand',
    budgetMinFen: r.budgetMinFen,
    budgetMaxFen: r.budgetMaxFen,
    budgetNegotiable: r.budgetNegotiable,
    cooperationModes: r.cooperationModes as TransferMode[],
    trlMin: r.trlMin,
    deadline: r.deadline,
  };
}

export function presentRecord(rec: LoadedRecord, actor: Actor): AchievementView | DemandView {
  return rec.kind === 'achievement'
    ? presentAchievement(rec as LoadedRecord<'achievement'>, actor)
    : presentDemand(rec as LoadedRecord<'demand'>, actor);
}

export type { RecordKind };
