/**
 * Challenges (揭榜比拼 / 技术难题招标 / 研发众包, C8).
 *
 *   GET  /api/challenges                                  public              the hall: { items: ChallengeSummary[], statistics }
 *   GET  /api/challenges/statistics                       public              ChallengeStatistics
 *   POST /api/challenges                                  challenge:sponsor   CreateChallengeBody → 201 ChallengeView (a draft)
 *   GET  /api/me/challenges                               authenticated       { items } sponsored by / registered by my organisations; all for staff
 *   GET  /api/challenges/:id                              public              ChallengeView (drafts only to the sponsor and staff; sponsor hidden when anonymous)
 *   PUT  /api/challenges/:id                              challenge:sponsor   CreateChallengeBody → ChallengeView (draft only)
 *   POST /api/challenges/:id/transitions                  authenticated       ChallengeTransitionBody → ChallengeView
 *   POST /api/challenges/:id/registrations                challenge:solve     RegistrationBody → 201 ChallengeView (accepts the agreement)
 *   POST /api/challenges/:id/proposals                    challenge:solve     ProposalBody → 201 ProposalView (sealed; replaces my earlier one)
 *   GET  /api/challenges/:id/proposals                    authenticated       { sealed, items: ProposalView[] } (no content before the deadline, own excepted)
 *   GET  /api/challenges/:id/proposals/:proposalId        authenticated       ProposalView (404 before the deadline to all but the submitter)
 *   PUT  /api/challenges/:id/proposals/:proposalId/score  expert:score        ScoreBody → ProposalView (an expert seated on the proposal's panel)
 *   POST /api/challenges/:id/stages                       challenge:manage    StageBody → ChallengeView (赛马 down-selection)
 *   GET  /api/challenges/:id/contract-prefill             contract:apply      ContractPrefill (the winner's organisation)
 *   POST /api/challenges/:id/contract                     contract:apply      AwardContractBody → 201 { contractId }
 */
import { z } from 'zod';
import { Text } from '../text.js';

export const CHALLENGE_STATUSES = [
  'draft',
  'screening',
  'published',
  'scoring',
  'shortlisted',
  'roadshow',
  'awarded',
  'rejected',
  'cancelled',
] as const;
export type ChallengeStatus = (typeof CHALLENGE_STATUSES)[number];
export const CHALLENGE_STATUS_LABELS: Record<ChallengeStatus, string> = {
  draft: '需求征集',
  screening: '待遴选',
  published: '揭榜中',
  scoring: '专家评审',
  shortlisted: '入围公布',
  roadshow: '路演',
  awarded: '已揭榜',
  rejected: '未入选',
  cancelled: '已撤销',
};

export const CHALLENGE_TRANSITIONS = [
  'submit_for_screening',
  'return',
  'reject',
  'publish',
  'start_scoring',
  'shortlist',
  'schedule_roadshow',
  'award',
  'cancel',
] as const;
export type ChallengeTransition = (typeof CHALLENGE_TRANSITIONS)[number];
export const CHALLENGE_TRANSITION_LABELS: Record<ChallengeTransition, string> = {
  submit_for_screening: '提交遴选',
  return: '退回修改',
  reject: '不予发榜',
  publish: '发榜',
  start_scoring: '开启评审',
  shortlist: '公布入围',
  schedule_roadshow: '安排路演',
  award: '公布揭榜结果',
  cancel: '撤销',
};

/** IP terms: templates the sponsor chooses from (the text shown with the challenge agreement). */
export const IP_TERMS = ['solver_keeps', 'sponsor_acquires', 'shared_licence', 'open'] as const;
export type IpTerms = (typeof IP_TERMS)[number];
export const IP_TERM_TEMPLATES: Record<IpTerms, { label: string; text: string }> = {
  solver_keeps: {
    label: '揭榜方保留知识产权',
    text: '挑战方案及其形成的知识产权归揭榜方所有；发榜方在约定范围内享有优先实施许可。',
  },
  sponsor_acquires: {
    label: '发榜方受让知识产权',
    text: '揭榜成功后，挑战方案形成的知识产权按奖励或合同约定转让给发榜方，揭榜方署名权不受影响。',
  },
  shared_licence: {
    label: '共享（普通许可）',
    text: '知识产权归揭榜方所有，发榜方获得非独占、不可转让的普通实施许可，双方可各自实施。',
  },
  open: {
    label: '开放共享',
    text: '挑战方案以开放方式公开，任何人可在注明出处的前提下使用。',
  },
};

export const REWARD_KINDS = ['prize', 'contract_budget'] as const;
const Fen = z.number().int('must be a whole number of fen').min(0, 'must not be negative').max(100_000_000_000_000, 'is implausibly large');

export const Prize = z.object({
  /** e.g. 一等奖 */
  label: Text(50).min(1, 'is required'),
  count: z.number().int().min(1).max(50),
  amountFen: Fen,
});
export const Reward = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('prize'), prizes: z.array(Prize).min(1, 'give at least one prize').max(10) }),
  z.object({ kind: z.literal('contract_budget'), budgetFen: Fen.min(1, 'must be more than zero') }),
]);
export type Reward = z.infer<typeof Reward>;

const Instant = z.iso.datetime({ offset: true, message: 'must be an ISO-8601 date-time' });

export const Timeline = z.object({
  registrationDeadline: Instant,
  submissionDeadline: Instant,
  scoringDueAt: Instant.nullable().optional(),
  roadshowAt: Instant.nullable().optional(),
  awardAt: Instant.nullable().optional(),
});

export const CreateChallengeBody = z.object({
  title: Text(200).min(4, 'must be at least 4 characters'),
  problem: Text(20000).min(20, 'describe the problem in at least 20 characters'),
  /** Indicators the solution must reach (技术指标). */
  targets: Text(5000).default(''),
  fieldCode: z.string().min(1, 'is required').max(32),
  reward: Reward,
  ipTerms: z.enum(IP_TERMS),
  timeline: Timeline,
  sponsorAnonymous: z.boolean().default(false),
  /** The published demand (技术需求) this challenge is made from. */
  demandId: z.uuid().nullable().optional(),
  /** The sponsoring organisation, when the caller belongs to several (staff: the demand's organisation is used). */
  organizationId: z.uuid().optional(),
});
export type CreateChallengeBody = z.infer<typeof CreateChallengeBody>;

export const ChallengeTransitionBody = z.object({
  action: z.enum(CHALLENGE_TRANSITIONS),
  reason: Text(1000).optional(),
  /** start_scoring: experts per proposal panel (drawn from the expert pool; default 3). */
  panelSize: z.number().int().min(1).max(15).optional(),
  /** shortlist: the proposals that go through (入围). */
  proposalIds: z.array(z.uuid()).max(100).optional(),
  /** schedule_roadshow */
  roadshowAt: Instant.optional(),
  roadshowPlace: Text(200).optional(),
  /** award: prize per winning proposal, best first. */
  awards: z
    .array(z.object({ proposalId: z.uuid(), prizeLabel: Text(50).min(1, 'is required'), amountFen: Fen }))
    .max(50)
    .optional(),
});
export type ChallengeTransitionBody = z.infer<typeof ChallengeTransitionBody>;

export const ConsortiumMember = z.object({
  name: Text(200).min(2, 'is required'),
  creditCode: z.string().trim().toUpperCase(),
});
export const RegistrationBody = z.object({
  organizationId: z.uuid().optional(),
  teamName: Text(100).min(2, 'is required'),
  contactName: Text(50).min(1, 'is required'),
  contactPhone: Text(32).min(5, 'is required'),
  /** Other members of a consortium (联合体); the registering organisation leads. */
  consortiumMembers: z.array(ConsortiumMember).max(20).default([]),
  /** The challenge agreement (揭榜协议) with the chosen IP terms must be accepted. */
  acceptAgreement: z.literal(true, 'the challenge agreement must be accepted'),
});

export const ProposalAttachment = z
  .object({
    name: Text(200).min(1, 'is required'),
    mediaType: z.string().max(100).default('text/plain'),
    /** Text content, or a file as base64 (≤ 1 MB decoded). */
    text: z.string().max(200_000).optional(),
    dataBase64: z
      .string()
      .max(1_400_000)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64')
      .optional(),
  })
  .refine((a) => (a.text === undefined) !== (a.dataBase64 === undefined), { message: 'give either text or dataBase64', path: ['text'] });
export const ProposalBody = z.object({
  title: Text(200).min(2, 'is required'),
  summary: Text(2000).min(10, 'must be at least 10 characters'),
  /** 挑战报告 */
  report: Text(100_000).min(20, 'must be at least 20 characters'),
  attachments: z.array(ProposalAttachment).max(5).default([]),
});
export type ProposalBody = z.infer<typeof ProposalBody>;

export const ScoreBody = z.object({
  scores: z.record(z.string(), z.number()),
  comment: Text(2000).optional(),
});

export const StageBody = z.object({
  name: Text(100).min(1, 'is required'),
  /** Teams kept into this stage (a subset of the previous stage, or of the shortlist). */
  keptProposalIds: z.array(z.uuid()).min(1, 'keep at least one team').max(50),
  payments: z
    .array(z.object({ proposalId: z.uuid(), amountFen: Fen.min(1, 'must be more than zero'), note: Text(300).default('') }))
    .max(50)
    .default([]),
});

export const AwardContractBody = z.object({
  signedOn: z.iso.date('must be a date YYYY-MM-DD'),
  subject: Text(5000).min(10, 'must be at least 10 characters').optional(),
  organizationId: z.uuid().optional(),
});

const Org = z.object({ id: z.string(), name: z.string() });

export const ChallengeStatistics = z.object({
  challenges: z.number().int(),
  open: z.number().int(),
  proposals: z.number().int(),
  awards: z.number().int(),
  contractApplications: z.number().int(),
  contractsSigned: z.number().int(),
});

export const ChallengeSummary = z.object({
  id: z.string(),
  title: z.string(),
  fieldCode: z.string(),
  status: z.enum(CHALLENGE_STATUSES),
  /** null when the sponsor chose anonymity and the caller is neither the sponsor nor staff. */
  sponsor: Org.nullable(),
  sponsorAnonymous: z.boolean(),
  reward: Reward,
  rewardTotalFen: z.number().int(),
  ipTerms: z.enum(IP_TERMS),
  registrationDeadline: z.string(),
  submissionDeadline: z.string(),
  /** Server time when answered, for the countdown. */
  now: z.string(),
  registrations: z.number().int(),
  proposals: z.number().int(),
});
export type ChallengeSummary = z.infer<typeof ChallengeSummary>;

export const ScoreCriterion = z.object({ key: z.string(), label: z.string(), weight: z.number() });

export const ChallengeView = ChallengeSummary.extend({
  problem: z.string(),
  targets: z.string(),
  ipTermsText: z.string(),
  timeline: z.object({
    publishedAt: z.string().nullable(),
    registrationDeadline: z.string(),
    submissionDeadline: z.string(),
    scoringDueAt: z.string().nullable(),
    roadshowAt: z.string().nullable(),
    roadshowPlace: z.string().nullable(),
    awardAt: z.string().nullable(),
  }),
  demandId: z.string().nullable(),
  sealed: z.boolean(),
  /** Consortium rule in force (with its source). */
  consortium: z.object({ maxMembers: z.number().int(), source: z.string() }),
  scoreSheet: z.object({ key: z.string(), name: z.string(), source: z.string(), criteria: z.array(ScoreCriterion) }),
  shortlist: z.array(z.object({ proposalId: z.string(), teamName: z.string(), organization: Org })),
  awards: z.array(
    z.object({
      proposalId: z.string(),
      teamName: z.string(),
      organization: Org,
      prizeLabel: z.string(),
      amountFen: z.number().int(),
      rank: z.number().int(),
      contractId: z.string().nullable(),
    }),
  ),
  stages: z.array(
    z.object({
      seq: z.number().int(),
      name: z.string(),
      keptProposalIds: z.array(z.string()),
      payments: z.array(z.object({ proposalId: z.string(), amountFen: z.number().int(), note: z.string() })),
      createdAt: z.string(),
    }),
  ),
  /** Scoring panels (staff): proposals with a panel, and how many are complete. */
  panels: z.object({ opened: z.number().int(), complete: z.number().int() }).nullable(),
  /** My organisation's registration, if any. */
  myRegistration: z
    .object({ id: z.string(), teamName: z.string(), organizationId: z.string(), proposalId: z.string().nullable() })
    .nullable(),
  returnReason: z.string().nullable(),
  actions: z.array(z.enum([...CHALLENGE_TRANSITIONS, 'edit', 'register', 'submit_proposal', 'add_stage', 'apply_contract'])),
});
export type ChallengeView = z.infer<typeof ChallengeView>;

export const ProposalView = z.object({
  id: z.string(),
  challengeId: z.string(),
  teamName: z.string(),
  organization: Org,
  consortiumMembers: z.array(z.object({ name: z.string(), creditCode: z.string() })),
  submittedAt: z.string(),
  /** SHA-256 of the sealed content: the submitter's receipt. */
  digest: z.string(),
  /** True while nobody but the submitter may open it. */
  sealed: z.boolean(),
  /** null when sealed (except for the submitter). */
  content: z
    .object({
      title: z.string(),
      summary: z.string(),
      report: z.string(),
      attachments: z.array(
        z.object({ name: z.string(), mediaType: z.string(), text: z.string().optional(), dataBase64: z.string().optional() }),
      ),
    })
    .nullable(),
  shortlisted: z.boolean(),
  /** The proposal's panel (shared scoring engine): the aggregate for sponsor and staff, the own sheet for a seated expert. */
  score: z
    .object({
      panelId: z.string(),
      complete: z.boolean(),
      mean: z.number().nullable(),
      scored: z.number().int(),
      seats: z.number().int(),
      dropped: z.array(z.number()),
      mine: z.object({ scores: z.record(z.string(), z.number()), total: z.number(), comment: z.string().nullable() }).nullable(),
    })
    .nullable(),
});
export type ProposalView = z.infer<typeof ProposalView>;

export const HallQuery = z.object({
  status: z.enum(['open', 'all', ...CHALLENGE_STATUSES]).default('all'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
