CREATE TABLE "service_offerings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"provider_organization_id" uuid NOT NULL,
	"category" varchar(16) NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"pricing" varchar(8) NOT NULL,
	"price_fen" bigint,
	"quote_working_days" integer NOT NULL,
	"delivery_working_days" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"offering_id" uuid NOT NULL,
	"offering_title" text NOT NULL,
	"category" varchar(16) NOT NULL,
	"provider_organization_id" uuid NOT NULL,
	"requester_organization_id" uuid NOT NULL,
	"requester_user_id" uuid NOT NULL,
	"status" varchar(16) NOT NULL,
	"description" text NOT NULL,
	"achievement_id" uuid,
	"quote_fen" bigint,
	"quote_note" text,
	"due_at" timestamp with time zone,
	"quoted_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"delivery_note" text,
	"evaluation_values" jsonb,
	"delivered_late" boolean,
	"rating" integer,
	"rating_comment" text,
	"rated_at" timestamp with time zone,
	"close_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "service_offerings" ADD CONSTRAINT "service_offerings_provider_organization_id_organizations_id_fk" FOREIGN KEY ("provider_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_offering_id_service_offerings_id_fk" FOREIGN KEY ("offering_id") REFERENCES "public"."service_offerings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_provider_organization_id_organizations_id_fk" FOREIGN KEY ("provider_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_requester_organization_id_organizations_id_fk" FOREIGN KEY ("requester_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_requester_user_id_users_id_fk" FOREIGN KEY ("requester_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "service_offerings_provider_idx" ON "service_offerings" USING btree ("provider_organization_id");--> statement-breakpoint
CREATE INDEX "service_offerings_category_idx" ON "service_offerings" USING btree ("category");--> statement-breakpoint
CREATE INDEX "service_requests_provider_idx" ON "service_requests" USING btree ("provider_organization_id","created_at");--> statement-breakpoint
CREATE INDEX "service_requests_requester_idx" ON "service_requests" USING btree ("requester_organization_id","created_at");--> statement-breakpoint
CREATE INDEX "service_requests_offering_idx" ON "service_requests" USING btree ("offering_id");