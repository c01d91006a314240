CREATE TABLE "policies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"level" varchar(16) NOT NULL,
	"region_code" varchar(12),
	"issuer" text NOT NULL,
	"document_number" text,
	"issued_on" varchar(10) NOT NULL,
	"effective_from" varchar(10),
	"effective_until" varchar(10),
	"summary" text DEFAULT '' NOT NULL,
	"full_text" text DEFAULT '' NOT NULL,
	"source_url" text,
	"tags" text[] DEFAULT '{}' NOT NULL,
	"organization_types" text[] DEFAULT '{}' NOT NULL,
	"field_codes" text[] DEFAULT '{}' NOT NULL,
	"sme_only" boolean DEFAULT false NOT NULL,
	"status" varchar(16) NOT NULL,
	"published_at" timestamp with time zone,
	"search_vector" "tsvector",
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "policies" ADD CONSTRAINT "policies_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policies" ADD CONSTRAINT "policies_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "policies_status_idx" ON "policies" USING btree ("status","issued_on");--> statement-breakpoint
CREATE INDEX "policies_region_idx" ON "policies" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "policies_search_idx" ON "policies" USING gin ("search_vector");