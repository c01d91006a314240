import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { ts } from '../../db/columns.js';
import { users } from '../identity/schema.js';
import { organizations } from '../organizations/schema.js';

/**
 * Owned by the export-control module: versions of 中国禁止出口限制出口技术目录, their items, and the
 * screenings of cross-border records against the version in force (README.md).
 */
export const exportCatalogues = pgTable(
  'export_catalogues',
  {
    id: uuid('id').primaryKey(),
    /** e.g. 2023 修订 / 2025 调整 */
    label: text('label').notNull(),
    /** The notice that published or amended the list, e.g. 商务部 科技部公告2023年第57号. */
    sourceDocument: text('source_document').notNull(),
    publishedOn: date('published_on', { mode: 'string' }).notNull(),
    /** active (the one screenings use) | superseded */
    status: varchar('status', { length: 16 }).notNull(),
    /** seed (the subset shipped with the code) | xlsx (an administrator's import) */
    origin: varchar('origin', { length: 8 }).notNull(),
    itemCount: integer('item_count').notNull(),
    importedBy: uuid('imported_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('export_catalogues_status_idx').on(t.status, t.publishedOn)],
);

export const exportCatalogueItems = pgTable(
  'export_catalogue_items',
  {
    id: uuid('id').primaryKey(),
    catalogueId: uuid('catalogue_id')
      .notNull()
      .references(() => exportCatalogues.id, { onDelete: 'cascade' }),
    /** The list's number (industry + serial + J 禁止 / X 限制), e.g. 252604X; null where the seed could not state it. */
    code: varchar('code', { length: 16 }),
    /** prohibited | restricted */
    class: varchar('class', { length: 16 }).$type<'prohibited' | 'restricted'>().notNull(),
    /** The industry heading the item stands under (国民经济行业分类). */
    industry: text('industry').notNull(),
    name: text('name').notNull(),
    /** 控制要点, one entry per point, thresholds as the list words them. */
    controlPoints: jsonb('control_points')
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** Words that make a record a candidate for this item (screening; match.ts). */
    terms: text('terms')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** The notice this item's current wording comes from, and its date. */
    sourceDocument: text('source_document').notNull(),
    sourceDate: date('source_date', { mode: 'string' }).notNull(),
    note: text('note'),
  },
  (t) => [index('export_catalogue_items_catalogue_idx').on(t.catalogueId, t.class)],
);

export interface ScreeningCandidate {
  itemId: string;
  code: string | null;
  class: 'prohibited' | 'restricted';
  name: string;
  industry: string;
  score: number;
  matchedTerms: string[];
  controlPoints: Array<{ text: string; matched: boolean; matchedTerms: string[] }>;
}

export const exportScreenings = pgTable(
  'export_screenings',
  {
    id: uuid('id').primaryKey(),
    /** achievement | deal | contract */
    subjectKind: varchar('subject_kind', { length: 16 }).notNull(),
    subjectId: uuid('subject_id').notNull(),
    /** The achievement the subject is about (itself, or a deal's), for the confidential-part rule. */
    achievementId: uuid('achievement_id'),
    title: text('title').notNull(),
    /** The party in mainland China (seller / owner): its region decides which officer reviews. */
    domesticOrganizationId: uuid('domestic_organization_id').references(() => organizations.id),
    regionPath: text('region_path').notNull(),
    /** The party outside the mainland, when on the platform; its country in any case. */
    foreignOrganizationId: uuid('foreign_organization_id').references(() => organizations.id),
    foreignCountry: varchar('foreign_country', { length: 2 }),
    catalogueId: uuid('catalogue_id')
      .notNull()
      .references(() => exportCatalogues.id),
    candidates: jsonb('candidates')
      .$type<ScreeningCandidate[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** pending | cleared | held | intent_granted | licensed | stopped (lifecycle.ts) */
    status: varchar('status', { length: 16 }).notNull(),
    /** free | restricted | prohibited */
    decision: varchar('decision', { length: 16 }),
    /** The catalogue items the decision rests on. */
    decidedItemIds: jsonb('decided_item_ids')
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    reason: text('reason'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: ts('decided_at'),
    /** The authority's decision on the licence application is due (30 working days, parameters.ts). */
    deadlineAt: ts('deadline_at'),
    letterOfIntentNo: varchar('letter_of_intent_no', { length: 64 }),
    letterOfIntentOn: date('letter_of_intent_on', { mode: 'string' }),
    licenceNo: varchar('licence_no', { length: 64 }),
    licenceOn: date('licence_on', { mode: 'string' }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('export_screenings_subject_key').on(t.subjectKind, t.subjectId),
    index('export_screenings_queue_idx').on(t.status, t.createdAt),
    index('export_screenings_achievement_idx').on(t.achievementId),
  ],
);
