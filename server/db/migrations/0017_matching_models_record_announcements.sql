CREATE TABLE "record_match_announcements" (
	"record_id" uuid PRIMARY KEY NOT NULL,
	"kind" varchar(16) NOT NULL,
	"notified" integer NOT NULL,
	"announced_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "matching_text_models" (
	"id" uuid PRIMARY KEY NOT NULL,
	"model" jsonb NOT NULL,
	"vectors" "bytea" NOT NULL,
	"trained_on" integer NOT NULL,
	"train_ms" integer NOT NULL,
	"trained_at" timestamp with time zone DEFAULT now() NOT NULL
);
