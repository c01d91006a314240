-- One import_jobs table for every spreadsheet import (server/lib/spreadsheet): the contract imports move in as kind 'contracts'.
ALTER TABLE "import_jobs" ALTER COLUMN "organization_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "mode" varchar(16);--> statement-breakpoint
INSERT INTO "import_jobs" ("id", "user_id", "organization_id", "kind", "mode", "status", "total", "processed", "errors", "created_at", "finished_at")
  SELECT "id", "user_id", "organization_id", 'contracts', "mode", "status", "total", "processed", "errors", "created_at", "finished_at" FROM "contract_import_jobs";--> statement-breakpoint
DROP TABLE "contract_import_jobs" CASCADE;--> statement-breakpoint
-- An import still running when the server stops never finishes: fail it before one-running-per-organisation holds.
UPDATE "import_jobs" SET "status" = 'failed', "finished_at" = now(),
  "errors" = '[{"row":0,"field":"file","message":"The import was interrupted by a server restart; nothing was imported. Upload the file again."}]'::jsonb
  WHERE "status" = 'running';--> statement-breakpoint
CREATE UNIQUE INDEX "import_jobs_one_running_per_org" ON "import_jobs" USING btree ("organization_id") WHERE status = 'running';--> statement-breakpoint
CREATE INDEX "import_jobs_user_idx" ON "import_jobs" USING btree ("user_id","created_at");
