/**
 * Integrity records (诚信, C9): vocabulary, parameters with their sources, and the pure rules —
 * when a penalty is in force, when an appeal may still be lodged.
 */
import { addMonths } from './reports.js';

export const INTEGRITY_PARTY_KINDS = ['organization', 'person'] as const;
export type IntegrityPartyKind = (typeof INTEGRITY_PARTY_KINDS)[number];

/** Handling measures, after 科技部令第19号《科学技术活动违规行为处理规定》(2020) — check its text for the full list. */
export const PENALTY_KINDS = [
  'warning',
  'criticism',
  'rectification',
  'funding_ban',
  'recover_funds',
  'revoke_awards',
  'record_only',
] as const;
export type PenaltyKind = (typeof PENALTY_KINDS)[number];
export const PENALTY_KIND_LABELS: Record<PenaltyKind, string> = {
  warning: '警告',
  criticism: '通报批评',
  rectification: '责令限期整改',
  funding_ban: '一定期限内取消申报或承担财政性资金支持的科学技术活动资格',
  recover_funds: '追回结余资金或已拨财政资金',
  revoke_awards: '撤销奖励、荣誉',
  record_only: '记入科研诚信记录',
};

export const LEGAL_BASES = ['most_order_19', 'transformation_law_21', 'regional'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];
export const LEGAL_BASIS_LABELS: Record<LegalBasis, string> = {
  most_order_19: '科技部令第19号《科学技术活动违规行为处理规定》',
  transformation_law_21: '促进科技成果转化法第二十一条；财科教〔2017〕22号（年度报告）',
  regional: '地方规定（在说明中写明文件名称和条款）',
};

export const INTEGRITY_STATUSES = ['recorded', 'under_appeal', 'confirmed', 'revoked'] as const;
export type IntegrityStatus = (typeof INTEGRITY_STATUSES)[number];
export const INTEGRITY_STATUS_LABELS: Record<IntegrityStatus, string> = {
  recorded: '已记录',
  under_appeal: '申诉中',
  confirmed: '申诉驳回，维持',
  revoked: '申诉成立，已撤销',
};

export const INTEGRITY_TRANSITIONS = ['appeal', 'dismiss_appeal', 'uphold_appeal'] as const;
export type IntegrityTransition = (typeof INTEGRITY_TRANSITIONS)[number];

export const INTEGRITY_SOURCES = ['officer', 'annual_report'] as const;

export const INTEGRITY_PARAMETERS = {
  appealDays: {
    value: 60,
    zh: '申诉期限（自生效之日起，天）',
    source: '行政复议法第二十条（知道之日起六十日内；平台取生效日起算）',
  },
  periodMonthsMax: { value: 120, zh: '处理期限上限（月）', source: '平台上限（科技部令第19号所列期限不超过此值）' },
} as const;

/** The day the penalty stops (exclusive): effective date + period in months. */
export const penaltyEndsOn = (effectiveOn: string, periodMonths: number): string => addMonths(effectiveOn, periodMonths);

/**
 * In force on `today` (a Beijing date): not revoked, already effective, and its period not yet
 * over. No job ends a penalty: this reads the clock.
 */
export function penaltyInForce(r: { status: string; effectiveOn: string; endsOn: string }, today: string): boolean {
  return r.status !== 'revoked' && r.effectiveOn <= today && today < r.endsOn;
}

/** The last day an appeal may be lodged. */
export function appealDeadline(effectiveOn: string): string {
  const d = new Date(`${effectiveOn}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + INTEGRITY_PARAMETERS.appealDays.value);
  return d.toISOString().slice(0, 10);
}
