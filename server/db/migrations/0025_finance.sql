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
CREATE TABLE "subsidy_applications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"programme_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"status" varchar(16) NOT NULL,
	"contract_ids" jsonb NOT NULL,
	"lines" jsonb NOT NULL,
	"base_fen" bigint NOT NULL,
	"requested_fen" bigint NOT NULL,
	"approved_fen" bigint,
	"paid_fen" bigint,
	"note" text,
	"officer_note" text,
	"review_mean" real,
	"meeting_on" date,
	"notice_from" date,
	"notice_until" date,
	"paid_on" date,
	"payment_reference" varchar(64),
	"submitted_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subsidy_contract_payments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"contract_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"amount_fen" bigint NOT NULL,
	"paid_on" date NOT NULL,
	"bank_voucher_no" varchar(64) NOT NULL,
	"invoice_no" varchar(64) NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subsidy_programmes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"issuer" text NOT NULL,
	"document_number" text NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"year" integer NOT NULL,
	"applicant_roles" jsonb NOT NULL,
	"contract_types" jsonb NOT NULL,
	"basis" varchar(16) NOT NULL,
	"buyer_region_code" varchar(12),
	"min_licence_years" integer,
	"require_sme" boolean DEFAULT false NOT NULL,
	"schedule" jsonb NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"notice_working_days" integer NOT NULL,
	"min_reviewers" integer NOT NULL,
	"sources" jsonb NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subsidy_reviews" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"reviewer_name" text NOT NULL,
	"scores" jsonb NOT NULL,
	"total" real NOT NULL,
	"comment" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
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
ALTER TABLE "subsidy_applications" ADD CONSTRAINT "subsidy_applications_programme_id_subsidy_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."subsidy_programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_applications" ADD CONSTRAINT "subsidy_applications_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_applications" ADD CONSTRAINT "subsidy_applications_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_applications" ADD CONSTRAINT "subsidy_applications_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_contract_payments" ADD CONSTRAINT "subsidy_contract_payments_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_contract_payments" ADD CONSTRAINT "subsidy_contract_payments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_contract_payments" ADD CONSTRAINT "subsidy_contract_payments_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_programmes" ADD CONSTRAINT "subsidy_programmes_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_programmes" ADD CONSTRAINT "subsidy_programmes_buyer_region_code_regions_code_fk" FOREIGN KEY ("buyer_region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_programmes" ADD CONSTRAINT "subsidy_programmes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_reviews" ADD CONSTRAINT "subsidy_reviews_application_id_subsidy_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."subsidy_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_reviews" ADD CONSTRAINT "subsidy_reviews_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "financing_interests_request_investor_key" ON "financing_interests" USING btree ("request_id","investor_organization_id");--> statement-breakpoint
CREATE INDEX "financing_messages_interest_idx" ON "financing_messages" USING btree ("interest_id","created_at");--> statement-breakpoint
CREATE INDEX "financing_requests_status_idx" ON "financing_requests" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "financing_requests_org_idx" ON "financing_requests" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "pledge_loans_applicant_idx" ON "pledge_loans" USING btree ("applicant_organization_id");--> statement-breakpoint
CREATE INDEX "pledge_loans_bank_idx" ON "pledge_loans" USING btree ("bank_organization_id","status");--> statement-breakpoint
CREATE INDEX "sme_assessments_year_idx" ON "sme_assessments" USING btree ("year","qualified");--> statement-breakpoint
CREATE INDEX "subsidy_applications_programme_idx" ON "subsidy_applications" USING btree ("programme_id","status");--> statement-breakpoint
CREATE INDEX "subsidy_applications_org_idx" ON "subsidy_applications" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "subsidy_contract_payments_contract_idx" ON "subsidy_contract_payments" USING btree ("contract_id");--> statement-breakpoint
CREATE UNIQUE INDEX "subsidy_contract_payments_invoice_key" ON "subsidy_contract_payments" USING btree ("contract_id","invoice_no");--> statement-breakpoint
CREATE INDEX "subsidy_reviews_application_idx" ON "subsidy_reviews" USING btree ("application_id");