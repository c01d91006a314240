/**
 * Every table, for the database client's typing and drizzle-kit. Application code never imports this:
 * each module owns its schema (server/modules/<module>/schema.ts) and others reach its tables only
 * through its functions (lint enforces it).
 */
export * from '../../lib/schema.js';
export * from '../../lib/spreadsheet/schema.js';
export * from '../../modules/alerts/schema.js';
export * from '../../modules/brokers/schema.js';
export * from '../../modules/catalog/schema.js';
export * from '../../modules/challenges/schema.js';
export * from '../../modules/contracts/schema.js';
export * from '../../modules/events/schema.js';
export * from '../../modules/disclosures/schema.js';
export * from '../../modules/distributions/schema.js';
export * from '../../modules/experts/schema.js';
export * from '../../modules/finance/schema.js';
export * from '../../modules/export-control/schema.js';
export * from '../../modules/feeds/schema.js';
export * from '../../modules/identity/schema.js';
export * from '../../modules/inquiries/schema.js';
export * from '../../modules/favourites/schema.js';
export * from '../../modules/attachments/schema.js';
export * from '../../modules/integrity/schema.js';
export * from '../../modules/institutions/schema.js';
export * from '../../modules/matching/schema.js';
export * from '../../modules/news/schema.js';
export * from '../../modules/organizations/schema.js';
export * from '../../modules/reports/schema.js';
export * from '../../modules/policies/schema.js';
export * from '../../modules/search/schema.js';
export * from '../../modules/services/schema.js';
export * from '../../modules/statistics/schema.js';
export * from '../../modules/subsidies/schema.js';
export * from '../../modules/suggest/schema.js';
export * from '../../modules/trading/schema.js';
