CREATE TABLE "disclosure_assessments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"disclosure_id" uuid NOT NULL,
	"assessor_user_id" uuid NOT NULL,
	"role" varchar(16) NOT NULL,
	"scores" jsonb NOT NULL,
	"total" real NOT NULL,
	"recommendation" varchar(16) NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disclosure_inventors" (
	"id" uuid PRIMARY KEY NOT NULL,
	"disclosure_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"user_id" uuid,
	"organization_name" text NOT NULL,
	"contribution_bp" integer NOT NULL,
	"confirmed_at" timestamp with time zone,
	"confirmed_by_user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "invention_disclosures" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"submitter_user_id" uuid NOT NULL,
	"status" varchar(16) NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"keywords" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"field_code" varchar(32) NOT NULL,
	"trl" integer NOT NULL,
	"confidential_description" text NOT NULL,
	"confidential_attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"conception_on" date,
	"first_written_on" date,
	"first_public_disclosure_on" date,
	"prototype_on" date,
	"first_offer_for_sale_on" date,
	"publications" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"funding_sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"third_party_materials" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"completed_at" timestamp with time zone,
	"decision_due_at" timestamp with time zone,
	"reminder_due_soon_at" timestamp with time zone,
	"reminder_overdue_at" timestamp with time zone,
	"return_reason" text,
	"decision" varchar(16),
	"decision_reason" text,
	"patent" jsonb,
	"patent_filed_on" date,
	"empowerment" jsonb,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"achievement_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "income_distributions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"source_kind" varchar(16) NOT NULL,
	"source_id" uuid NOT NULL,
	"source_title" text NOT NULL,
	"route" varchar(24) NOT NULL,
	"profit_year" integer,
	"implementation_years" integer,
	"achievement_id" uuid,
	"region_code" varchar(12) NOT NULL,
	"status" varchar(16) NOT NULL,
	"receipts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"costs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"lines" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"inventor_user_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"gross_income_fen" bigint NOT NULL,
	"costs_fen" bigint NOT NULL,
	"net_income_fen" bigint NOT NULL,
	"floor_bp" integer NOT NULL,
	"floor_source" text NOT NULL,
	"team_share_bp" integer NOT NULL,
	"organization_rule" text,
	"main_contributors_min_bp" integer,
	"team_share_fen" bigint NOT NULL,
	"created_by" uuid,
	"submitted_by" uuid,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"paid_at" timestamp with time zone,
	"payment_reference" text,
	"return_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "disclosure_assessments" ADD CONSTRAINT "disclosure_assessments_disclosure_id_invention_disclosures_id_fk" FOREIGN KEY ("disclosure_id") REFERENCES "public"."invention_disclosures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_assessments" ADD CONSTRAINT "disclosure_assessments_assessor_user_id_users_id_fk" FOREIGN KEY ("assessor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_inventors" ADD CONSTRAINT "disclosure_inventors_disclosure_id_invention_disclosures_id_fk" FOREIGN KEY ("disclosure_id") REFERENCES "public"."invention_disclosures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_inventors" ADD CONSTRAINT "disclosure_inventors_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_inventors" ADD CONSTRAINT "disclosure_inventors_confirmed_by_user_id_users_id_fk" FOREIGN KEY ("confirmed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invention_disclosures" ADD CONSTRAINT "invention_disclosures_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invention_disclosures" ADD CONSTRAINT "invention_disclosures_submitter_user_id_users_id_fk" FOREIGN KEY ("submitter_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invention_disclosures" ADD CONSTRAINT "invention_disclosures_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "income_distributions" ADD CONSTRAINT "income_distributions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "income_distributions" ADD CONSTRAINT "income_distributions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "income_distributions" ADD CONSTRAINT "income_distributions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "income_distributions" ADD CONSTRAINT "income_distributions_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "disclosure_assessments_disclosure_idx" ON "disclosure_assessments" USING btree ("disclosure_id");--> statement-breakpoint
CREATE INDEX "disclosure_inventors_disclosure_idx" ON "disclosure_inventors" USING btree ("disclosure_id","position");--> statement-breakpoint
CREATE INDEX "disclosure_inventors_user_idx" ON "disclosure_inventors" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "invention_disclosures_org_idx" ON "invention_disclosures" USING btree ("organization_id","status");--> statement-breakpoint
CREATE INDEX "invention_disclosures_due_idx" ON "invention_disclosures" USING btree ("decision_due_at");--> statement-breakpoint
CREATE INDEX "income_distributions_org_idx" ON "income_distributions" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "income_distributions_source_idx" ON "income_distributions" USING btree ("source_kind","source_id");