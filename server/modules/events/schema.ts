import { sql } from 'drizzle-orm';
import { doublePrecision, index, integer, jsonb, pgTable, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { ts } from '../../db/columns.js';
import { users } from '../identity/schema.js';
import { organizations, regions } from '../organizations/schema.js';

/** A roadshow (路演) or exhibition (展会), online, offline or both. */
export const events = pgTable(
  'events',
  {
    id: uuid('id').primaryKey(),
    /** roadshow | exhibition */
    kind: varchar('kind', { length: 16 }).notNull(),
    /** online | offline | hybrid */
    mode: varchar('mode', { length: 16 }).notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    venue: text('venue'),
    onlineUrl: text('online_url'),
    regionCode: varchar('region_code', { length: 12 }).references(() => regions.code),
    organizerOrganizationId: uuid('organizer_organization_id')
      .notNull()
      .references(() => organizations.id),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    registrationClosesAt: ts('registration_closes_at').notNull(),
    /** Seats; registrations beyond it wait in line (never overbooked: the event row is locked). */
    capacity: integer('capacity').notNull(),
    /** Default pitch and Q&A minutes of each presented project (8 + 7 unless the organiser says otherwise). */
    pitchMinutes: integer('pitch_minutes').notNull(),
    qaMinutes: integer('qa_minutes').notNull(),
    /** published | cancelled */
    status: varchar('status', { length: 16 }).notNull(),
    /** The HMAC key that signs this event's tickets (never leaves the server). */
    ticketKey: text('ticket_key').notNull(),
    /** Users who judge the pitches (experts), in the order named. */
    judgeUserIds: jsonb('judge_user_ids').$type<string[]>().notNull().default([]),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('events_starts_idx').on(t.status, t.startsAt)],
);

export const eventAgendaItems = pgTable(
  'event_agenda_items',
  {
    id: uuid('id').primaryKey(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    title: text('title').notNull(),
    speaker: text('speaker'),
  },
  (t) => [index('event_agenda_event_idx').on(t.eventId, t.startsAt)],
);

/** A project presented at the event: usually a published achievement (referenced by id, title copied). */
export const eventProjects = pgTable(
  'event_projects',
  {
    id: uuid('id').primaryKey(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    achievementId: uuid('achievement_id'),
    title: text('title').notNull(),
    presenterOrganizationId: uuid('presenter_organization_id').references(() => organizations.id),
    presenterOrganizationName: text('presenter_organization_name'),
    pitchMinutes: integer('pitch_minutes').notNull(),
    qaMinutes: integer('qa_minutes').notNull(),
  },
  (t) => [index('event_projects_event_idx').on(t.eventId, t.position)],
);

export const eventRegistrations = pgTable(
  'event_registrations',
  {
    id: uuid('id').primaryKey(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    organizationId: uuid('organization_id').references(() => organizations.id),
    /** registered | waitlisted | cancelled | checked_in (lifecycle.ts) */
    status: varchar('status', { length: 16 }).notNull(),
    /** Order of arrival within the event (waiting list order), assigned under the event's lock. */
    seq: integer('seq').notNull(),
    note: text('note'),
    createdAt: ts('created_at').notNull().defaultNow(),
    promotedAt: ts('promoted_at'),
    cancelledAt: ts('cancelled_at'),
    checkedInAt: ts('checked_in_at'),
  },
  (t) => [
    // One live registration per person and event.
    uniqueIndex('event_registrations_live_key')
      .on(t.eventId, t.userId)
      .where(sql`status <> 'cancelled'`),
    uniqueIndex('event_registrations_seq_key').on(t.eventId, t.seq),
    index('event_registrations_user_idx').on(t.userId),
  ],
);

/** A judge's score of one pitch on the 'roadshow_pitch' sheet. */
export const eventPitchScores = pgTable(
  'event_pitch_scores',
  {
    id: uuid('id').primaryKey(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => eventProjects.id, { onDelete: 'cascade' }),
    judgeUserId: uuid('judge_user_id')
      .notNull()
      .references(() => users.id),
    sheetKey: varchar('sheet_key', { length: 48 }).notNull(),
    scores: jsonb('scores').$type<Record<string, number>>().notNull(),
    /** The sheet's total, in tenths of a point at most (the engine's step). */
    total: doublePrecision('total').notNull(),
    comment: text('comment'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('event_pitch_scores_key').on(t.projectId, t.judgeUserId)],
);

/** A follow-up intent (意向) recorded on a presented project. */
export const eventIntents = pgTable(
  'event_intents',
  {
    id: uuid('id').primaryKey(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => eventProjects.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    organizationId: uuid('organization_id').references(() => organizations.id),
    /** cooperation | licence | investment | purchase | other */
    kind: varchar('kind', { length: 16 }).notNull(),
    note: text('note'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('event_intents_event_idx').on(t.eventId)],
);
