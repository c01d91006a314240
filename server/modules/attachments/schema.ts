import { index, integer, pgTable, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { bytea, ts } from '../../db/columns.js';
import { users } from '../identity/schema.js';
import { organizations } from '../organizations/schema.js';

/**
 * Files uploaded to an achievement, a demand or a negotiation (images and documents), stored in the
 * database. The target is referenced by kind and id (catalog and inquiries own those tables); who
 * may see the file is who may see the target.
 */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey(),
    /** achievement | demand | inquiry */
    targetKind: varchar('target_kind', { length: 16 }).notNull(),
    targetId: uuid('target_id').notNull(),
    /** The cleaned file name, its extension the sniffed type's. */
    name: text('name').notNull(),
    /** pdf | png | jpeg | docx | xlsx (sniff.ts), from the bytes. */
    fileType: varchar('file_type', { length: 8 }).notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    /** The organisation the uploader spoke for (the owner of the record, or the side in a negotiation). */
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('attachments_target_idx').on(t.targetKind, t.targetId, t.createdAt)],
);
