CREATE TABLE "news_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"category" varchar(16) NOT NULL,
	"summary" text,
	"body" text NOT NULL,
	"source" text,
	"status" varchar(16) NOT NULL,
	"withdrawn_reason" text,
	"published_by" uuid NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "news_items" ADD CONSTRAINT "news_items_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "news_items_status_published_idx" ON "news_items" USING btree ("status","published_at");