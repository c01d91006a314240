CREATE TABLE "trade_agreement_notices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"achievement_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"status" varchar(24) NOT NULL,
	"title" text NOT NULL,
	"achievement_summary" text NOT NULL,
	"field_code" varchar(32) NOT NULL,
	"transfer_mode" varchar(32) NOT NULL,
	"description" text,
	"pricing_basis" jsonb,
	"approvals" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"deal_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"buyer_organization_id" uuid NOT NULL,
	"price_fen" bigint NOT NULL,
	"summary" text NOT NULL,
	"related_party" boolean NOT NULL,
	"related_party_reasons" text[] DEFAULT '{}'::text[] NOT NULL,
	"relation_note" text,
	"posted_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"notice_days" integer NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "trade_auction_registrations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"auction_id" uuid NOT NULL,
	"bidder_organization_id" uuid NOT NULL,
	"bidder_number" varchar(16) NOT NULL,
	"status" varchar(16) NOT NULL,
	"deposit_status" varchar(16) NOT NULL,
	"deposit_fen" bigint NOT NULL,
	"deposit_reference" text,
	"deposit_confirmed_by" uuid,
	"deposit_confirmed_at" timestamp with time zone,
	"refund_reference" text,
	"refunded_at" timestamp with time zone,
	"qualification" text NOT NULL,
	"review_reason" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trade_auctions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"achievement_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"status" varchar(24) NOT NULL,
	"title" text NOT NULL,
	"achievement_summary" text NOT NULL,
	"field_code" varchar(32) NOT NULL,
	"transfer_mode" varchar(32) NOT NULL,
	"description" text,
	"pricing_basis" jsonb,
	"approvals" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"deal_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"listing_id" uuid,
	"starting_price_fen" bigint NOT NULL,
	"increment_fen" bigint NOT NULL,
	"reserve_price_fen" bigint,
	"deposit_percent" integer NOT NULL,
	"deposit_fen" bigint NOT NULL,
	"announced_at" timestamp with time zone NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"original_ends_at" timestamp with time zone NOT NULL,
	"current_price_fen" bigint,
	"leader_registration_id" uuid,
	"leader_number" varchar(16),
	"bid_count" integer DEFAULT 0 NOT NULL,
	"last_bid_at" timestamp with time zone,
	"winner_registration_id" uuid,
	"winner_number" varchar(16),
	"final_price_fen" bigint,
	"close_reason" varchar(24),
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "trade_bids" (
	"auction_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"registration_id" uuid NOT NULL,
	"bidder_number" varchar(16) NOT NULL,
	"amount_fen" bigint NOT NULL,
	"placed_at" timestamp with time zone NOT NULL,
	"ends_at_after" timestamp with time zone NOT NULL,
	"extended" boolean NOT NULL,
	"user_id" uuid,
	CONSTRAINT "trade_bids_auction_id_seq_pk" PRIMARY KEY("auction_id","seq")
);
--> statement-breakpoint
CREATE TABLE "trade_deals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"route" varchar(16) NOT NULL,
	"status" varchar(24) NOT NULL,
	"achievement_id" uuid NOT NULL,
	"seller_organization_id" uuid NOT NULL,
	"buyer_organization_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"title" text NOT NULL,
	"achievement_summary" text NOT NULL,
	"field_code" varchar(32) NOT NULL,
	"price_fen" bigint NOT NULL,
	"deposit_applied_fen" bigint DEFAULT 0 NOT NULL,
	"transfer_mode" varchar(32) NOT NULL,
	"listing_id" uuid,
	"auction_id" uuid,
	"notice_id" uuid,
	"payment_reference" text,
	"payment_confirmed_by" uuid,
	"payment_confirmed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trade_idempotency_keys" (
	"user_id" uuid NOT NULL,
	"key" varchar(100) NOT NULL,
	"fingerprint" text NOT NULL,
	"status_code" integer NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trade_idempotency_keys_user_id_key_pk" PRIMARY KEY("user_id","key")
);
--> statement-breakpoint
CREATE TABLE "trade_listing_intents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"listing_id" uuid NOT NULL,
	"buyer_organization_id" uuid NOT NULL,
	"status" varchar(16) NOT NULL,
	"offer_fen" bigint NOT NULL,
	"qualification" text NOT NULL,
	"review_reason" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trade_listings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"achievement_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"status" varchar(24) NOT NULL,
	"title" text NOT NULL,
	"achievement_summary" text NOT NULL,
	"field_code" varchar(32) NOT NULL,
	"transfer_mode" varchar(32) NOT NULL,
	"description" text,
	"pricing_basis" jsonb,
	"approvals" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"deal_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"base_price_fen" bigint NOT NULL,
	"listing_days" integer NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"renewals" integer DEFAULT 0 NOT NULL,
	"auction_id" uuid,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "trade_objections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"notice_id" uuid NOT NULL,
	"status" varchar(16) NOT NULL,
	"grounds" text NOT NULL,
	"objector_user_id" uuid NOT NULL,
	"objector_organization_id" uuid,
	"answer" text,
	"answered_by" uuid,
	"answered_at" timestamp with time zone,
	"decision" varchar(16),
	"resolution_reason" text,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "trade_agreement_notices" ADD CONSTRAINT "trade_agreement_notices_achievement_id_achievements_id_fk" FOREIGN KEY ("achievement_id") REFERENCES "public"."achievements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_agreement_notices" ADD CONSTRAINT "trade_agreement_notices_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_agreement_notices" ADD CONSTRAINT "trade_agreement_notices_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_agreement_notices" ADD CONSTRAINT "trade_agreement_notices_field_code_technical_fields_code_fk" FOREIGN KEY ("field_code") REFERENCES "public"."technical_fields"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_agreement_notices" ADD CONSTRAINT "trade_agreement_notices_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_agreement_notices" ADD CONSTRAINT "trade_agreement_notices_buyer_organization_id_organizations_id_fk" FOREIGN KEY ("buyer_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_auction_registrations" ADD CONSTRAINT "trade_auction_registrations_auction_id_trade_auctions_id_fk" FOREIGN KEY ("auction_id") REFERENCES "public"."trade_auctions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_auction_registrations" ADD CONSTRAINT "trade_auction_registrations_bidder_organization_id_organizations_id_fk" FOREIGN KEY ("bidder_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_auction_registrations" ADD CONSTRAINT "trade_auction_registrations_deposit_confirmed_by_users_id_fk" FOREIGN KEY ("deposit_confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_auction_registrations" ADD CONSTRAINT "trade_auction_registrations_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_auction_registrations" ADD CONSTRAINT "trade_auction_registrations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_auctions" ADD CONSTRAINT "trade_auctions_achievement_id_achievements_id_fk" FOREIGN KEY ("achievement_id") REFERENCES "public"."achievements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_auctions" ADD CONSTRAINT "trade_auctions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_auctions" ADD CONSTRAINT "trade_auctions_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_auctions" ADD CONSTRAINT "trade_auctions_field_code_technical_fields_code_fk" FOREIGN KEY ("field_code") REFERENCES "public"."technical_fields"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_auctions" ADD CONSTRAINT "trade_auctions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_auctions" ADD CONSTRAINT "trade_auctions_listing_id_trade_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."trade_listings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_bids" ADD CONSTRAINT "trade_bids_auction_id_trade_auctions_id_fk" FOREIGN KEY ("auction_id") REFERENCES "public"."trade_auctions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_bids" ADD CONSTRAINT "trade_bids_registration_id_trade_auction_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."trade_auction_registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_bids" ADD CONSTRAINT "trade_bids_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_deals" ADD CONSTRAINT "trade_deals_achievement_id_achievements_id_fk" FOREIGN KEY ("achievement_id") REFERENCES "public"."achievements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_deals" ADD CONSTRAINT "trade_deals_seller_organization_id_organizations_id_fk" FOREIGN KEY ("seller_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_deals" ADD CONSTRAINT "trade_deals_buyer_organization_id_organizations_id_fk" FOREIGN KEY ("buyer_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_deals" ADD CONSTRAINT "trade_deals_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_deals" ADD CONSTRAINT "trade_deals_field_code_technical_fields_code_fk" FOREIGN KEY ("field_code") REFERENCES "public"."technical_fields"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_deals" ADD CONSTRAINT "trade_deals_listing_id_trade_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."trade_listings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_deals" ADD CONSTRAINT "trade_deals_auction_id_trade_auctions_id_fk" FOREIGN KEY ("auction_id") REFERENCES "public"."trade_auctions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_deals" ADD CONSTRAINT "trade_deals_notice_id_trade_agreement_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."trade_agreement_notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_deals" ADD CONSTRAINT "trade_deals_payment_confirmed_by_users_id_fk" FOREIGN KEY ("payment_confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_listing_intents" ADD CONSTRAINT "trade_listing_intents_listing_id_trade_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."trade_listings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_listing_intents" ADD CONSTRAINT "trade_listing_intents_buyer_organization_id_organizations_id_fk" FOREIGN KEY ("buyer_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_listing_intents" ADD CONSTRAINT "trade_listing_intents_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_listing_intents" ADD CONSTRAINT "trade_listing_intents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_listings" ADD CONSTRAINT "trade_listings_achievement_id_achievements_id_fk" FOREIGN KEY ("achievement_id") REFERENCES "public"."achievements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_listings" ADD CONSTRAINT "trade_listings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_listings" ADD CONSTRAINT "trade_listings_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_listings" ADD CONSTRAINT "trade_listings_field_code_technical_fields_code_fk" FOREIGN KEY ("field_code") REFERENCES "public"."technical_fields"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_listings" ADD CONSTRAINT "trade_listings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_objections" ADD CONSTRAINT "trade_objections_notice_id_trade_agreement_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."trade_agreement_notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_objections" ADD CONSTRAINT "trade_objections_objector_user_id_users_id_fk" FOREIGN KEY ("objector_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_objections" ADD CONSTRAINT "trade_objections_objector_organization_id_organizations_id_fk" FOREIGN KEY ("objector_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_objections" ADD CONSTRAINT "trade_objections_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_objections" ADD CONSTRAINT "trade_objections_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "trade_notices_status_idx" ON "trade_agreement_notices" USING btree ("status","ends_at");--> statement-breakpoint
CREATE INDEX "trade_notices_org_idx" ON "trade_agreement_notices" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "trade_notices_buyer_idx" ON "trade_agreement_notices" USING btree ("buyer_organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "trade_registrations_number_key" ON "trade_auction_registrations" USING btree ("auction_id","bidder_number");--> statement-breakpoint
CREATE UNIQUE INDEX "trade_registrations_live_key" ON "trade_auction_registrations" USING btree ("auction_id","bidder_organization_id") WHERE status IN ('pending', 'qualified');--> statement-breakpoint
CREATE INDEX "trade_registrations_bidder_idx" ON "trade_auction_registrations" USING btree ("bidder_organization_id","created_at");--> statement-breakpoint
CREATE INDEX "trade_registrations_status_idx" ON "trade_auction_registrations" USING btree ("status","deposit_status");--> statement-breakpoint
CREATE INDEX "trade_auctions_status_idx" ON "trade_auctions" USING btree ("status","ends_at");--> statement-breakpoint
CREATE INDEX "trade_auctions_starts_idx" ON "trade_auctions" USING btree ("status","starts_at");--> statement-breakpoint
CREATE INDEX "trade_auctions_org_idx" ON "trade_auctions" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "trade_auctions_achievement_idx" ON "trade_auctions" USING btree ("achievement_id");--> statement-breakpoint
CREATE INDEX "trade_bids_registration_idx" ON "trade_bids" USING btree ("registration_id");--> statement-breakpoint
CREATE UNIQUE INDEX "trade_deals_auction_key" ON "trade_deals" USING btree ("auction_id") WHERE auction_id IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "trade_deals_notice_key" ON "trade_deals" USING btree ("notice_id") WHERE notice_id IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "trade_deals_listing_key" ON "trade_deals" USING btree ("listing_id") WHERE route = 'listing';--> statement-breakpoint
CREATE INDEX "trade_deals_seller_idx" ON "trade_deals" USING btree ("seller_organization_id","created_at");--> statement-breakpoint
CREATE INDEX "trade_deals_buyer_idx" ON "trade_deals" USING btree ("buyer_organization_id","created_at");--> statement-breakpoint
CREATE INDEX "trade_deals_status_idx" ON "trade_deals" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "trade_idempotency_keys_created_idx" ON "trade_idempotency_keys" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "trade_listing_intents_listing_idx" ON "trade_listing_intents" USING btree ("listing_id","status");--> statement-breakpoint
CREATE INDEX "trade_listing_intents_buyer_idx" ON "trade_listing_intents" USING btree ("buyer_organization_id","created_at");--> statement-breakpoint
CREATE INDEX "trade_listing_intents_status_idx" ON "trade_listing_intents" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "trade_listing_intents_live_key" ON "trade_listing_intents" USING btree ("listing_id","buyer_organization_id") WHERE status IN ('pending', 'qualified');--> statement-breakpoint
CREATE INDEX "trade_listings_status_idx" ON "trade_listings" USING btree ("status","ends_at");--> statement-breakpoint
CREATE INDEX "trade_listings_org_idx" ON "trade_listings" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "trade_listings_achievement_idx" ON "trade_listings" USING btree ("achievement_id");--> statement-breakpoint
CREATE INDEX "trade_objections_notice_idx" ON "trade_objections" USING btree ("notice_id","status");--> statement-breakpoint
CREATE INDEX "trade_objections_objector_idx" ON "trade_objections" USING btree ("objector_user_id","created_at");