/**
 * Negotiations (洽谈 / 提交意向) on published achievements and demands.
 *
 *   POST /api/inquiries                       trade:participate  CreateInquiryBody → 201 InquiryView
 *   GET  /api/me/inquiries?role=&status=      authenticated      { items: InquirySummary[] } (both sides)
 *   GET  /api/inquiries/:id                   authenticated      InquiryView (the two organisations only; else 404)
 *   POST /api/inquiries/:id/messages          authenticated      MessageBody → 201 InquiryView
 *   POST /api/inquiries/:id/transitions       authenticated      InquiryTransitionBody → InquiryView
 */
import { z } from 'zod';

export const INQUIRY_STATUSES = ['open', 'negotiating', 'agreed', 'moved_to_trading', 'closed'] as const;
export type InquiryStatus = (typeof INQUIRY_STATUSES)[number];
export const INQUIRY_STATUS_LABELS: Record<InquiryStatus, string> = {
  open: '待回复',
  negotiating: '洽谈中',
  agreed: '已达成意向',
  moved_to_trading: '已转入交易',
  closed: '已关闭',
};

export const INQUIRY_TRANSITIONS = ['negotiate', 'agree', 'move_to_trading', 'close'] as const;
export type InquiryTransition = (typeof INQUIRY_TRANSITIONS)[number];
export const INQUIRY_TRANSITION_LABELS: Record<InquiryTransition, string> = {
  negotiate: '开始洽谈',
  agree: '达成意向',
  move_to_trading: '转入交易',
  close: '关闭洽谈',
};

/** The cooperation the requester has in mind. */
export const INQUIRY_MODES = ['transfer', 'license', 'joint_development', 'equity', 'consulting', 'other'] as const;
export const INQUIRY_MODE_LABELS: Record<(typeof INQUIRY_MODES)[number], string> = {
  transfer: '转让',
  license: '许可',
  joint_development: '合作开发',
  equity: '作价入股',
  consulting: '技术咨询/服务',
  other: '其他',
};

const Text = (max: number) => z.string().trim().max(max);
const Attachment = z.object({
  name: Text(200).min(1, 'is required'),
  url: z.url({ protocol: /^https?$/, message: 'must be an http(s) link' }).max(2000),
});

export const CreateInquiryBody = z.object({
  recordKind: z.enum(['achievement', 'demand']),
  recordId: z.uuid(),
  message: Text(5000).min(2, 'say what you would like to discuss'),
  wantedMode: z.enum(INQUIRY_MODES).optional(),
  /** Budget in fen (integer). */
  budgetFen: z.number().int().min(0).max(1e15).optional(),
  attachments: z.array(Attachment).max(10).default([]),
  /** The organisation the requester speaks for, when they belong to more than one. */
  organizationId: z.uuid().optional(),
});
export type CreateInquiryBody = z.infer<typeof CreateInquiryBody>;

export const MessageBody = z.object({
  body: Text(5000).min(1, 'is required'),
  attachments: z.array(Attachment).max(10).default([]),
});

export const InquiryTransitionBody = z.object({
  action: z.enum(INQUIRY_TRANSITIONS),
  reason: Text(1000).optional(),
});

export const InquiryMessageView = z.object({
  id: z.string(),
  side: z.enum(['owner', 'requester']),
  authorName: z.string(),
  body: z.string(),
  attachments: z.array(z.object({ name: z.string(), url: z.string() })),
  createdAt: z.string(),
});

export const InquirySummary = z.object({
  id: z.string(),
  recordKind: z.enum(['achievement', 'demand']),
  recordId: z.string(),
  recordTitle: z.string(),
  ownerOrganization: z.object({ id: z.string(), name: z.string() }),
  requesterOrganization: z.object({ id: z.string(), name: z.string() }),
  status: z.enum(INQUIRY_STATUSES),
  wantedMode: z.enum(INQUIRY_MODES).nullable(),
  budgetFen: z.number().int().nullable(),
  /** The side the caller is on. */
  mySide: z.enum(['owner', 'requester']),
  lastMessageAt: z.string(),
  createdAt: z.string(),
});
export type InquirySummary = z.infer<typeof InquirySummary>;

export const InquiryView = InquirySummary.extend({
  closeReason: z.string().nullable(),
  messages: z.array(InquiryMessageView),
  /** What the caller may do now: `message` and the transitions allowed. */
  actions: z.array(z.enum(['message', ...INQUIRY_TRANSITIONS])),
});
export type InquiryView = z.infer<typeof InquiryView>;

export const MyInquiriesQuery = z.object({
  role: z.enum(['owner', 'requester', 'all']).default('all'),
  status: z.enum(INQUIRY_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
