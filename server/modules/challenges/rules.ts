/**
 * Pure rules of a challenge: who may take it up (eligibility, consortium size), a sane timeline and
 * the staged down-selection of 赛马. No database here.
 */
import { isValidCreditCode } from '../../../common/credit-code.js';
import type { FieldError } from '../../../common/problems.js';
import type { OrganizationType } from '../../../common/roles.js';

/**
 * The consortium rule of 揭榜挂帅: a consortium has one lead and at most four other members, each a
 * legal entity registered in the PRC. Source: 工业和信息化部办公厅关于组织开展2023年未来产业创新任务揭榜挂帅工作的通知
 * (工信厅科函〔2023〕235号), 申报要求.
 */
export const CONSORTIUM_RULE = {
  maxMembers: 4,
  source: '工信厅科函〔2023〕235号（联合体由一家牵头单位和不超过 4 家成员单位组成，均须为中国境内注册的独立法人）',
} as const;

/** Organisation types that are legal entities able to solve a challenge (government bodies set them, they do not take them). */
export const SOLVER_ORGANIZATION_TYPES: readonly OrganizationType[] = [
  'university',
  'research_institute',
  'enterprise',
  'transfer_institution',
  'service_provider',
  'investor',
  'financial_institution',
  'park',
];

export interface EligibilityInput {
  lead: { type: string; status: string; creditCode: string | null };
  members: { name: string; creditCode: string }[];
  maxMembers?: number;
}

/** Problems with a registration, each naming the field (empty: eligible). */
export function eligibilityIssues(input: EligibilityInput): FieldError[] {
  const issues: FieldError[] = [];
  const max = input.maxMembers ?? CONSORTIUM_RULE.maxMembers;
  const { lead } = input;
  if (lead.status !== 'active') issues.push({ field: 'body.organizationId', message: 'the organisation is not active on the platform' });
  if (!SOLVER_ORGANIZATION_TYPES.includes(lead.type as OrganizationType))
    issues.push({ field: 'body.organizationId', message: `a ${lead.type} organisation cannot take up a challenge` });
  if (!lead.creditCode || !isValidCreditCode(lead.creditCode))
    issues.push({ field: 'body.organizationId', message: 'must be a PRC legal entity with a valid unified social credit code' });
  if (input.members.length > max)
    issues.push({
      field: 'body.consortiumMembers',
      message: `a consortium has one lead and at most ${max} members (${CONSORTIUM_RULE.source.split('（')[0]})`,
    });
  const seen = new Set<string>(lead.creditCode ? [lead.creditCode] : []);
  input.members.forEach((m, i) => {
    if (!isValidCreditCode(m.creditCode))
      issues.push({
        field: `body.consortiumMembers.${i}.creditCode`,
        message: 'must be a valid unified social credit code (a PRC legal entity, GB 32100-2015)',
      });
    else if (seen.has(m.creditCode))
      issues.push({ field: `body.consortiumMembers.${i}.creditCode`, message: 'appears twice in the consortium (or is the lead)' });
    seen.add(m.creditCode);
  });
  return issues;
}

export interface TimelineInput {
  registrationDeadline: Date;
  submissionDeadline: Date;
  scoringDueAt?: Date | null;
  roadshowAt?: Date | null;
  awardAt?: Date | null;
}

/**
 * The steps come in order: publication (now) → registration closes → submissions close → scoring →
 * roadshow → award. `now` is checked only when publishing (a draft may be planned loosely).
 */
export function timelineIssues(t: TimelineInput, now?: Date): FieldError[] {
  const issues: FieldError[] = [];
  const at = (k: string) => `body.timeline.${k}`;
  if (now && t.registrationDeadline <= now) issues.push({ field: at('registrationDeadline'), message: 'must be in the future' });
  if (t.submissionDeadline < t.registrationDeadline)
    issues.push({ field: at('submissionDeadline'), message: 'must not be before the registration deadline' });
  let previous = t.submissionDeadline;
  let previousName = 'the submission deadline';
  for (const key of ['scoringDueAt', 'roadshowAt', 'awardAt'] as const) {
    const v = t[key];
    if (!v) continue;
    if (v <= previous) issues.push({ field: at(key), message: `must be after ${previousName}` });
    previous = v;
    previousName = key;
  }
  return issues;
}

// ---------------------------------------------------------------------------------------------
// Scoring is the shared engine's (experts/scoring.ts, panels.ts): one panel per proposal on the
// `challenge_proposal` sheet, drawn from the expert pool with the sponsor and the submitter excluded.

/** The panel size staff get unless they say otherwise (a platform default, like the sheet's weights). */
export const DEFAULT_PANEL_SIZE = 3;
export const PROPOSAL_SUBJECT = 'challenge_proposal';
export const PROPOSAL_SHEET = 'challenge_proposal';

// ---------------------------------------------------------------------------------------------
// 赛马: several teams in parallel, fewer at each stage.

/** Problems with a new stage: it keeps a non-empty subset of the teams still in the race, pays only those. */
export function stageIssues(input: {
  stillIn: readonly string[];
  kept: readonly string[];
  payments: readonly { proposalId: string }[];
}): FieldError[] {
  const issues: FieldError[] = [];
  const still = new Set(input.stillIn);
  const kept = new Set(input.kept);
  if (kept.size !== input.kept.length) issues.push({ field: 'body.keptProposalIds', message: 'names a team twice' });
  input.kept.forEach((id, i) => {
    if (!still.has(id))
      issues.push({ field: `body.keptProposalIds.${i}`, message: 'is not in the race any more (not kept at the previous stage)' });
  });
  input.payments.forEach((p, i) => {
    if (!kept.has(p.proposalId)) issues.push({ field: `body.payments.${i}.proposalId`, message: 'is not kept at this stage' });
  });
  return issues;
}
