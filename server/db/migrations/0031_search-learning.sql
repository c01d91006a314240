CREATE TABLE "recent_searches" (
	"user_id" uuid NOT NULL,
	"kind" varchar(16) NOT NULL,
	"query" text NOT NULL,
	"searched_at" timestamp with time zone NOT NULL,
	CONSTRAINT "recent_searches_user_id_kind_query_pk" PRIMARY KEY("user_id","kind","query")
);
--> statement-breakpoint
CREATE TABLE "search_query_days" (
	"day" date NOT NULL,
	"kind" varchar(16) NOT NULL,
	"query" text NOT NULL,
	"searcher" varchar(64) NOT NULL,
	CONSTRAINT "search_query_days_day_kind_query_searcher_pk" PRIMARY KEY("day","kind","query","searcher")
);
--> statement-breakpoint
CREATE TABLE "synonym_candidates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"term_a" text NOT NULL,
	"term_b" text NOT NULL,
	"source" varchar(16) NOT NULL,
	"evidence" jsonb NOT NULL,
	"score" integer NOT NULL,
	"status" varchar(16) DEFAULT 'pending' NOT NULL,
	"group_id" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "field_corrections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"record_kind" varchar(16) NOT NULL,
	"record_id" uuid NOT NULL,
	"text" text NOT NULL,
	"suggested_field" varchar(32),
	"corrected_field" varchar(32) NOT NULL,
	"corrected_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "recent_searches" ADD CONSTRAINT "recent_searches_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "synonym_candidates" ADD CONSTRAINT "synonym_candidates_group_id_synonym_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."synonym_groups"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "synonym_candidates" ADD CONSTRAINT "synonym_candidates_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_corrections" ADD CONSTRAINT "field_corrections_suggested_field_technical_fields_code_fk" FOREIGN KEY ("suggested_field") REFERENCES "public"."technical_fields"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_corrections" ADD CONSTRAINT "field_corrections_corrected_field_technical_fields_code_fk" FOREIGN KEY ("corrected_field") REFERENCES "public"."technical_fields"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_corrections" ADD CONSTRAINT "field_corrections_corrected_by_users_id_fk" FOREIGN KEY ("corrected_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "recent_searches_user_idx" ON "recent_searches" USING btree ("user_id","kind","searched_at");--> statement-breakpoint
CREATE INDEX "search_query_days_kind_day_idx" ON "search_query_days" USING btree ("kind","day");--> statement-breakpoint
CREATE UNIQUE INDEX "synonym_candidates_pair_key" ON "synonym_candidates" USING btree ("term_a","term_b");--> statement-breakpoint
CREATE INDEX "synonym_candidates_status_idx" ON "synonym_candidates" USING btree ("status","score");--> statement-breakpoint
CREATE INDEX "field_corrections_record_idx" ON "field_corrections" USING btree ("record_kind","record_id","created_at");