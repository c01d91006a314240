CREATE TABLE "contract_facts" (
	"contract_id" uuid PRIMARY KEY NOT NULL,
	"registration_number" varchar(32) NOT NULL,
	"type" varchar(16) NOT NULL,
	"subtype" varchar(32),
	"field_code" varchar(32),
	"certified_at" timestamp with time zone NOT NULL,
	"year" smallint NOT NULL,
	"month" smallint NOT NULL,
	"signed_on" date NOT NULL,
	"contract_amount_fen" bigint NOT NULL,
	"technology_transaction_amount_fen" bigint NOT NULL,
	"seller_organization_id" uuid,
	"seller_name" text NOT NULL,
	"seller_organization_type" varchar(32) NOT NULL,
	"seller_region_code" varchar(12),
	"seller_country" varchar(2) NOT NULL,
	"seller_region_path" text NOT NULL,
	"buyer_organization_id" uuid,
	"buyer_name" text NOT NULL,
	"buyer_organization_type" varchar(32) NOT NULL,
	"buyer_region_code" varchar(12),
	"buyer_country" varchar(2) NOT NULL,
	"buyer_region_path" text NOT NULL,
	"registration_organization_id" uuid,
	"broker_user_id" uuid,
	"broker_name" text,
	"intermediary_organization_id" uuid,
	"deal_id" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stats_dimensions" (
	"side" varchar(10) NOT NULL,
	"year" smallint NOT NULL,
	"dimension" varchar(20) NOT NULL,
	"region_path" text NOT NULL,
	"key" varchar(64) NOT NULL,
	"contracts" bigint DEFAULT 0 NOT NULL,
	"contract_amount_fen" bigint DEFAULT 0 NOT NULL,
	"technology_transaction_amount_fen" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "stats_dimensions_side_year_dimension_region_path_key_pk" PRIMARY KEY("side","year","dimension","region_path","key")
);
--> statement-breakpoint
CREATE TABLE "stats_flows" (
	"year" smallint NOT NULL,
	"seller_path" text NOT NULL,
	"buyer_path" text NOT NULL,
	"contracts" bigint DEFAULT 0 NOT NULL,
	"contract_amount_fen" bigint DEFAULT 0 NOT NULL,
	"technology_transaction_amount_fen" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "stats_flows_year_seller_path_buyer_path_pk" PRIMARY KEY("year","seller_path","buyer_path")
);
--> statement-breakpoint
CREATE TABLE "stats_monthly" (
	"side" varchar(10) NOT NULL,
	"year" smallint NOT NULL,
	"month" smallint NOT NULL,
	"region_path" text NOT NULL,
	"type" varchar(16) NOT NULL,
	"subtype" varchar(32) NOT NULL,
	"contracts" bigint DEFAULT 0 NOT NULL,
	"contract_amount_fen" bigint DEFAULT 0 NOT NULL,
	"technology_transaction_amount_fen" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "stats_monthly_side_year_month_region_path_type_subtype_pk" PRIMARY KEY("side","year","month","region_path","type","subtype")
);
--> statement-breakpoint
CREATE TABLE "stats_parties" (
	"kind" varchar(16) NOT NULL,
	"side" varchar(10) NOT NULL,
	"year" smallint NOT NULL,
	"region_path" text NOT NULL,
	"party_key" text NOT NULL,
	"name" text NOT NULL,
	"organization_type" varchar(32),
	"contracts" bigint DEFAULT 0 NOT NULL,
	"contract_amount_fen" bigint DEFAULT 0 NOT NULL,
	"technology_transaction_amount_fen" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "stats_parties_kind_side_year_region_path_party_key_pk" PRIMARY KEY("kind","side","year","region_path","party_key")
);
--> statement-breakpoint
CREATE TABLE "stats_targets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"year" smallint NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"side" varchar(10) NOT NULL,
	"metric" varchar(32) NOT NULL,
	"value" bigint NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stats_yearly" (
	"side" varchar(10) NOT NULL,
	"year" smallint NOT NULL,
	"region_path" text NOT NULL,
	"contracts" bigint DEFAULT 0 NOT NULL,
	"contract_amount_fen" bigint DEFAULT 0 NOT NULL,
	"technology_transaction_amount_fen" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "stats_yearly_side_year_region_path_pk" PRIMARY KEY("side","year","region_path")
);
--> statement-breakpoint
ALTER TABLE "stats_targets" ADD CONSTRAINT "stats_targets_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stats_targets" ADD CONSTRAINT "stats_targets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stats_targets" ADD CONSTRAINT "stats_targets_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contract_facts_period_idx" ON "contract_facts" USING btree ("year","month");--> statement-breakpoint
CREATE UNIQUE INDEX "stats_targets_key" ON "stats_targets" USING btree ("year","region_code","side","metric");