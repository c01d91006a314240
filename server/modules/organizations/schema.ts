import { index, pgTable, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { ts } from '../../db/columns.js';

/** Owned by the organizations module: GB/T 2260 regions (and parks) and organisations. */
/** GB/T 2260 regions and the parks below districts: city (市) → district (区) → park (园区). */
export const regions = pgTable(
  'regions',
  {
    code: varchar('code', { length: 12 }).primaryKey(),
    name: text('name').notNull(),
    level: varchar('level', { length: 16 }).notNull(), // province | city | district | park
    parentCode: varchar('parent_code', { length: 12 }),
    /** Materialised path of codes from the root, e.g. `/120000/120116/12011601/`, for subtree scope. */
    path: text('path').notNull(),
  },
  (t) => [index('regions_parent_idx').on(t.parentCode), index('regions_path_idx').on(t.path)],
);

export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey(),
    type: varchar('type', { length: 32 }).notNull(),
    name: text('name').notNull(),
    creditCode: varchar('credit_code', { length: 18 }).notNull(),
    regionCode: varchar('region_code', { length: 12 })
      .notNull()
      .references(() => regions.code),
    status: varchar('status', { length: 16 }).notNull(),
    address: text('address'),
    website: text('website'),
    description: text('description'),
    contactPhone: varchar('contact_phone', { length: 32 }),
    /**
     * ISO 3166-1 alpha-2 country or region of the organisation; 'CN' is mainland China. Hong Kong (HK),
     * Macao (MO) and Taiwan (TW) keep their own codes: for technology export they are outside the
     * mainland (lookups.ts `outsideMainland`).
     */
    country: varchar('country', { length: 2 }).notNull().default('CN'),
    statusReason: text('status_reason'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('organizations_credit_code_key').on(t.creditCode),
    index('organizations_region_idx').on(t.regionCode),
    index('organizations_status_idx').on(t.status, t.createdAt),
  ],
);

/**
 * An invitation to join an organisation (invitations.ts). An org admin adding someone by e-mail never
 * attaches an account directly: the person accepts or declines, and until then the admin learns
 * nothing about them (not even whether the e-mail had an account).
 */
export const organizationInvitations = pgTable(
  'organization_invitations',
  {
    id: uuid('id').primaryKey(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** As the inviting admin typed it (lower case). */
    email: varchar('email', { length: 254 }).notNull(),
    /** The account the e-mail belongs to (a new one is created for an unknown e-mail); never shown to the inviter. */
    userId: uuid('user_id').notNull(),
    role: varchar('role', { length: 32 }).notNull(),
    status: varchar('status', { length: 16 }).notNull(), // pending | accepted | declined | revoked
    invitedBy: uuid('invited_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    respondedAt: ts('responded_at'),
  },
  (t) => [
    index('organization_invitations_user_idx').on(t.userId, t.status),
    index('organization_invitations_org_idx').on(t.organizationId, t.createdAt),
  ],
);
