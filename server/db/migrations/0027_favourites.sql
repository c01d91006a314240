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
ALTER TABLE "favourites" ADD CONSTRAINT "favourites_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "favourites_target_idx" ON "favourites" USING btree ("target_kind","target_id");