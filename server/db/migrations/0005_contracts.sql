CREATE TABLE "contract_attachments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"contract_id" uuid NOT NULL,
	"kind" varchar(24) NOT NULL,
	"name" text NOT NULL,
	"content_type" varchar(100),
	"size_bytes" integer,
	"content" "bytea",
	"url" text,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contract_cost_items" (
	"contract_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" varchar(24) NOT NULL,
	"description" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"note" text NOT NULL,
	CONSTRAINT "contract_cost_items_contract_id_position_pk" PRIMARY KEY("contract_id","position")
);
--> statement-breakpoint
CREATE TABLE "contract_import_jobs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"mode" varchar(16) NOT NULL,
	"organization_id" uuid,
	"status" varchar(16) NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "contract_parameters" (
	"key" varchar(64) PRIMARY KEY NOT NULL,
	"value" bigint NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contract_parties" (
	"contract_id" uuid NOT NULL,
	"role" varchar(16) NOT NULL,
	"name" text NOT NULL,
	"credit_code" varchar(18),
	"organization_id" uuid,
	"organization_type" varchar(32) NOT NULL,
	"region_code" varchar(12),
	"country" varchar(2) DEFAULT 'CN' NOT NULL,
	"address" text,
	"contact_name" text,
	"contact_phone" varchar(32),
	CONSTRAINT "contract_parties_contract_id_role_pk" PRIMARY KEY("contract_id","role")
);
--> statement-breakpoint
CREATE TABLE "contract_payments" (
	"contract_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"due_on" date,
	"amount_fen" bigint NOT NULL,
	"condition" text NOT NULL,
	CONSTRAINT "contract_payments_contract_id_position_pk" PRIMARY KEY("contract_id","position")
);
--> statement-breakpoint
CREATE TABLE "contract_registration_sequences" (
	"year" integer NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"last_value" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "contract_registration_sequences_year_region_code_pk" PRIMARY KEY("year","region_code")
);
--> statement-breakpoint
CREATE TABLE "contract_versions" (
	"contract_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"event" varchar(16) NOT NULL,
	"reason" text,
	"registration_number" varchar(16),
	"contract_amount_fen" bigint NOT NULL,
	"technology_transaction_amount_fen" bigint NOT NULL,
	"snapshot" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contract_versions_contract_id_version_pk" PRIMARY KEY("contract_id","version")
);
--> statement-breakpoint
CREATE TABLE "contracts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"status" varchar(16) NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"source" varchar(16) DEFAULT 'application' NOT NULL,
	"type" varchar(16) NOT NULL,
	"subtype" varchar(32),
	"title" text NOT NULL,
	"subject" text NOT NULL,
	"field_code" varchar(32),
	"signed_on" date NOT NULL,
	"valid_from" date,
	"valid_until" date,
	"ip_involved" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"related_services_invoiced_together" boolean DEFAULT false NOT NULL,
	"seller_organization_id" uuid,
	"seller_region_code" varchar(12),
	"seller_country" varchar(2) DEFAULT 'CN' NOT NULL,
	"buyer_organization_id" uuid,
	"buyer_region_code" varchar(12),
	"buyer_country" varchar(2) DEFAULT 'CN' NOT NULL,
	"broker_user_id" uuid,
	"broker_name" text,
	"deal_id" uuid,
	"registration_organization_id" uuid NOT NULL,
	"registration_region_code" varchar(12) NOT NULL,
	"contract_amount_fen" bigint NOT NULL,
	"non_technical_costs_fen" bigint DEFAULT 0 NOT NULL,
	"technical_carrier_fen" bigint DEFAULT 0 NOT NULL,
	"adjustment_fen" bigint DEFAULT 0 NOT NULL,
	"adjustment_reason" text,
	"technology_transaction_amount_fen" bigint NOT NULL,
	"submitted_at" timestamp with time zone,
	"deadline_at" timestamp with time zone,
	"review_working_days" integer,
	"expert_review_required" boolean DEFAULT false NOT NULL,
	"expert_review" jsonb,
	"review_note" text,
	"refusal_reason" varchar(32),
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"registration_number" varchar(16),
	"certified_at" timestamp with time zone,
	"certified_by" uuid,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contract_attachments" ADD CONSTRAINT "contract_attachments_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_attachments" ADD CONSTRAINT "contract_attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_cost_items" ADD CONSTRAINT "contract_cost_items_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_import_jobs" ADD CONSTRAINT "contract_import_jobs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_import_jobs" ADD CONSTRAINT "contract_import_jobs_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_parameters" ADD CONSTRAINT "contract_parameters_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_parties" ADD CONSTRAINT "contract_parties_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_parties" ADD CONSTRAINT "contract_parties_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_parties" ADD CONSTRAINT "contract_parties_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_payments" ADD CONSTRAINT "contract_payments_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_versions" ADD CONSTRAINT "contract_versions_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_versions" ADD CONSTRAINT "contract_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_field_code_technical_fields_code_fk" FOREIGN KEY ("field_code") REFERENCES "public"."technical_fields"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_seller_organization_id_organizations_id_fk" FOREIGN KEY ("seller_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_seller_region_code_regions_code_fk" FOREIGN KEY ("seller_region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_buyer_organization_id_organizations_id_fk" FOREIGN KEY ("buyer_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_buyer_region_code_regions_code_fk" FOREIGN KEY ("buyer_region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_broker_user_id_users_id_fk" FOREIGN KEY ("broker_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_registration_organization_id_organizations_id_fk" FOREIGN KEY ("registration_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_registration_region_code_regions_code_fk" FOREIGN KEY ("registration_region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_certified_by_users_id_fk" FOREIGN KEY ("certified_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contract_attachments_contract_idx" ON "contract_attachments" USING btree ("contract_id","created_at");--> statement-breakpoint
CREATE INDEX "contract_parties_org_idx" ON "contract_parties" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contracts_registration_number_key" ON "contracts" USING btree ("registration_number");--> statement-breakpoint
CREATE INDEX "contracts_org_idx" ON "contracts" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "contracts_queue_idx" ON "contracts" USING btree ("registration_organization_id","status","deadline_at");--> statement-breakpoint
CREATE INDEX "contracts_certified_idx" ON "contracts" USING btree ("status","certified_at");--> statement-breakpoint
CREATE INDEX "contracts_deal_idx" ON "contracts" USING btree ("deal_id");