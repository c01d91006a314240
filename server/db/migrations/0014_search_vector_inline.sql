-- Search vectors stay in the row (STORAGE MAIN) instead of TOAST: ranking reads the vector of every
-- row in a search's window, and a vector of ~1.2 kB (jieba lexemes barely compress) pushed most
-- rows past the 2 kB threshold, so each read was a TOAST index probe and fetch. Other long columns
-- (summary, problem, advantage) go out of line first, as PostgreSQL does for MAIN.
ALTER TABLE "achievements" ALTER COLUMN "search_vector" SET STORAGE MAIN;--> statement-breakpoint
ALTER TABLE "demands" ALTER COLUMN "search_vector" SET STORAGE MAIN;--> statement-breakpoint
-- Rows already written keep their layout until rewritten: rewrite them (catalogues are small where
-- this runs against existing data; a large one would rather take the hit gradually as rows change).
UPDATE "achievements" SET "search_vector" = "search_vector";--> statement-breakpoint
UPDATE "demands" SET "search_vector" = "search_vector";
