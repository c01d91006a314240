CREATE TABLE "export_catalogue_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"catalogue_id" uuid NOT NULL,
	"code" varchar(16),
	"class" varchar(16) NOT NULL,
	"industry" text NOT NULL,
	"name" text NOT NULL,
	"control_points" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"terms" text[] DEFAULT '{}'::text[] NOT NULL,
	"source_document" text NOT NULL,
	"source_date" date NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "export_catalogues" (
	"id" uuid PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"source_document" text NOT NULL,
	"published_on" date NOT NULL,
	"status" varchar(16) NOT NULL,
	"origin" varchar(8) NOT NULL,
	"item_count" integer NOT NULL,
	"imported_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "export_screenings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"subject_kind" varchar(16) NOT NULL,
	"subject_id" uuid NOT NULL,
	"achievement_id" uuid,
	"title" text NOT NULL,
	"domestic_organization_id" uuid,
	"region_path" text NOT NULL,
	"foreign_organization_id" uuid,
	"foreign_country" varchar(2),
	"catalogue_id" uuid NOT NULL,
	"candidates" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" varchar(16) NOT NULL,
	"decision" varchar(16),
	"decided_item_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"deadline_at" timestamp with time zone,
	"letter_of_intent_no" varchar(64),
	"letter_of_intent_on" date,
	"licence_no" varchar(64),
	"licence_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"subscription_id" uuid NOT NULL,
	"event" varchar(32) NOT NULL,
	"entity_id" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" varchar(16) NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"last_status_code" integer,
	"last_error" text,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_subscriptions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"url" text NOT NULL,
	"events" text[] NOT NULL,
	"secret" varchar(64) NOT NULL,
	"description" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "country" varchar(2) DEFAULT 'CN' NOT NULL;--> statement-breakpoint
ALTER TABLE "export_catalogue_items" ADD CONSTRAINT "export_catalogue_items_catalogue_id_export_catalogues_id_fk" FOREIGN KEY ("catalogue_id") REFERENCES "public"."export_catalogues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "export_catalogues" ADD CONSTRAINT "export_catalogues_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "export_screenings" ADD CONSTRAINT "export_screenings_domestic_organization_id_organizations_id_fk" FOREIGN KEY ("domestic_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "export_screenings" ADD CONSTRAINT "export_screenings_foreign_organization_id_organizations_id_fk" FOREIGN KEY ("foreign_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "export_screenings" ADD CONSTRAINT "export_screenings_catalogue_id_export_catalogues_id_fk" FOREIGN KEY ("catalogue_id") REFERENCES "public"."export_catalogues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "export_screenings" ADD CONSTRAINT "export_screenings_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "export_screenings" ADD CONSTRAINT "export_screenings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_subscription_id_webhook_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."webhook_subscriptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_subscriptions" ADD CONSTRAINT "webhook_subscriptions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "export_catalogue_items_catalogue_idx" ON "export_catalogue_items" USING btree ("catalogue_id","class");--> statement-breakpoint
CREATE INDEX "export_catalogues_status_idx" ON "export_catalogues" USING btree ("status","published_on");--> statement-breakpoint
CREATE UNIQUE INDEX "export_screenings_subject_key" ON "export_screenings" USING btree ("subject_kind","subject_id");--> statement-breakpoint
CREATE INDEX "export_screenings_queue_idx" ON "export_screenings" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "export_screenings_achievement_idx" ON "export_screenings" USING btree ("achievement_id");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_due_idx" ON "webhook_deliveries" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_subscription_idx" ON "webhook_deliveries" USING btree ("subscription_id","created_at");