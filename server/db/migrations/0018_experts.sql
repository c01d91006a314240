CREATE TABLE "expert_relations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"expert_id" uuid NOT NULL,
	"kind" varchar(16) NOT NULL,
	"organization_id" uuid,
	"user_id" uuid,
	"party_name" text NOT NULL,
	"year" integer,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "experts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid,
	"name" text NOT NULL,
	"title" text NOT NULL,
	"organization_id" uuid,
	"organization_name" text NOT NULL,
	"field_codes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"keywords" text DEFAULT '' NOT NULL,
	"bio" text,
	"email" varchar(254),
	"phone" varchar(32),
	"available" boolean DEFAULT true NOT NULL,
	"availability_note" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "panel_members" (
	"id" uuid PRIMARY KEY NOT NULL,
	"panel_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"status" varchar(16) NOT NULL,
	"reason" text,
	"replaces_member_id" uuid,
	"drawn_at" timestamp with time zone NOT NULL,
	"excused_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "panel_scores" (
	"id" uuid PRIMARY KEY NOT NULL,
	"panel_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"scores" jsonb NOT NULL,
	"total" double precision NOT NULL,
	"comment" text,
	"submitted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_panels" (
	"id" uuid PRIMARY KEY NOT NULL,
	"subject_type" varchar(48) NOT NULL,
	"subject_id" varchar(64) NOT NULL,
	"subject_title" text NOT NULL,
	"sheet_key" varchar(48) NOT NULL,
	"size" integer NOT NULL,
	"field_code" varchar(32),
	"exclude_organization_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"exclude_user_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"due_at" timestamp with time zone,
	"status" varchar(16) NOT NULL,
	"opened_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "expert_relations" ADD CONSTRAINT "expert_relations_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_relations" ADD CONSTRAINT "expert_relations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_relations" ADD CONSTRAINT "expert_relations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experts" ADD CONSTRAINT "experts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experts" ADD CONSTRAINT "experts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_members" ADD CONSTRAINT "panel_members_panel_id_review_panels_id_fk" FOREIGN KEY ("panel_id") REFERENCES "public"."review_panels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_members" ADD CONSTRAINT "panel_members_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_members" ADD CONSTRAINT "panel_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_scores" ADD CONSTRAINT "panel_scores_panel_id_review_panels_id_fk" FOREIGN KEY ("panel_id") REFERENCES "public"."review_panels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_scores" ADD CONSTRAINT "panel_scores_member_id_panel_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."panel_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_scores" ADD CONSTRAINT "panel_scores_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_panels" ADD CONSTRAINT "review_panels_opened_by_user_id_users_id_fk" FOREIGN KEY ("opened_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "expert_relations_expert_idx" ON "expert_relations" USING btree ("expert_id");--> statement-breakpoint
CREATE UNIQUE INDEX "experts_user_key" ON "experts" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "experts_organization_idx" ON "experts" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "panel_members_panel_expert_key" ON "panel_members" USING btree ("panel_id","expert_id");--> statement-breakpoint
CREATE INDEX "panel_members_expert_idx" ON "panel_members" USING btree ("expert_id","status");--> statement-breakpoint
CREATE INDEX "panel_members_user_idx" ON "panel_members" USING btree ("user_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "panel_scores_member_key" ON "panel_scores" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "panel_scores_panel_idx" ON "panel_scores" USING btree ("panel_id");--> statement-breakpoint
CREATE INDEX "review_panels_subject_idx" ON "review_panels" USING btree ("subject_type","subject_id","created_at");