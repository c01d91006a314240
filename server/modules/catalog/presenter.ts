import type { AchievementView, DemandView } from '../../../common/api/catalog.js';
import type { RecordStatus, TransferMode } from '../../../common/catalog.js';
import type { Actor } from '../../lib/actor.js';
import type { RecordKind } from './lifecycle.js';
import { canSeeContacts, recordActions } from './policy.js';
import { facts, type AchievementRow, type DemandRow, type LoadedRecord } from './records.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** `confidential: false` withholds the confidential part (contacts, attachments, IP numbers, team): visibility.ts `seesConfidentialPart`. */
export interface PresentOptions {
  confidential?: boolean;
}

function base(rec: LoadedRecord, actor: Actor, opts: PresentOptions) {
  const r = rec.row;
  const confidential = opts.confidential !== false;
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
    contacts: confidential && canSeeContacts(actor) ? r.contacts : null,
    attachments: confidential ? r.attachments : [],
    restricted: r.restricted,
    reviewReason: r.reviewReason,
    submittedAt: iso(r.submittedAt),
    publishedAt: iso(r.publishedAt),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    actions: recordActions(actor, facts(rec)),
  };
}

export function presentAchievement(rec: LoadedRecord<'achievement'>, actor: Actor, opts: PresentOptions = {}): AchievementView {
  const r = rec.row as AchievementRow;
  const confidential = opts.confidential !== false;
  return {
    ...base(rec, actor, opts),
    kind: 'achievement',
    problemSolved: r.problemSolved,
    advantage: r.advantage,
    trl: r.trl,
    ipAssets: confidential ? r.ipAssets : r.ipAssets.map((a) => ({ ...a, number: null })),
    transferModes: r.transferModes as TransferMode[],
    priceFen: r.priceFen,
    priceNegotiable: r.priceNegotiable,
    publicFunding: r.publicFunding,
    team: confidential ? r.team : [],
  };
}

export function presentDemand(rec: LoadedRecord<'demand'>, actor: Actor, opts: PresentOptions = {}): DemandView {
  const r = rec.row as DemandRow;
  return {
    ...base(rec, actor, opts),
    kind: 'demand',
    budgetMinFen: r.budgetMinFen,
    budgetMaxFen: r.budgetMaxFen,
    budgetNegotiable: r.budgetNegotiable,
    cooperationModes: r.cooperationModes as TransferMode[],
    trlMin: r.trlMin,
    deadline: r.deadline,
  };
}

export function presentRecord(rec: LoadedRecord, actor: Actor, opts: PresentOptions = {}): AchievementView | DemandView {
  return rec.kind === 'achievement'
    ? presentAchievement(rec as LoadedRecord<'achievement'>, actor, opts)
    : presentDemand(rec as LoadedRecord<'demand'>, actor, opts);
}

export type { RecordKind };
