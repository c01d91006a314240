CREATE TABLE "challenge_awards" (
	"id" uuid PRIMARY KEY NOT NULL,
	"challenge_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"rank" integer NOT NULL,
	"prize_label" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"contract_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "challenge_proposals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"challenge_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"submitted_by" uuid NOT NULL,
	"ciphertext" "bytea" NOT NULL,
	"key_for_challenge" "bytea" NOT NULL,
	"key_for_submitter" "bytea" NOT NULL,
	"digest" varchar(64) NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"revisions" integer DEFAULT 0 NOT NULL,
	"shortlisted" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "challenge_registrations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"challenge_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"team_name" text NOT NULL,
	"contact_name" text NOT NULL,
	"contact_phone" text NOT NULL,
	"consortium_members" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"agreement_ip_terms" varchar(24) NOT NULL,
	"agreement_accepted_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "challenge_stages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"challenge_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"name" text NOT NULL,
	"kept_proposal_ids" jsonb NOT NULL,
	"payments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "challenges" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"created_by" uuid,
	"demand_id" uuid,
	"title" text NOT NULL,
	"problem" text NOT NULL,
	"targets" text DEFAULT '' NOT NULL,
	"field_code" varchar(32) NOT NULL,
	"reward" jsonb NOT NULL,
	"reward_total_fen" bigint NOT NULL,
	"ip_terms" varchar(24) NOT NULL,
	"sponsor_anonymous" boolean DEFAULT false NOT NULL,
	"status" varchar(16) NOT NULL,
	"registration_deadline" timestamp with time zone NOT NULL,
	"submission_deadline" timestamp with time zone NOT NULL,
	"scoring_due_at" timestamp with time zone,
	"roadshow_at" timestamp with time zone,
	"roadshow_place" text,
	"award_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"awarded_at" timestamp with time zone,
	"return_reason" text,
	"public_key_pem" text,
	"wrapped_private_key" "bytea",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "challenge_awards" ADD CONSTRAINT "challenge_awards_challenge_id_challenges_id_fk" FOREIGN KEY ("challenge_id") REFERENCES "public"."challenges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_awards" ADD CONSTRAINT "challenge_awards_proposal_id_challenge_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."challenge_proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_awards" ADD CONSTRAINT "challenge_awards_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_proposals" ADD CONSTRAINT "challenge_proposals_challenge_id_challenges_id_fk" FOREIGN KEY ("challenge_id") REFERENCES "public"."challenges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_proposals" ADD CONSTRAINT "challenge_proposals_registration_id_challenge_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."challenge_registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_proposals" ADD CONSTRAINT "challenge_proposals_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_proposals" ADD CONSTRAINT "challenge_proposals_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_registrations" ADD CONSTRAINT "challenge_registrations_challenge_id_challenges_id_fk" FOREIGN KEY ("challenge_id") REFERENCES "public"."challenges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_registrations" ADD CONSTRAINT "challenge_registrations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_registrations" ADD CONSTRAINT "challenge_registrations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_stages" ADD CONSTRAINT "challenge_stages_challenge_id_challenges_id_fk" FOREIGN KEY ("challenge_id") REFERENCES "public"."challenges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_stages" ADD CONSTRAINT "challenge_stages_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenges" ADD CONSTRAINT "challenges_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenges" ADD CONSTRAINT "challenges_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "challenge_awards_proposal_uq" ON "challenge_awards" USING btree ("proposal_id");--> statement-breakpoint
CREATE INDEX "challenge_awards_challenge_idx" ON "challenge_awards" USING btree ("challenge_id");--> statement-breakpoint
CREATE UNIQUE INDEX "challenge_proposals_registration_uq" ON "challenge_proposals" USING btree ("registration_id");--> statement-breakpoint
CREATE INDEX "challenge_proposals_challenge_idx" ON "challenge_proposals" USING btree ("challenge_id");--> statement-breakpoint
CREATE UNIQUE INDEX "challenge_registrations_org_uq" ON "challenge_registrations" USING btree ("challenge_id","organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "challenge_stages_seq_uq" ON "challenge_stages" USING btree ("challenge_id","seq");--> statement-breakpoint
CREATE INDEX "challenges_status_idx" ON "challenges" USING btree ("status","submission_deadline");--> statement-breakpoint
CREATE INDEX "challenges_org_idx" ON "challenges" USING btree ("organization_id");