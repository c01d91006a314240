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
CREATE INDEX "subsidy_applications_programme_idx" ON "subsidy_applications" USING btree ("programme_id","status");--> statement-breakpoint
CREATE INDEX "subsidy_applications_org_idx" ON "subsidy_applications" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "subsidy_contract_payments_contract_idx" ON "subsidy_contract_payments" USING btree ("contract_id");--> statement-breakpoint
CREATE UNIQUE INDEX "subsidy_contract_payments_invoice_key" ON "subsidy_contract_payments" USING btree ("contract_id","invoice_no");--> statement-breakpoint
CREATE INDEX "subsidy_reviews_application_idx" ON "subsidy_reviews" USING btree ("application_id");