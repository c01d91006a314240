import { bigserial, index, jsonb, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

/** Platform tables owned by server/lib (audit.ts, scheduler.ts, system state); modules reach them through lib functions. */

/**
 * Append-only audit log. Each row carries the hash of the previous row (a hash chain); rows are
 * written in the same transaction as the change they record. UPDATE and DELETE are refused by a
 * trigger (see the migration), and `npm run audit:verify` walks the chain.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    actorUserId: uuid('actor_user_id'),
    actorLabel: text('actor_label').notNull(),
    organizationId: uuid('organization_id'),
    action: varchar('action', { length: 64 }).notNull(),
    entity: varchar('entity', { length: 64 }).notNull(),
    entityId: text('entity_id').notNull(),
    beforeDigest: varchar('before_digest', { length: 64 }),
    afterDigest: varchar('after_digest', { length: 64 }),
    /** Which fields changed, with sensitive values (password hashes, tokens) left out. */
    changes: jsonb('changes').$type<Record<string, unknown>>(),
    requestId: varchar('request_id', { length: 64 }),
    prevHash: varchar('prev_hash', { length: 64 }).notNull(),
    hash: varchar('hash', { length: 64 }).notNull(),
  },
  (t) => [
    index('audit_log_entity_idx').on(t.entity, t.entityId),
    index('audit_log_actor_idx').on(t.actorUserId, t.seq),
    index('audit_log_org_idx').on(t.organizationId, t.seq),
    index('audit_log_at_idx').on(t.at),
  ],
);

/** Key/value facts about the installation (schema seeded, demo seeded, ...). */
export const systemState = pgTable('system_state', {
  key: varchar('key', { length: 64 }).primaryKey(),
  value: text('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/**
 * Recurring jobs coordinated through the database: whichever server process first moves `next_run_at`
 * forward runs the job, so several processes behind one PostgreSQL run it once per period.
 */
export const scheduledJobs = pgTable('scheduled_jobs', {
  name: varchar('name', { length: 64 }).primaryKey(),
  nextRunAt: timestamp('next_run_at', { withTimezone: true, mode: 'date' }).notNull(),
  lastRunAt: timestamp('last_run_at', { withTimezone: true, mode: 'date' }),
  lastResult: text('last_result'),
});

/**
 * Every review step on a reviewed record (review-steps.ts): who decided, what, why and when — kept on
 * the record, not only in the audit log, and shown with it. Written by the owning module in the
 * transaction of the decision.
 */
export const reviewSteps = pgTable(
  'review_steps',
  {
    id: uuid('id').primaryKey(),
    /** The record's kind as the audit log names it: achievement, demand, organization, contract. */
    entity: varchar('entity', { length: 64 }).notNull(),
    entityId: text('entity_id').notNull(),
    /** The decision: approve, return, reject, refuse, certify, suspend, … */
    step: varchar('step', { length: 32 }).notNull(),
    reviewerId: uuid('reviewer_id'),
    reason: text('reason'),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('review_steps_entity_idx').on(t.entity, t.entityId, t.at)],
);
