import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { ts, tsvector } from '../../db/columns.js';
import { users } from '../identity/schema.js';
import { organizations, regions } from '../organizations/schema.js';
import { recencyVector } from './recency.js';

export { tsvector };

/** Technical fields: the CSL disciplines and the strategic emerging industries, stored as data. */
export const technicalFields = pgTable(
  'technical_fields',
  {
    code: varchar('code', { length: 32 }).primaryKey(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    scheme: varchar('scheme', { length: 16 }).notNull(), // discipline | industry
    parentCode: varchar('parent_code', { length: 32 }),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [index('technical_fields_scheme_idx').on(t.scheme, t.sort)],
);

export interface IpAsset {
  kind: 'invention_patent' | 'utility_model' | 'design_patent' | 'pct' | 'software_copyright' | 'ic_layout' | 'plant_variety' | 'know_how';
  /** Normalised application number for patents (e.g. 200310102344.5); registration number otherwise. */
  number: string | null;
  title: string;
}
export interface TeamMember {
  name: string;
  title?: string;
  role?: string;
}
export interface Contact {
  name: string;
  phone?: string;
  email?: string;
}
export interface Attachment {
  name: string;
  url: string;
}

/** Columns achievements and demands share. */
const recordColumns = () => ({
  id: uuid('id').primaryKey(),
  organizationId: uuid('organization_id')
    .notNull()
    .references(() => organizations.id),
  regionCode: varchar('region_code', { length: 12 })
    .notNull()
    .references(() => regions.code),
  status: varchar('status', { length: 16 }).notNull(),
  title: text('title').notNull(),
  summary: text('summary').notNull(),
  fieldCode: varchar('field_code', { length: 32 })
    .notNull()
    .references(() => technicalFields.code),
  keywords: text('keywords')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  contacts: jsonb('contacts')
    .$type<Contact[]>()
    .notNull()
    .default(sql`'[]'::jsonb`),
  attachments: jsonb('attachments')
    .$type<Attachment[]>()
    .notNull()
    .default(sql`'[]'::jsonb`),
  /** Visible only to the owning organisation and government, never to the public. */
  restricted: boolean('restricted').notNull().default(false),
  reviewReason: text('review_reason'),
  reviewedBy: uuid('reviewed_by').references(() => users.id),
  createdBy: uuid('created_by').references(() => users.id),
  submittedAt: ts('submitted_at'),
  publishedAt: ts('published_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  /** jieba tokens, weighted: title A, keywords A, summary B, the rest C. */
  searchVector: tsvector('search_vector'),
});

export const achievements = pgTable(
  'achievements',
  {
    ...recordColumns(),
    problemSolved: text('problem_solved'),
    advantage: text('advantage'),
    trl: integer('trl').notNull(),
    ipAssets: jsonb('ip_assets')
      .$type<IpAsset[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    transferModes: text('transfer_modes').array().notNull(),
    /** Asking price in fen; null with priceNegotiable = 面议. */
    priceFen: bigint('price_fen', { mode: 'number' }),
    priceNegotiable: boolean('price_negotiable').notNull().default(false),
    publicFunding: boolean('public_funding').notNull().default(false),
    team: jsonb('team')
      .$type<TeamMember[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
  },
  (t) => [
    index('achievements_org_idx').on(t.organizationId, t.createdAt),
    index('achievements_status_idx').on(t.status, t.publishedAt),
    index('achievements_search_idx').using('gin', t.searchVector),
    index('achievements_field_idx').on(t.fieldCode),
    index('achievements_region_idx').on(t.regionCode),
    // Newest first, and the window of a broad search (its newest matches) without sorting them all.
    index('achievements_published_idx').on(t.publishedAt.desc(), t.id),
    // Broad searches: a text's newest matches through the index alone (search/window.ts).
    index('achievements_recency_idx').using('gin', recencyVector(t.searchVector, t.publishedAt)),
  ],
);

export const demands = pgTable(
  'demands',
  {
    ...recordColumns(),
    budgetMinFen: bigint('budget_min_fen', { mode: 'number' }),
    budgetMaxFen: bigint('budget_max_fen', { mode: 'number' }),
    budgetNegotiable: boolean('budget_negotiable').notNull().default(false),
    cooperationModes: text('cooperation_modes').array().notNull(),
    /** Lowest technology readiness the enterprise can take on (1–9), if it says. */
    trlMin: integer('trl_min'),
    deadline: date('deadline', { mode: 'string' }),
  },
  (t) => [
    index('demands_org_idx').on(t.organizationId, t.createdAt),
    index('demands_status_idx').on(t.status, t.publishedAt),
    index('demands_search_idx').using('gin', t.searchVector),
    index('demands_field_idx').on(t.fieldCode),
    index('demands_published_idx').on(t.publishedAt.desc(), t.id),
    index('demands_recency_idx').using('gin', recencyVector(t.searchVector, t.publishedAt)),
  ],
);

/** Curated lists: the public-interest catalogue (公益性技术成果指导目录) and achievement packages (科技成果包). */
export const curatedLists = pgTable('curated_lists', {
  id: uuid('id').primaryKey(),
  kind: varchar('kind', { length: 32 }).notNull(), // public_interest_catalogue | package
  title: text('title').notNull(),
  keyArea: text('key_area'),
  description: text('description'),
  published: boolean('published').notNull().default(false),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const curatedListItems = pgTable(
  'curated_list_items',
  {
    listId: uuid('list_id')
      .notNull()
      .references(() => curatedLists.id, { onDelete: 'cascade' }),
    achievementId: uuid('achievement_id')
      .notNull()
      .references(() => achievements.id),
    sort: integer('sort').notNull().default(0),
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.listId, t.achievementId] })],
);
