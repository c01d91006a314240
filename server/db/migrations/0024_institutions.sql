CREATE TABLE "broker_accreditations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"broker_id" uuid NOT NULL,
	"tier" varchar(32) NOT NULL,
	"certificate_number" varchar(64) NOT NULL,
	"issued_on" date NOT NULL,
	"expires_on" date NOT NULL,
	"issuer" text NOT NULL,
	"revoked" boolean DEFAULT false NOT NULL,
	"revoke_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "broker_declarations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"broker_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"contract_title" text NOT NULL,
	"deal_id" uuid,
	"has_conflict" boolean NOT NULL,
	"relation" text,
	"statement" text NOT NULL,
	"declared_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "broker_trainings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"broker_id" uuid NOT NULL,
	"course" text NOT NULL,
	"module" varchar(32) NOT NULL,
	"hours" numeric(6, 1) NOT NULL,
	"completed_on" date NOT NULL,
	"certificate_number" varchar(64),
	"provider" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "brokers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid,
	"name" text NOT NULL,
	"employing_organization_id" uuid,
	"status" varchar(16) NOT NULL,
	"specialties" text DEFAULT '' NOT NULL,
	"bio" text DEFAULT '' NOT NULL,
	"phone" varchar(32),
	"email" text,
	"status_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alliance_members" (
	"alliance_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"joined_on" date NOT NULL,
	CONSTRAINT "alliance_members_alliance_id_organization_id_pk" PRIMARY KEY("alliance_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "alliances" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"founded_on" date NOT NULL,
	"lead_organization_id" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "demonstration_applications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"round_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"status" varchar(16) NOT NULL,
	"declared_income_last_year_fen" numeric(18, 0),
	"declared_complaints_last_2_years" integer,
	"statement" text DEFAULT '' NOT NULL,
	"figures" jsonb NOT NULL,
	"checks" jsonb NOT NULL,
	"mean_score" numeric(6, 2),
	"submitted_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "demonstration_rounds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"status" varchar(16) NOT NULL,
	"application_deadline" date NOT NULL,
	"thresholds" jsonb NOT NULL,
	"pass_mark" numeric(5, 2) NOT NULL,
	"panel_size" integer NOT NULL,
	"notice_working_days" integer NOT NULL,
	"term_years" integer NOT NULL,
	"opened_by" uuid,
	"published_at" timestamp with time zone,
	"notice_ends_at" timestamp with time zone,
	"finalised_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "demonstration_titles" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"status" varchar(16) NOT NULL,
	"awarded_on" date NOT NULL,
	"expires_on" date NOT NULL,
	"failing_years" integer DEFAULT 0 NOT NULL,
	"checked_years" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "institution_profiles" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"services" jsonb NOT NULL,
	"service_description" text DEFAULT '' NOT NULL,
	"founded_on" date NOT NULL,
	"full_time_staff" integer NOT NULL,
	"total_staff" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "broker_accreditations" ADD CONSTRAINT "broker_accreditations_broker_id_brokers_id_fk" FOREIGN KEY ("broker_id") REFERENCES "public"."brokers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "broker_declarations" ADD CONSTRAINT "broker_declarations_broker_id_brokers_id_fk" FOREIGN KEY ("broker_id") REFERENCES "public"."brokers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "broker_trainings" ADD CONSTRAINT "broker_trainings_broker_id_brokers_id_fk" FOREIGN KEY ("broker_id") REFERENCES "public"."brokers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brokers" ADD CONSTRAINT "brokers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brokers" ADD CONSTRAINT "brokers_employing_organization_id_organizations_id_fk" FOREIGN KEY ("employing_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance_members" ADD CONSTRAINT "alliance_members_alliance_id_alliances_id_fk" FOREIGN KEY ("alliance_id") REFERENCES "public"."alliances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance_members" ADD CONSTRAINT "alliance_members_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliances" ADD CONSTRAINT "alliances_lead_organization_id_organizations_id_fk" FOREIGN KEY ("lead_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliances" ADD CONSTRAINT "alliances_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demonstration_applications" ADD CONSTRAINT "demonstration_applications_round_id_demonstration_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."demonstration_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demonstration_applications" ADD CONSTRAINT "demonstration_applications_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demonstration_applications" ADD CONSTRAINT "demonstration_applications_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demonstration_rounds" ADD CONSTRAINT "demonstration_rounds_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demonstration_titles" ADD CONSTRAINT "demonstration_titles_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demonstration_titles" ADD CONSTRAINT "demonstration_titles_round_id_demonstration_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."demonstration_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institution_profiles" ADD CONSTRAINT "institution_profiles_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "broker_accreditations_certificate_key" ON "broker_accreditations" USING btree ("certificate_number");--> statement-breakpoint
CREATE INDEX "broker_accreditations_broker_idx" ON "broker_accreditations" USING btree ("broker_id");--> statement-breakpoint
CREATE UNIQUE INDEX "broker_declarations_contract_key" ON "broker_declarations" USING btree ("broker_id","contract_id");--> statement-breakpoint
CREATE INDEX "broker_trainings_broker_idx" ON "broker_trainings" USING btree ("broker_id","completed_on");--> statement-breakpoint
CREATE UNIQUE INDEX "brokers_user_key" ON "brokers" USING btree ("user_id") WHERE user_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "brokers_employer_idx" ON "brokers" USING btree ("employing_organization_id");--> statement-breakpoint
CREATE INDEX "alliance_members_org_idx" ON "alliance_members" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "demonstration_applications_round_org_key" ON "demonstration_applications" USING btree ("round_id","organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "demonstration_rounds_year_key" ON "demonstration_rounds" USING btree ("year");--> statement-breakpoint
CREATE UNIQUE INDEX "demonstration_titles_round_org_key" ON "demonstration_titles" USING btree ("round_id","organization_id");--> statement-breakpoint
CREATE INDEX "demonstration_titles_org_idx" ON "demonstration_titles" USING btree ("organization_id");