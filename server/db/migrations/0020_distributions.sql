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
ALTER TABLE "income_distributions" ADD CONSTRAINT "income_distributions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "income_distributions" ADD CONSTRAINT "income_distributions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "income_distributions" ADD CONSTRAINT "income_distributions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "income_distributions" ADD CONSTRAINT "income_distributions_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "income_distributions_org_idx" ON "income_distributions" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "income_distributions_source_idx" ON "income_distributions" USING btree ("source_kind","source_id");