import { integer, jsonb, pgTable, uuid, varchar } from 'drizzle-orm/pg-core';
import { ts } from '../../db/columns.js';

/** Trained suggestion models (field classifier), newest first; servers load the latest. */
export const suggestionModels = pgTable('suggestion_models', {
  id: uuid('id').primaryKey(),
  kind: varchar('kind', { length: 16 }).notNull(),
  model: jsonb('model').notNull(),
  metrics: jsonb('metrics'),
  trainedOn: integer('trained_on').notNull(),
  trainedAt: ts('trained_at').notNull().defaultNow(),
});
