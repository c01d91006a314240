CREATE TABLE "integrity_records" (
	"id" uuid PRIMARY KEY NOT NULL,
	"party_kind" varchar(16) NOT NULL,
	"organization_id" uuid,
	"person_name" text,
	"region_code" varchar(12) NOT NULL,
	"misconduct" text NOT NULL,
	"penalty_kind" varchar(24) NOT NULL,
	"penalty_detail" text DEFAULT '' NOT NULL,
	"deciding_body" text NOT NULL,
	"legal_basis" varchar(32) NOT NULL,
	"legal_basis_detail" text DEFAULT '' NOT NULL,
	"effective_on" date NOT NULL,
	"period_months" integer NOT NULL,
	"ends_on" date NOT NULL,
	"status" varchar(16) NOT NULL,
	"appeal_reason" text,
	"appealed_at" timestamp with time zone,
	"appealed_by" uuid,
	"decision_reason" text,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"source" varchar(16) NOT NULL,
	"source_ref" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "integrity_records" ADD CONSTRAINT "integrity_records_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrity_records" ADD CONSTRAINT "integrity_records_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrity_records" ADD CONSTRAINT "integrity_records_appealed_by_users_id_fk" FOREIGN KEY ("appealed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrity_records" ADD CONSTRAINT "integrity_records_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrity_records" ADD CONSTRAINT "integrity_records_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "integrity_records_source_key" ON "integrity_records" USING btree ("source","source_ref") WHERE source_ref IS NOT NULL;--> statement-breakpoint
CREATE INDEX "integrity_records_org_idx" ON "integrity_records" USING btree ("organization_id","ends_on");--> statement-breakpoint
CREATE INDEX "integrity_records_region_idx" ON "integrity_records" USING btree ("region_code","created_at");