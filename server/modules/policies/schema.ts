import { index, pgTable, text, uuid, varchar, boolean } from 'drizzle-orm/pg-core';
import { ts, tsvector } from '../../db/columns.js';
import { users } from '../identity/schema.js';
import { regions } from '../organizations/schema.js';

/** A policy document (政策) at national, city, district or park level. */
export const policies = pgTable(
  'policies',
  {
    id: uuid('id').primaryKey(),
    title: text('title').notNull(),
    /** national | city | district | park */
    level: varchar('level', { length: 16 }).notNull(),
    /** The region it governs (null for national policies): a city, district or park code. */
    regionCode: varchar('region_code', { length: 12 }).references(() => regions.code),
    issuer: text('issuer').notNull(),
    /** 文号, e.g. 津政发〔2017〕30号; null for laws and regulations that carry none. */
    documentNumber: text('document_number'),
    /** YYYY-MM-DD */
    issuedOn: varchar('issued_on', { length: 10 }).notNull(),
    effectiveFrom: varchar('effective_from', { length: 10 }),
    effectiveUntil: varchar('effective_until', { length: 10 }),
    summary: text('summary').notNull().default(''),
    fullText: text('full_text').notNull().default(''),
    sourceUrl: text('source_url'),
    tags: text('tags').array().notNull().default([]),
    /** Organisation types it applies to (empty: any). */
    organizationTypes: text('organization_types').array().notNull().default([]),
    /** Technical field codes it applies to (empty: any). */
    fieldCodes: text('field_codes').array().notNull().default([]),
    /** Only 科技型中小企业 (国科发政〔2017〕115号) qualify. */
    smeOnly: boolean('sme_only').notNull().default(false),
    /** draft | published | repealed */
    status: varchar('status', { length: 16 }).notNull(),
    publishedAt: ts('published_at'),
    searchVector: tsvector('search_vector'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('policies_status_idx').on(t.status, t.issuedOn),
    index('policies_region_idx').on(t.regionCode),
    index('policies_search_idx').using('gin', t.searchVector),
  ],
);
