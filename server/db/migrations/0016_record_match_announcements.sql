CREATE TABLE "record_match_announcements" (
	"record_id" uuid PRIMARY KEY NOT NULL,
	"kind" varchar(16) NOT NULL,
	"notified" integer NOT NULL,
	"announced_at" timestamp with time zone DEFAULT now() NOT NULL
);
