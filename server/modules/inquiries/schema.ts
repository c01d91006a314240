import { index, jsonb, pgTable, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { fen, ts } from '../../db/columns.js';
import { users } from '../identity/schema.js';
import { organizations } from '../organizations/schema.js';

/**
 * A negotiation (洽谈) one organisation opens with the owner of a published achievement or demand.
 * The record is referenced by kind and id (two catalog tables), with its title copied for lists.
 */
export const inquiries = pgTable(
  'inquiries',
  {
    id: uuid('id').primaryKey(),
    /** achievement | demand */
    recordKind: varchar('record_kind', { length: 16 }).notNull(),
    recordId: uuid('record_id').notNull(),
    recordTitle: text('record_title').notNull(),
    ownerOrganizationId: uuid('owner_organization_id')
      .notNull()
      .references(() => organizations.id),
    requesterOrganizationId: uuid('requester_organization_id')
      .notNull()
      .references(() => organizations.id),
    requesterUserId: uuid('requester_user_id')
      .notNull()
      .references(() => users.id),
    /** open | negotiating | agreed | moved_to_trading | closed (lifecycle.ts) */
    status: varchar('status', { length: 16 }).notNull(),
    /** The cooperation mode the requester wants (common/api/inquiries.ts INQUIRY_MODES), if said. */
    wantedMode: varchar('wanted_mode', { length: 16 }),
    budgetFen: fen('budget_fen'),
    closeReason: text('close_reason'),
    lastMessageAt: ts('last_message_at').notNull().defaultNow(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('inquiries_owner_idx').on(t.ownerOrganizationId, t.lastMessageAt),
    index('inquiries_requester_idx').on(t.requesterOrganizationId, t.lastMessageAt),
    index('inquiries_record_idx').on(t.recordKind, t.recordId),
  ],
);

export const inquiryMessages = pgTable(
  'inquiry_messages',
  {
    id: uuid('id').primaryKey(),
    inquiryId: uuid('inquiry_id')
      .notNull()
      .references(() => inquiries.id, { onDelete: 'cascade' }),
    authorUserId: uuid('author_user_id')
      .notNull()
      .references(() => users.id),
    /** owner | requester: the side the author spoke for */
    side: varchar('side', { length: 16 }).notNull(),
    body: text('body').notNull(),
    /** Links (http/https only) the author attached. */
    attachments: jsonb('attachments').$type<Array<{ name: string; url: string }>>().notNull().default([]),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('inquiry_messages_inquiry_idx').on(t.inquiryId, t.createdAt)],
);
