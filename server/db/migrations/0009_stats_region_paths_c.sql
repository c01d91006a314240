-- Region paths compare byte-wise (C collation) so a subtree filter `region_path LIKE '/120000/%'`
-- is a range scan of the rollups' primary keys whatever the database's default collation.
-- Drizzle's schema does not model collation; this migration is the place that sets it.
ALTER TABLE "stats_yearly" ALTER COLUMN "region_path" TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "stats_monthly" ALTER COLUMN "region_path" TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "stats_dimensions" ALTER COLUMN "region_path" TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "stats_parties" ALTER COLUMN "region_path" TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "stats_flows" ALTER COLUMN "seller_path" TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "stats_flows" ALTER COLUMN "buyer_path" TYPE text COLLATE "C";
