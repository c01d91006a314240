import { index, integer, jsonb, pgTable, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { ts } from '../../db/columns.js';
import { users } from '../identity/schema.js';
import { technicalFields } from '../catalog/schema.js';

/** Trained suggestion models (field classifier), newest first; servers load the latest. */
export const suggestionModels = pgTable('suggestion_models', {
  id: uuid('id').primaryKey(),
  kind: varchar('kind', { length: 16 }).notNull(),
  model: jsonb('model').notNull(),
  metrics: jsonb('metrics'),
  trainedOn: integer('trained_on').notNull(),
  trainedAt: ts('trained_at').notNull().defaultNow(),
});

/**
 * A reviewer's or owner's correction of a suggested technical field: the record's text as it was
 * then, the field suggested and the field chosen. Used at once as an override for near-identical
 * texts, and as a labelled example at the next retrain.
 */
export const fieldCorrections = pgTable(
  'field_corrections',
  {
    id: uuid('id').primaryKey(),
    recordKind: varchar('record_kind', { length: 16 }).notNull(),
    /** The record corrected (an achievement or a demand; no foreign key across the two tables). */
    recordId: uuid('record_id').notNull(),
    text: text('text').notNull(),
    suggestedField: varchar('suggested_field', { length: 32 }).references(() => technicalFields.code),
    correctedField: varchar('corrected_field', { length: 32 })
      .notNull()
      .references(() => technicalFields.code),
    correctedBy: uuid('corrected_by').references(() => users.id),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('field_corrections_record_idx').on(t.recordKind, t.recordId, t.createdAt)],
);
