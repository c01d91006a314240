CREATE TABLE "contract_deadline_reminders" (
	"contract_id" uuid NOT NULL,
	"kind" varchar(16) NOT NULL,
	"deadline_at" timestamp with time zone NOT NULL,
	"recipients" integer DEFAULT 0 NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contract_deadline_reminders_contract_id_kind_deadline_at_pk" PRIMARY KEY("contract_id","kind","deadline_at")
);
--> statement-breakpoint
ALTER TABLE "contract_deadline_reminders" ADD CONSTRAINT "contract_deadline_reminders_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;