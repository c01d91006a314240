CREATE TABLE "financing_interests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"request_id" uuid NOT NULL,
	"investor_organization_id" uuid NOT NULL,
	"amount_fen" bigint,
	"status" varchar(16) NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "financing_messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"interest_id" uuid NOT NULL,
	"author_user_id" uuid NOT NULL,
	"side" varchar(16) NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "financing_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"use" text NOT NULL,
	"stage" varchar(16) NOT NULL,
	"instrument" varchar(8) NOT NULL,
	"equity_offered_bp" integer,
	"field_code" varchar(32) NOT NULL,
	"trl" integer NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"achievement_id" uuid,
	"achievement_title" text,
	"status" varchar(16) NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "investor_profiles" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"stages" jsonb NOT NULL,
	"instruments" jsonb NOT NULL,
	"ticket_min_fen" bigint NOT NULL,
	"ticket_max_fen" bigint NOT NULL,
	"field_codes" jsonb NOT NULL,
	"region_codes" jsonb NOT NULL,
	"trl_min" integer NOT NULL,
	"trl_max" integer NOT NULL,
	"sme_only" boolean DEFAULT false NOT NULL,
	"description" text NOT NULL,
	"published" boolean DEFAULT true NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pledge_loans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"applicant_organization_id" uuid NOT NULL,
	"bank_organization_id" uuid NOT NULL,
	"amount_fen" bigint NOT NULL,
	"term_months" integer NOT NULL,
	"purpose" text NOT NULL,
	"patents" jsonb NOT NULL,
	"valuation" jsonb NOT NULL,
	"status" varchar(16) NOT NULL,
	"approved_fen" bigint,
	"rate_bp" integer,
	"decision_note" text,
	"pledge_registration_no" varchar(64),
	"pledgor" text,
	"pledgee" text,
	"pledge_registered_on" date,
	"pledge_until" date,
	"repaid_on" date,
	"released_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sme_assessments" (
	"organization_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"input" jsonb NOT NULL,
	"staff_score" integer NOT NULL,
	"rd_score" integer NOT NULL,
	"ip_score" integer NOT NULL,
	"total" integer NOT NULL,
	"size_ok" boolean NOT NULL,
	"route" varchar(8) NOT NULL,
	"qualified" boolean NOT NULL,
	"reasons" jsonb NOT NULL,
	"assessed_by" uuid,
	"assessed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sme_assessments_organization_id_year_pk" PRIMARY KEY("organization_id","year")
);
--> statement-breakpoint
ALTER TABLE "financing_interests" ADD CONSTRAINT "financing_interests_request_id_financing_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."financing_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financing_interests" ADD CONSTRAINT "financing_interests_investor_organization_id_organizations_id_fk" FOREIGN KEY ("investor_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financing_interests" ADD CONSTRAINT "financing_interests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financing_messages" ADD CONSTRAINT "financing_messages_interest_id_financing_interests_id_fk" FOREIGN KEY ("interest_id") REFERENCES "public"."financing_interests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financing_messages" ADD CONSTRAINT "financing_messages_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financing_requests" ADD CONSTRAINT "financing_requests_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financing_requests" ADD CONSTRAINT "financing_requests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investor_profiles" ADD CONSTRAINT "investor_profiles_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investor_profiles" ADD CONSTRAINT "investor_profiles_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledge_loans" ADD CONSTRAINT "pledge_loans_applicant_organization_id_organizations_id_fk" FOREIGN KEY ("applicant_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledge_loans" ADD CONSTRAINT "pledge_loans_bank_organization_id_organizations_id_fk" FOREIGN KEY ("bank_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledge_loans" ADD CONSTRAINT "pledge_loans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sme_assessments" ADD CONSTRAINT "sme_assessments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sme_assessments" ADD CONSTRAINT "sme_assessments_assessed_by_users_id_fk" FOREIGN KEY ("assessed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "financing_interests_request_investor_key" ON "financing_interests" USING btree ("request_id","investor_organization_id");--> statement-breakpoint
CREATE INDEX "financing_messages_interest_idx" ON "financing_messages" USING btree ("interest_id","created_at");--> statement-breakpoint
CREATE INDEX "financing_requests_status_idx" ON "financing_requests" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "financing_requests_org_idx" ON "financing_requests" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "pledge_loans_applicant_idx" ON "pledge_loans" USING btree ("applicant_organization_id");--> statement-breakpoint
CREATE INDEX "pledge_loans_bank_idx" ON "pledge_loans" USING btree ("bank_organization_id","status");--> statement-breakpoint
CREATE INDEX "sme_assessments_year_idx" ON "sme_assessments" USING btree ("year","qualified");