CREATE TABLE "review_steps" (
	"id" uuid PRIMARY KEY NOT NULL,
	"entity" varchar(64) NOT NULL,
	"entity_id" text NOT NULL,
	"step" varchar(32) NOT NULL,
	"reviewer_id" uuid,
	"reason" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "review_steps_entity_idx" ON "review_steps" USING btree ("entity","entity_id","at");