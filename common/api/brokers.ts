/**
 * Broker and manager registry (技术经纪人 / 技术经理人; issue 15, C7).
 *
 *   GET  /api/brokers?q=&tier=&organizationId=&sort=&year=   public          { items: BrokerSummary[], total } (ranking by registered contract amount)
 *   GET  /api/brokers/:id                                     public          BrokerView (contact details and declarations to registry keepers and the broker)
 *   POST /api/brokers                                         broker:manage   CreateBrokerBody → 201 BrokerView
 *   PATCH /api/brokers/:id                                    broker:manage   UpdateBrokerBody → BrokerView
 *   POST /api/brokers/:id/transitions                         broker:manage   { action: suspend | reinstate | withdraw, reason }
 *   POST /api/brokers/:id/trainings                           broker:manage   TrainingBody → 201 BrokerView
 *   POST /api/brokers/:id/accreditations                      broker:manage   AccreditationBody → 201 BrokerView
 *   POST /api/brokers/:id/accreditations/:accreditationId/revoke  broker:manage  { reason } → BrokerView
 *   GET  /api/me/broker                                       broker:declare  BrokerView of the caller's own registry entry
 *   POST /api/me/broker/declarations                          broker:declare  DeclarationBody → 201 BrokerView
 *   POST /api/brokers/import                                  broker:manage   xlsx of the registry → import report
 *   GET  /api/brokers/import/template                         broker:manage   the xlsx template
 */
import { z } from 'zod';

/** 火炬中心《国家技术转移专业人员能力等级培训大纲》(2020): three tiers, lowest first. */
export const BROKER_TIERS = ['junior_broker', 'intermediate_broker', 'senior_manager'] as const;
export type BrokerTier = (typeof BROKER_TIERS)[number];
export const BROKER_TIER_LABELS: Record<BrokerTier, { zh: string; en: string }> = {
  junior_broker: { zh: '初级技术经纪人', en: 'Junior technology broker' },
  intermediate_broker: { zh: '中级技术经纪人', en: 'Intermediate technology broker' },
  senior_manager: { zh: '高级技术经理人', en: 'Senior technology manager' },
};
export const BROKER_TIER_SOURCE = '科技部火炬中心《国家技术转移专业人员能力等级培训大纲（试行）》（2020）';

/** The syllabus's four training modules. */
export const TRAINING_MODULES = ['public_knowledge', 'policy_regulation', 'practical_skills', 'capability_improvement'] as const;
export type TrainingModule = (typeof TRAINING_MODULES)[number];
export const TRAINING_MODULE_LABELS: Record<TrainingModule, { zh: string; en: string }> = {
  public_knowledge: { zh: '公共知识', en: 'Common knowledge' },
  policy_regulation: { zh: '政策法规', en: 'Policy and regulation' },
  practical_skills: { zh: '实务技能', en: 'Practical skills' },
  capability_improvement: { zh: '能力提升', en: 'Capability improvement' },
};

export const BROKER_STATUSES = ['active', 'suspended', 'withdrawn'] as const;
export type BrokerStatus = (typeof BROKER_STATUSES)[number];
export const BROKER_STATUS_LABELS: Record<BrokerStatus, { zh: string; en: string }> = {
  active: { zh: '在册', en: 'Active' },
  suspended: { zh: '暂停', en: 'Suspended' },
  withdrawn: { zh: '已注销', en: 'Withdrawn' },
};
export const BROKER_TRANSITIONS = ['suspend', 'reinstate', 'withdraw'] as const;
export type BrokerTransition = (typeof BROKER_TRANSITIONS)[number];

/** An accreditation reads `valid` until its expiry date has passed; `revoked` is stored. */
export const ACCREDITATION_STATUSES = ['valid', 'expired', 'revoked'] as const;
export type AccreditationStatus = (typeof ACCREDITATION_STATUSES)[number];

const Text = (max: number) => z.string().trim().max(max);
const LocalDate = z.iso.date();

export const CreateBrokerBody = z.object({
  name: Text(60).min(2, 'is required'),
  /** The platform account the broker uses; contracts name brokers by it (their track record follows). */
  userId: z.uuid().nullable().optional(),
  employingOrganizationId: z.uuid().nullable().optional(),
  specialties: Text(500).default(''),
  bio: Text(2000).default(''),
  phone: Text(32).nullable().optional(),
  email: z.email().max(200).nullable().optional(),
});
export type CreateBrokerBody = z.infer<typeof CreateBrokerBody>;
export const UpdateBrokerBody = CreateBrokerBody.partial();

export const BrokerTransitionBody = z.object({ action: z.enum(BROKER_TRANSITIONS), reason: Text(1000).optional() });

export const TrainingBody = z.object({
  course: Text(200).min(2, 'is required'),
  module: z.enum(TRAINING_MODULES),
  hours: z.number().positive().max(1000),
  completedOn: LocalDate,
  certificateNumber: Text(64).nullable().optional(),
  provider: Text(200).nullable().optional(),
});

export const AccreditationBody = z.object({
  tier: z.enum(BROKER_TIERS),
  certificateNumber: Text(64).min(4, 'is required'),
  issuedOn: LocalDate,
  expiresOn: LocalDate,
  issuer: Text(200).min(2, 'is required'),
});

export const RevokeBody = z.object({ reason: Text(1000).min(2, 'say why') });

export const DeclarationBody = z.object({
  /** A contract that names the caller as its broker (any status); its platform deal, if any, is recorded with it. */
  contractId: z.uuid(),
  hasConflict: z.boolean(),
  /** Required when there is a conflict: the relation to a party (shareholding, employment, kinship …). */
  relation: Text(1000).optional(),
  statement: Text(2000).min(2, 'is required'),
});

export const BrokersQuery = z.object({
  q: Text(100).optional(),
  tier: z.enum(BROKER_TIERS).optional(),
  organizationId: z.uuid().optional(),
  /** ranking: registered contract amount (in `year` when given), highest first; name: by name. */
  sort: z.enum(['ranking', 'name']).default('ranking'),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const TrackRecord = z.object({
  /** Registered (certified, not cancelled) contracts naming the broker. */
  contracts: z.number().int(),
  contractAmountFen: z.number().int(),
  technologyTransactionAmountFen: z.number().int(),
  /** Platform deals (trading) completed and registered with the broker named on the contract. */
  completedDeals: z.number().int(),
});
export type TrackRecord = z.infer<typeof TrackRecord>;

const OrgRef = z.object({ id: z.string(), name: z.string() });

export const BrokerSummary = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(BROKER_STATUSES),
  /** The highest tier of a valid accreditation today; null when none is valid. */
  tier: z.enum(BROKER_TIERS).nullable(),
  certified: z.boolean(),
  employer: OrgRef.nullable(),
  specialties: z.string(),
  trainingHours: z.number(),
  trackRecord: TrackRecord,
  /** Place in the ranking of the listed query (1 = highest amount); null when sorted by name. */
  rank: z.number().int().nullable(),
});
export type BrokerSummary = z.infer<typeof BrokerSummary>;

export const BrokerView = BrokerSummary.extend({
  bio: z.string(),
  hasAccount: z.boolean(),
  /** Only to registry keepers and the broker. */
  contact: z.object({ phone: z.string().nullable(), email: z.string().nullable() }).nullable(),
  accreditations: z.array(
    z.object({
      id: z.string(),
      tier: z.enum(BROKER_TIERS),
      certificateNumber: z.string(),
      issuedOn: z.string(),
      expiresOn: z.string(),
      issuer: z.string(),
      status: z.enum(ACCREDITATION_STATUSES),
      revokeReason: z.string().nullable(),
    }),
  ),
  trainings: z.array(
    z.object({
      id: z.string(),
      course: z.string(),
      module: z.enum(TRAINING_MODULES),
      hours: z.number(),
      completedOn: z.string(),
      certificateNumber: z.string().nullable(),
      provider: z.string().nullable(),
    }),
  ),
  hoursByModule: z.record(z.string(), z.number()),
  recentContracts: z.array(
    z.object({
      registrationNumber: z.string().nullable(),
      title: z.string(),
      type: z.string(),
      contractAmountFen: z.number().int(),
      certifiedAt: z.string().nullable(),
      seller: z.string(),
      buyer: z.string(),
      dealId: z.string().nullable(),
    }),
  ),
  /** Only to registry keepers and the broker. */
  declarations: z
    .array(
      z.object({
        id: z.string(),
        contractId: z.string(),
        contractTitle: z.string(),
        dealId: z.string().nullable(),
        hasConflict: z.boolean(),
        relation: z.string().nullable(),
        statement: z.string(),
        declaredAt: z.string(),
      }),
    )
    .nullable(),
  actions: z.array(z.enum(['edit', 'train', 'accredit', 'revoke', ...BROKER_TRANSITIONS, 'declare'])),
});
export type BrokerView = z.infer<typeof BrokerView>;
