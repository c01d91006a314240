import { integer, jsonb, pgTable, uuid } from 'drizzle-orm/pg-core';
import { bytea, ts } from '../../db/columns.js';

/**
 * Learned text models for matching (BM25 statistics and an LSA basis), newest first; every server
 * process reads the latest. `vectors` is the basis as little-endian float32, terms × dims.
 */
export const matchingTextModels = pgTable('matching_text_models', {
  id: uuid('id').primaryKey(),
  /** { documents, avgLength, df, terms, dims } */
  model: jsonb('model').notNull(),
  vectors: bytea('vectors').notNull(),
  trainedOn: integer('trained_on').notNull(),
  trainMs: integer('train_ms').notNull(),
  trainedAt: ts('trained_at').notNull().defaultNow(),
});
