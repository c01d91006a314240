/**
 * Professional services (专业服务) from service providers: IP agents, law firms, valuers and
 * evaluators of achievements. A catalogue of offerings priced in fen or by quote; requests follow
 * request → quote → accepted → delivered → rated, each step the provider owes under an SLA counted
 * in working days.
 *
 *   GET  /api/service-offerings?category=&q=        public            { items: OfferingView[] }
 *   POST /api/service-offerings                      service:provide   OfferingBody → 201 OfferingView
 *   POST /api/service-requests                       service:request   CreateRequestBody → 201 ServiceRequestView
 *   GET  /api/me/service-requests?side=              authenticated     { items: ServiceRequestView[] }
 *   GET  /api/service-requests/:id                   authenticated     ServiceRequestView (the two organisations only)
 *   POST /api/service-requests/:id/transitions       authenticated     TransitionBody → ServiceRequestView
 */
import { z } from 'zod';

export const SERVICE_CATEGORIES = ['ip_agency', 'legal', 'valuation', 'evaluation', 'other'] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];
export const SERVICE_CATEGORY_LABELS: Record<ServiceCategory, string> = {
  ip_agency: '知识产权代理',
  legal: '法律服务',
  valuation: '资产评估',
  evaluation: '科技成果评价',
  other: '其他服务',
};

export const SERVICE_REQUEST_STATUSES = ['requested', 'quoted', 'accepted', 'delivered', 'rated', 'declined', 'cancelled'] as const;
export type ServiceRequestStatus = (typeof SERVICE_REQUEST_STATUSES)[number];
export const SERVICE_REQUEST_STATUS_LABELS: Record<ServiceRequestStatus, string> = {
  requested: '待报价',
  quoted: '已报价',
  accepted: '服务中',
  delivered: '已交付',
  rated: '已评价',
  declined: '已婉拒',
  cancelled: '已取消',
};

export const SERVICE_TRANSITIONS = ['quote', 'decline', 'accept', 'cancel', 'deliver', 'rate'] as const;
export type ServiceTransition = (typeof SERVICE_TRANSITIONS)[number];
export const SERVICE_TRANSITION_LABELS: Record<ServiceTransition, string> = {
  quote: '报价',
  decline: '婉拒',
  accept: '接受报价',
  cancel: '取消',
  deliver: '交付成果',
  rate: '评价',
};

/** The five values an evaluation report states (国办发〔2021〕26号 完善科技成果评价机制的指导意见). */
export const EVALUATION_VALUES = ['scientific', 'technical', 'economic', 'social', 'cultural'] as const;
export const EVALUATION_VALUE_LABELS: Record<(typeof EVALUATION_VALUES)[number], string> = {
  scientific: '科学价值',
  technical: '技术价值',
  economic: '经济价值',
  social: '社会价值',
  cultural: '文化价值',
};

const Text = (max: number) => z.string().trim().max(max);

export const OfferingBody = z
  .object({
    category: z.enum(SERVICE_CATEGORIES),
    title: Text(200).min(2, 'is required'),
    description: Text(5000).min(2, 'is required'),
    pricing: z.enum(['fixed', 'quote']),
    priceFen: z.number().int().min(0).max(1e13).optional(),
    quoteWorkingDays: z.number().int().min(1).max(60).default(3),
    deliveryWorkingDays: z.number().int().min(1).max(250),
    organizationId: z.uuid().optional(),
  })
  .refine((b) => b.pricing === 'quote' || b.priceFen !== undefined, { message: 'a fixed price needs priceFen', path: ['priceFen'] });

/** What the provider may change on an active offering (the fields given are changed); requests already made keep their title and price. */
export const UpdateOfferingBody = z
  .object({
    title: Text(200).min(2, 'is required'),
    description: Text(5000).min(2, 'is required'),
    pricing: z.enum(['fixed', 'quote']),
    priceFen: z.number().int().min(0).max(1e13).nullable(),
    quoteWorkingDays: z.number().int().min(1).max(60),
    deliveryWorkingDays: z.number().int().min(1).max(250),
  })
  .partial();

export const OfferingsQuery = z.object({
  category: z.enum(SERVICE_CATEGORIES).optional(),
  providerId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});

export const OfferingView = z.object({
  id: z.string(),
  provider: z.object({ id: z.string(), name: z.string() }),
  category: z.enum(SERVICE_CATEGORIES),
  title: z.string(),
  description: z.string(),
  pricing: z.enum(['fixed', 'quote']),
  priceFen: z.number().int().nullable(),
  quoteWorkingDays: z.number().int(),
  deliveryWorkingDays: z.number().int(),
  /** Mean of the ratings of the provider's completed requests (1–5), null before any. */
  providerRating: z.number().nullable(),
  providerRatings: z.number().int(),
});
export type OfferingView = z.infer<typeof OfferingView>;

export const CreateRequestBody = z.object({
  offeringId: z.uuid(),
  description: Text(5000).min(5, 'say what you need'),
  achievementId: z.uuid().optional(),
  organizationId: z.uuid().optional(),
});

export const TransitionBody = z.object({
  action: z.enum(SERVICE_TRANSITIONS),
  /** quote: the price in fen. */
  quoteFen: z.number().int().min(0).max(1e13).optional(),
  /** quote, decline, cancel, deliver: a note. */
  note: Text(5000).optional(),
  /** deliver (evaluation): the conclusion on each of the five values. */
  evaluationValues: z.partialRecord(z.enum(EVALUATION_VALUES), Text(2000)).optional(),
  /** rate: 1–5 stars and a comment. */
  rating: z.number().int().min(1).max(5).optional(),
  comment: Text(2000).optional(),
});
export type TransitionBody = z.infer<typeof TransitionBody>;

export const MyRequestsQuery = z.object({ side: z.enum(['requester', 'provider', 'all']).default('all') });

export const ServiceRequestView = z.object({
  id: z.string(),
  offeringId: z.string(),
  offeringTitle: z.string(),
  category: z.enum(SERVICE_CATEGORIES),
  provider: z.object({ id: z.string(), name: z.string() }),
  requester: z.object({ id: z.string(), name: z.string() }),
  status: z.enum(SERVICE_REQUEST_STATUSES),
  description: z.string(),
  achievementId: z.string().nullable(),
  quoteFen: z.number().int().nullable(),
  quoteNote: z.string().nullable(),
  /** The SLA deadline of the step the provider owes now (quote or delivery), or null. */
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  /** The deadline lies in a year whose holidays are not yet published (counted on weekends only). */
  dueEstimated: z.boolean(),
  deliveredAt: z.string().nullable(),
  deliveredLate: z.boolean().nullable(),
  deliveryNote: z.string().nullable(),
  evaluationValues: z.record(z.string(), z.string()).nullable(),
  rating: z.number().int().nullable(),
  ratingComment: z.string().nullable(),
  closeReason: z.string().nullable(),
  mySide: z.enum(['requester', 'provider']),
  actions: z.array(z.enum(SERVICE_TRANSITIONS)),
  createdAt: z.string(),
});
export type ServiceRequestView = z.infer<typeof ServiceRequestView>;
