import { index, integer, jsonb, pgTable, text, uuid, varchar, boolean } from 'drizzle-orm/pg-core';
import { fen, ts } from '../../db/columns.js';
import { users } from '../identity/schema.js';
import { organizations } from '../organizations/schema.js';

/** A service a provider (organisation of type service_provider) offers: a fixed price in fen, or by quote. */
export const serviceOfferings = pgTable(
  'service_offerings',
  {
    id: uuid('id').primaryKey(),
    providerOrganizationId: uuid('provider_organization_id')
      .notNull()
      .references(() => organizations.id),
    /** ip_agency | legal | valuation | evaluation | other (common/api/services.ts) */
    category: varchar('category', { length: 16 }).notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    /** fixed | quote */
    pricing: varchar('pricing', { length: 8 }).notNull(),
    priceFen: fen('price_fen'),
    /** Working days the provider has to quote after a request. */
    quoteWorkingDays: integer('quote_working_days').notNull(),
    /** Working days the provider has to deliver after the quote is accepted. */
    deliveryWorkingDays: integer('delivery_working_days').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('service_offerings_provider_idx').on(t.providerOrganizationId), index('service_offerings_category_idx').on(t.category)],
);

export const serviceRequests = pgTable(
  'service_requests',
  {
    id: uuid('id').primaryKey(),
    offeringId: uuid('offering_id')
      .notNull()
      .references(() => serviceOfferings.id),
    offeringTitle: text('offering_title').notNull(),
    category: varchar('category', { length: 16 }).notNull(),
    providerOrganizationId: uuid('provider_organization_id')
      .notNull()
      .references(() => organizations.id),
    requesterOrganizationId: uuid('requester_organization_id')
      .notNull()
      .references(() => organizations.id),
    requesterUserId: uuid('requester_user_id')
      .notNull()
      .references(() => users.id),
    /** requested | quoted | accepted | delivered | rated | declined | cancelled (lifecycle.ts) */
    status: varchar('status', { length: 16 }).notNull(),
    description: text('description').notNull(),
    /** An achievement the request is about (evaluation, valuation), if any. */
    achievementId: uuid('achievement_id'),
    quoteFen: fen('quote_fen'),
    quoteNote: text('quote_note'),
    /** The SLA deadline of the step now expected of the provider (quote or delivery), null when none. */
    dueAt: ts('due_at'),
    quotedAt: ts('quoted_at'),
    acceptedAt: ts('accepted_at'),
    deliveredAt: ts('delivered_at'),
    deliveryNote: text('delivery_note'),
    /** Evaluation reports: the five values of 国办发〔2021〕26号, each a short conclusion. */
    evaluationValues: jsonb('evaluation_values').$type<Record<string, string>>(),
    /** True when the provider delivered after the SLA deadline. */
    deliveredLate: boolean('delivered_late'),
    rating: integer('rating'),
    ratingComment: text('rating_comment'),
    ratedAt: ts('rated_at'),
    closeReason: text('close_reason'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('service_requests_provider_idx').on(t.providerOrganizationId, t.createdAt),
    index('service_requests_requester_idx').on(t.requesterOrganizationId, t.createdAt),
    index('service_requests_offering_idx').on(t.offeringId),
  ],
);
