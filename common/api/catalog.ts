import { z } from 'zod';
import { ReviewStepView } from './review-steps.js';
import { DayWithin, HttpUrl, Text } from '../text.js';
import { IP_KINDS, PATENT_KINDS, RECORD_STATUSES, TRANSFER_MODES, type PriceBandKey } from '../catalog.js';
import { parsePatentNumber, patentTypeFitsKind } from '../patent-number.js';

const MAX_FEN = 100_000_000_000_000; // ¥1 trillion: anything above is a typo
const Fen = z.number().int('must be a whole number of fen').min(0, 'must not be negative').max(MAX_FEN, 'is implausibly large');

export const IpAssetInput = z
  .object({
    kind: z.enum(IP_KINDS),
    number: Text(40).nullable().optional(),
    title: Text(200).min(1, 'is required'),
  })
  .transform((a, ctx) => {
    if (!PATENT_KINDS.includes(a.kind)) return { ...a, number: a.number || null };
    if (!a.number) {
      ctx.addIssue({ code: 'custom', path: ['number'], message: 'a patent needs its application number' });
      return z.NEVER;
    }
    const parsed = parsePatentNumber(a.number);
    if (typeof parsed === 'string') {
      const message =
        parsed === 'format'
          ? 'must be a Chinese patent application number like 200310102344.5 (12 digits) or 02112345.4 (8 digits)'
          : parsed === 'type'
            ? 'has an unknown patent type digit or a year that does not fit the number form'
            : 'check digit does not match';
      ctx.addIssue({ code: 'custom', path: ['number'], message });
      return z.NEVER;
    }
    if (!patentTypeFitsKind(a.kind, parsed.type)) {
      ctx.addIssue({
        code: 'custom',
        path: ['number'],
        message: `is a ${parsed.type.replace(/_/g, ' ')} number (its type digit), not a ${a.kind.replace(/_/g, ' ')}`,
      });
      return z.NEVER;
    }
    return { ...a, number: parsed.normalised };
  });

const Contact = z.object({
  name: Text(50).min(1, 'is required'),
  phone: Text(32).optional(),
  email: z.email('must be an e-mail address').optional(),
});
const TeamMember = z.object({ name: Text(50).min(1, 'is required'), title: Text(50).optional(), role: Text(50).optional() });
const Attachment = z.object({ name: Text(200).min(1), url: HttpUrl(500) });
const Keywords = z.array(Text(30).min(1)).max(10, 'at most 10 keywords').default([]);

const common = {
  title: Text(200).min(2, 'must be at least 2 characters'),
  summary: Text(5000).min(10, 'must be at least 10 characters'),
  fieldCode: z.string().min(1, 'is required').max(32),
  keywords: Keywords,
  contacts: z.array(Contact).max(5).default([]),
  attachments: z.array(Attachment).max(20).default([]),
  restricted: z.boolean().default(false),
};

export const AchievementInput = z
  .object({
    ...common,
    problemSolved: Text(3000).optional(),
    advantage: Text(3000).optional(),
    trl: z.number().int().min(1, 'must be 1–9').max(9, 'must be 1–9'),
    ipAssets: z.array(IpAssetInput).max(50).default([]),
    transferModes: z.array(z.enum(TRANSFER_MODES)).min(1, 'choose at least one transfer mode'),
    priceFen: Fen.nullable().optional(),
    priceNegotiable: z.boolean().default(false),
    publicFunding: z.boolean().default(false),
    team: z.array(TeamMember).max(50).default([]),
  })
  .superRefine((a, ctx) => {
    if (a.priceNegotiable && a.priceFen != null)
      ctx.addIssue({ code: 'custom', path: ['priceFen'], message: 'leave empty when the price is negotiable (面议)' });
    if (!a.priceNegotiable && a.priceFen == null)
      ctx.addIssue({ code: 'custom', path: ['priceFen'], message: 'give an asking price or mark it negotiable (面议)' });
  });
export type AchievementInput = z.infer<typeof AchievementInput>;

export const DemandInput = z
  .object({
    ...common,
    budgetMinFen: Fen.nullable().optional(),
    budgetMaxFen: Fen.nullable().optional(),
    budgetNegotiable: z.boolean().default(false),
    cooperationModes: z.array(z.enum(TRANSFER_MODES)).min(1, 'choose at least one cooperation mode'),
    trlMin: z.number().int().min(1).max(9).nullable().optional(),
    deadline: DayWithin({ earliest: 0, latestDays: 5 * 366 })
      .nullable()
      .optional(),
  })
  .superRefine((d, ctx) => {
    if (d.budgetMinFen != null && d.budgetMaxFen != null && d.budgetMinFen > d.budgetMaxFen) {
      ctx.addIssue({ code: 'custom', path: ['budgetMaxFen'], message: 'must not be below the minimum budget' });
    }
    if (!d.budgetNegotiable && d.budgetMinFen == null && d.budgetMaxFen == null) {
      ctx.addIssue({ code: 'custom', path: ['budgetMaxFen'], message: 'give a budget range or mark it negotiable (面议)' });
    }
  });
export type DemandInput = z.infer<typeof DemandInput>;

export const RECORD_ACTIONS = ['edit', 'submit', 'approve', 'return', 'publish', 'withdraw', 'close'] as const;
export type RecordAction = (typeof RECORD_ACTIONS)[number];

export const TransitionBody = z.object({
  action: z.enum(['submit', 'approve', 'return', 'publish', 'withdraw', 'close']),
  reason: Text(1000).optional(),
});

const RecordViewBase = z.object({
  id: z.string(),
  status: z.enum(RECORD_STATUSES),
  title: z.string(),
  summary: z.string(),
  fieldCode: z.string(),
  fieldName: z.string(),
  keywords: z.array(z.string()),
  organization: z.object({ id: z.string(), name: z.string(), type: z.string() }),
  regionCode: z.string(),
  regionName: z.string(),
  /** Only for logged-in members; null for visitors. */
  contacts: z.array(Contact).nullable(),
  attachments: z.array(Attachment),
  restricted: z.boolean(),
  reviewReason: z.string().nullable(),
  /** Every review step (reviewer, decision, reason), for the owner and reviewers only. */
  reviewSteps: z.array(ReviewStepView).optional(),
  submittedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  actions: z.array(z.enum(RECORD_ACTIONS)),
});

export const AchievementView = RecordViewBase.extend({
  kind: z.literal('achievement'),
  problemSolved: z.string().nullable(),
  advantage: z.string().nullable(),
  trl: z.number(),
  ipAssets: z.array(z.object({ kind: z.enum(IP_KINDS), number: z.string().nullable(), title: z.string() })),
  transferModes: z.array(z.enum(TRANSFER_MODES)),
  priceFen: z.number().nullable(),
  priceNegotiable: z.boolean(),
  publicFunding: z.boolean(),
  team: z.array(TeamMember),
});
export type AchievementView = z.infer<typeof AchievementView>;

export const DemandView = RecordViewBase.extend({
  kind: z.literal('demand'),
  budgetMinFen: z.number().nullable(),
  budgetMaxFen: z.number().nullable(),
  budgetNegotiable: z.boolean(),
  cooperationModes: z.array(z.enum(TRANSFER_MODES)),
  trlMin: z.number().nullable(),
  deadline: z.string().nullable(),
});
export type DemandView = z.infer<typeof DemandView>;

export const TechnicalFieldView = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  scheme: z.string(),
  parentCode: z.string().nullable(),
});

export const ListMineQuery = z.object({
  status: z.enum(RECORD_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const ReviewQueueQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export type { PriceBandKey };

export const CURATED_LIST_KINDS = ['public_interest_catalogue', 'package'] as const;
export const CuratedListBody = z.object({
  kind: z.enum(CURATED_LIST_KINDS),
  title: Text(200).min(2, 'must be at least 2 characters'),
  keyArea: Text(100).optional(),
  description: Text(3000).optional(),
  published: z.boolean().default(false),
});
export const CuratedItemsBody = z.object({ achievementIds: z.array(z.uuid()).max(500) });
export const CuratedListView = z.object({
  id: z.string(),
  kind: z.enum(CURATED_LIST_KINDS),
  title: z.string(),
  keyArea: z.string().nullable(),
  description: z.string().nullable(),
  published: z.boolean(),
  achievements: z.array(AchievementView),
  updatedAt: z.string(),
});
