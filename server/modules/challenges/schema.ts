import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import type { Reward } from '../../../common/api/challenges.js';
import { bytea, fen, ts } from '../../db/columns.js';
import { users } from '../identity/schema.js';
import { organizations } from '../organizations/schema.js';

/** A challenge (赛题): a sponsor's problem with a reward, a timeline and sealed proposals. */
export const challenges = pgTable(
  'challenges',
  {
    id: uuid('id').primaryKey(),
    /** The sponsor (发榜方). */
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** The sponsor's region path, copied for officers' scope. */
    regionPath: text('region_path').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    /** The published demand (catalog) it was made from. */
    demandId: uuid('demand_id'),
    title: text('title').notNull(),
    problem: text('problem').notNull(),
    targets: text('targets').notNull().default(''),
    fieldCode: varchar('field_code', { length: 32 }).notNull(),
    reward: jsonb('reward').$type<Reward>().notNull(),
    rewardTotalFen: fen('reward_total_fen').notNull(),
    /** solver_keeps | sponsor_acquires | shared_licence | open */
    ipTerms: varchar('ip_terms', { length: 24 }).notNull(),
    sponsorAnonymous: boolean('sponsor_anonymous').notNull().default(false),
    /** lifecycle.ts */
    status: varchar('status', { length: 16 }).notNull(),
    registrationDeadline: ts('registration_deadline').notNull(),
    submissionDeadline: ts('submission_deadline').notNull(),
    scoringDueAt: ts('scoring_due_at'),
    roadshowAt: ts('roadshow_at'),
    roadshowPlace: text('roadshow_place'),
    awardAt: ts('award_at'),
    publishedAt: ts('published_at'),
    awardedAt: ts('awarded_at'),
    returnReason: text('return_reason'),
    /** Made at publication (seal.ts): proposals are sealed to the public key; the private key is wrapped. */
    publicKeyPem: text('public_key_pem'),
    wrappedPrivateKey: bytea('wrapped_private_key'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('challenges_status_idx').on(t.status, t.submissionDeadline), index('challenges_org_idx').on(t.organizationId)],
);

/** A challenger's registration (报名揭榜), with the accepted agreement and the consortium. */
export const challengeRegistrations = pgTable(
  'challenge_registrations',
  {
    id: uuid('id').primaryKey(),
    challengeId: uuid('challenge_id')
      .notNull()
      .references(() => challenges.id, { onDelete: 'cascade' }),
    /** The lead organisation (牵头单位). */
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    teamName: text('team_name').notNull(),
    contactName: text('contact_name').notNull(),
    contactPhone: text('contact_phone').notNull(),
    consortiumMembers: jsonb('consortium_members').$type<Array<{ name: string; creditCode: string }>>().notNull().default([]),
    /** The IP terms of the agreement accepted (a copy: the agreement as it stood). */
    agreementIpTerms: varchar('agreement_ip_terms', { length: 24 }).notNull(),
    agreementAcceptedAt: ts('agreement_accepted_at').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('challenge_registrations_org_uq').on(t.challengeId, t.organizationId)],
);

/** A sealed proposal (挑战报告): ciphertext only; see seal.ts. One per registration. Scored on a panel of the experts module (subject `challenge_proposal`). */
export const challengeProposals = pgTable(
  'challenge_proposals',
  {
    id: uuid('id').primaryKey(),
    challengeId: uuid('challenge_id')
      .notNull()
      .references(() => challenges.id, { onDelete: 'cascade' }),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => challengeRegistrations.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    submittedBy: uuid('submitted_by')
      .notNull()
      .references(() => users.id),
    ciphertext: bytea('ciphertext').notNull(),
    keyForChallenge: bytea('key_for_challenge').notNull(),
    keyForSubmitter: bytea('key_for_submitter').notNull(),
    digest: varchar('digest', { length: 64 }).notNull(),
    submittedAt: ts('submitted_at').notNull(),
    /** Times the submitter replaced it before the deadline. */
    revisions: integer('revisions').notNull().default(0),
    shortlisted: boolean('shortlisted').notNull().default(false),
  },
  (t) => [
    uniqueIndex('challenge_proposals_registration_uq').on(t.registrationId),
    index('challenge_proposals_challenge_idx').on(t.challengeId),
  ],
);

/** A prize awarded to a proposal; the winner's contract application once filed. */
export const challengeAwards = pgTable(
  'challenge_awards',
  {
    id: uuid('id').primaryKey(),
    challengeId: uuid('challenge_id')
      .notNull()
      .references(() => challenges.id, { onDelete: 'cascade' }),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => challengeProposals.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    rank: integer('rank').notNull(),
    prizeLabel: text('prize_label').notNull(),
    amountFen: fen('amount_fen').notNull(),
    /** The contract application (contracts module) filed from this award. */
    contractId: uuid('contract_id'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('challenge_awards_proposal_uq').on(t.proposalId), index('challenge_awards_challenge_idx').on(t.challengeId)],
);

/** 赛马: a stage of staged down-selection, with the teams kept and milestone payments. */
export const challengeStages = pgTable(
  'challenge_stages',
  {
    id: uuid('id').primaryKey(),
    challengeId: uuid('challenge_id')
      .notNull()
      .references(() => challenges.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    name: text('name').notNull(),
    keptProposalIds: jsonb('kept_proposal_ids').$type<string[]>().notNull(),
    payments: jsonb('payments').$type<Array<{ proposalId: string; amountFen: number; note: string }>>().notNull().default([]),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('challenge_stages_seq_uq').on(t.challengeId, t.seq)],
);
