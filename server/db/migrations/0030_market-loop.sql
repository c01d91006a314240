CREATE TABLE "favourites" (
	"user_id" uuid NOT NULL,
	"target_kind" varchar(16) NOT NULL,
	"target_id" uuid NOT NULL,
	"title" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "favourites_user_id_target_kind_target_id_pk" PRIMARY KEY("user_id","target_kind","target_id")
);
--> statement-breakpoint
CREATE TABLE "record_views" (
	"target_kind" varchar(16) NOT NULL,
	"target_id" uuid NOT NULL,
	"viewer_key" varchar(80) NOT NULL,
	"day" varchar(10) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "record_views_target_kind_target_id_viewer_key_day_pk" PRIMARY KEY("target_kind","target_id","viewer_key","day")
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"target_kind" varchar(16) NOT NULL,
	"target_id" uuid NOT NULL,
	"name" text NOT NULL,
	"file_type" varchar(8) NOT NULL,
	"size_bytes" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "trade_auction_registrations" ADD COLUMN "terms_version" varchar(32);--> statement-breakpoint
ALTER TABLE "trade_auction_registrations" ADD COLUMN "terms_accepted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "favourites" ADD CONSTRAINT "favourites_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "favourites_target_idx" ON "favourites" USING btree ("target_kind","target_id");--> statement-breakpoint
CREATE INDEX "attachments_target_idx" ON "attachments" USING btree ("target_kind","target_id","created_at");