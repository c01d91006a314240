/**
 * Integrity records (诚信), C9.
 *
 *   GET  /api/integrity/records?organizationId=&inForce=   authenticated      { items: IntegrityRecordView[] } (officers their region, admins all, members their organisation's)
 *   POST /api/integrity/records                            integrity:record   IntegrityRecordBody → 201 IntegrityRecordView
 *   GET  /api/integrity/records/:id                        authenticated      IntegrityRecordView
 *   POST /api/integrity/records/:id/transitions            authenticated      { action: appeal | dismiss_appeal | uphold_appeal, reason } → IntegrityRecordView
 *   GET  /api/integrity/organizations/:id/flags            public             { items: IntegrityFlag[] } (penalties in force, for the public page)
 */
import { z } from 'zod';
import { INTEGRITY_PARTY_KINDS, INTEGRITY_STATUSES, INTEGRITY_TRANSITIONS, LEGAL_BASES, PENALTY_KINDS } from '../integrity.js';

const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');

export const IntegrityRecordBody = z.object({
  partyKind: z.enum(INTEGRITY_PARTY_KINDS),
  /** The organisation (party) or, for a person, the organisation they belong to (optional). */
  organizationId: z.uuid().nullable().optional(),
  personName: z.string().trim().min(2).max(60).nullable().optional(),
  misconduct: z.string().trim().min(4).max(4000),
  penaltyKind: z.enum(PENALTY_KINDS),
  penaltyDetail: z.string().trim().max(2000).default(''),
  decidingBody: z.string().trim().min(2).max(200),
  legalBasis: z.enum(LEGAL_BASES),
  legalBasisDetail: z.string().trim().max(1000).default(''),
  effectiveOn: LocalDate,
  periodMonths: z.number().int().min(1).max(120),
});
export type IntegrityRecordBody = z.infer<typeof IntegrityRecordBody>;

export const IntegrityTransitionBody = z.object({
  action: z.enum(INTEGRITY_TRANSITIONS),
  reason: z.string().trim().min(2).max(4000),
});

export const IntegrityListQuery = z.object({
  organizationId: z.uuid().optional(),
  inForce: z.enum(['true', 'false']).optional(),
});

export const IntegrityRecordView = z.object({
  id: z.string(),
  partyKind: z.enum(INTEGRITY_PARTY_KINDS),
  organization: z.object({ id: z.string(), name: z.string() }).nullable(),
  personName: z.string().nullable(),
  regionCode: z.string(),
  misconduct: z.string(),
  penaltyKind: z.enum(PENALTY_KINDS),
  penaltyDetail: z.string(),
  decidingBody: z.string(),
  legalBasis: z.enum(LEGAL_BASES),
  legalBasisDetail: z.string(),
  effectiveOn: z.string(),
  periodMonths: z.number().int(),
  endsOn: z.string(),
  inForce: z.boolean(),
  status: z.enum(INTEGRITY_STATUSES),
  source: z.string(),
  appealReason: z.string().nullable(),
  appealedAt: z.string().nullable(),
  appealDeadline: z.string(),
  decisionReason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
  actions: z.array(z.enum(INTEGRITY_TRANSITIONS)),
});
export type IntegrityRecordView = z.infer<typeof IntegrityRecordView>;

export const IntegrityFlag = z.object({
  id: z.string(),
  penaltyKind: z.enum(PENALTY_KINDS),
  decidingBody: z.string(),
  effectiveOn: z.string(),
  endsOn: z.string(),
});
