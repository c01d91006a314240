/**
 * Annual transformation reports (科技成果转化年度报告) and S&T reports (科技报告), C9.
 *
 *   GET  /api/annual-reports?year=&status=          authenticated   { items: AnnualReportSummary[] } (own organisation; officers their region; admins all)
 *   POST /api/annual-reports                        report:file     OpenReportBody → 201 AnnualReportView (the draft, prefilled)
 *   GET  /api/annual-reports/parameters             public          window, due date, reminders, grace period with sources
 *   GET  /api/annual-reports/:id                    authenticated   AnnualReportView (figures + reconciliation)
 *   PUT  /api/annual-reports/:id                    report:file     ReportContent → AnnualReportView (draft or returned)
 *   POST /api/annual-reports/:id/transitions        authenticated   { action: submit | return | accept, reason? } → AnnualReportView
 *   GET  /api/annual-reports/:id/export.xlsx        authenticated   the official layout
 *   GET  /api/st-reports                            public          { items: StReportView[] }
 *   POST /api/st-reports                            report:file     StReportBody → 201 StReportView
 *   GET  /api/st-reports/:id                        public          StReportView (a delayed one's abstract withheld until release)
 */
import { z } from 'zod';
import {
  ANNUAL_REPORT_STATUSES,
  ANNUAL_REPORT_TRANSITIONS,
  CO_BUILT_KINDS,
  REPORT_COOPERATION_TYPES,
  REPORT_TRANSFER_MODES,
  ST_REPORT_ACCESS,
} from '../reports.js';

const Text = (max: number) => z.string().trim().max(max);
const Fen = z.number().int().min(0).max(1e15);
const Count = z.number().int().min(0).max(1e7);
const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');

/** What the organisation completes by hand (the six blocks' own parts). */
export const ReportContent = z.object({
  work: z.object({ summary: Text(5000).default(''), problems: Text(5000).default('') }).default({ summary: '', problems: '' }),
  achievements: z.object({ sourceNote: Text(2000).default('') }).default({ sourceNote: '' }),
  transfers: z.object({ note: Text(2000).default('') }).default({ note: '' }),
  cooperation: z
    .object({
      coBuiltBodies: z
        .array(
          z.object({
            name: Text(200).min(1),
            partner: Text(200).min(1),
            kind: z.enum(CO_BUILT_KINDS),
            establishedOn: LocalDate.nullable().default(null),
          }),
        )
        .max(100)
        .default([]),
      note: Text(2000).default(''),
    })
    .default({ coBuiltBodies: [], note: '' }),
  /** Block 5: rewards paid outside the platform, by hand (the platform’s paid distributions are `figures.distribution`). */
  distribution: z
    .object({
      cashRewardFen: Fen.default(0),
      equityRewardFen: Fen.default(0),
      cashPersons: Count.default(0),
      equityPersons: Count.default(0),
      note: Text(2000).default(''),
    })
    .default({ cashRewardFen: 0, equityRewardFen: 0, cashPersons: 0, equityPersons: 0, note: '' }),
  policy: z
    .object({
      implementation: Text(5000).default(''),
      /** Projects not on the platform (those on it are listed from the figures). */
      extraProjects: z
        .array(
          z.object({
            name: Text(200).min(1),
            partner: Text(200).default(''),
            mode: Text(40).default(''),
            amountFen: Fen.default(0),
            /** The technology-contract registration number when it has one (checked against the platform's records). */
            registrationNumber: Text(32).default(''),
          }),
        )
        .max(200)
        .default([]),
    })
    .default({ implementation: '', extraProjects: [] }),
});
export type ReportContent = z.infer<typeof ReportContent>;

export const OpenReportBody = z.object({
  organizationId: z.uuid().optional(),
  year: z.number().int().min(2000).max(2100),
});

export const AnnualReportTransitionBody = z.object({
  action: z.enum(ANNUAL_REPORT_TRANSITIONS),
  reason: z.string().trim().max(2000).optional(),
});

export const AnnualReportsQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(ANNUAL_REPORT_STATUSES).optional(),
  overdue: z.enum(['true', 'false']).optional(),
});

/** One platform record behind a figure, with its registered contract when there is one. */
export const SourceRecord = z.object({
  kind: z.enum(['deal', 'contract', 'achievement']),
  id: z.string(),
  title: z.string(),
  /** Report mode / contract type the record counts under. */
  category: z.string(),
  amountFen: z.number().int(),
  counterparty: z.string(),
  date: z.string(),
  registrationNumber: z.string().nullable(),
  /** For a deal: the registered contract made from it (contracts.dealId), its amount, the difference. */
  registeredContractId: z.string().nullable(),
  registeredAmountFen: z.number().int().nullable(),
  differenceFen: z.number().int().nullable(),
  issue: z.enum(['not_registered', 'amount_differs']).nullable(),
});
export type SourceRecord = z.infer<typeof SourceRecord>;

const Tally = z.object({ count: z.number().int(), amountFen: z.number().int() });

/** What the platform prefills: computed live while the organisation fills in, frozen at submission. */
export const AnnualFigures = z.object({
  computedAt: z.string(),
  achievements: z.object({
    total: z.number().int(),
    publiclyFunded: z.number().int(),
    byIpKind: z.record(z.string(), z.number().int()),
    records: z.array(
      z.object({ id: z.string(), title: z.string(), publicFunding: z.boolean(), ipKinds: z.array(z.string()), publishedAt: z.string() }),
    ),
  }),
  transfers: z.object({
    byMode: z.record(z.enum(REPORT_TRANSFER_MODES), Tally),
    total: Tally,
    largeDeals: z.array(SourceRecord),
    records: z.array(SourceRecord),
  }),
  cooperation: z.object({
    byType: z.record(z.enum(REPORT_COOPERATION_TYPES), Tally),
    total: Tally,
    records: z.array(SourceRecord),
  }),
  /** Block 5 prefill from the income distributions paid in the year (null in reports frozen before it existed). */
  distribution: z
    .object({ cashFen: z.number().int(), equityFen: z.number().int(), persons: z.number().int(), byMode: z.record(z.string(), z.number()) })
    .nullable(),
  reconciliation: z.object({
    dealsTotalFen: z.number().int(),
    registeredTotalFen: z.number().int(),
    /** Σ (deal price − registered amount) over deals with a registered contract. */
    differenceFen: z.number().int(),
    unregisteredDeals: z.number().int(),
    differingDeals: z.number().int(),
  }),
});
export type AnnualFigures = z.infer<typeof AnnualFigures>;

export const AnnualReportSummary = z.object({
  id: z.string(),
  year: z.number().int(),
  organization: z.object({ id: z.string(), name: z.string() }),
  regionCode: z.string(),
  status: z.enum(ANNUAL_REPORT_STATUSES),
  windowOpensAt: z.string(),
  dueAt: z.string(),
  overdue: z.boolean(),
  late: z.boolean(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  returnReason: z.string().nullable(),
  /** The organisation is under an active integrity penalty. */
  integrityFlag: z.boolean(),
});
export type AnnualReportSummary = z.infer<typeof AnnualReportSummary>;

export const ANNUAL_REPORT_ACTIONS = ['edit', 'submit', 'return', 'accept', 'export'] as const;
export const AnnualReportView = AnnualReportSummary.extend({
  content: ReportContent,
  figures: AnnualFigures,
  /** True once submitted: the figures are the snapshot the organisation submitted. */
  figuresFrozen: z.boolean(),
  actions: z.array(z.enum(ANNUAL_REPORT_ACTIONS)),
});
export type AnnualReportView = z.infer<typeof AnnualReportView>;

export const ParameterItem = z.object({ key: z.string(), value: z.unknown(), zh: z.string(), source: z.string() });
export const ParametersView = z.object({ items: z.array(ParameterItem) });

// S&T reports -------------------------------------------------------------------------------------

export const StReportBody = z.object({
  organizationId: z.uuid().optional(),
  projectNumber: z
    .string()
    .trim()
    .transform((s) => s.toUpperCase())
    .pipe(z.string().regex(/^[0-9A-Z]{2,32}$/, '2–32 upper-case letters and digits, e.g. 2022YFB3803600')),
  projectName: z.string().trim().min(2).max(200),
  fundingProgramme: z.string().trim().min(2).max(200),
  title: z.string().trim().min(2).max(300),
  abstract: z.string().trim().max(20000),
  keywords: z.array(z.string().max(200)).max(50),
  access: z.enum(ST_REPORT_ACCESS),
  releaseOn: LocalDate.nullable().optional(),
});
export type StReportBody = z.infer<typeof StReportBody>;

export const StReportView = z.object({
  id: z.string(),
  number: z.string(),
  organization: z.object({ id: z.string(), name: z.string() }),
  projectNumber: z.string(),
  projectName: z.string(),
  fundingProgramme: z.string(),
  title: z.string(),
  keywords: z.array(z.string()),
  access: z.enum(ST_REPORT_ACCESS),
  releaseOn: z.string().nullable(),
  /** Null while a delayed report is under controlled access and the caller is not allowed. */
  abstract: z.string().nullable(),
  withheld: z.boolean(),
  createdAt: z.string(),
});
export type StReportView = z.infer<typeof StReportView>;
