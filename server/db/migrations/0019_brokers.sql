CREATE TABLE "broker_accreditations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"broker_id" uuid NOT NULL,
	"tier" varchar(32) NOT NULL,
	"certificate_number" varchar(64) NOT NULL,
	"issued_on" date NOT NULL,
	"expires_on" date NOT NULL,
	"issuer" text NOT NULL,
	"revoked" boolean DEFAULT false NOT NULL,
	"revoke_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "broker_declarations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"broker_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"contract_title" text NOT NULL,
	"deal_id" uuid,
	"has_conflict" boolean NOT NULL,
	"relation" text,
	"statement" text NOT NULL,
	"declared_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "broker_trainings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"broker_id" uuid NOT NULL,
	"course" text NOT NULL,
	"module" varchar(32) NOT NULL,
	"hours" numeric(6, 1) NOT NULL,
	"completed_on" date NOT NULL,
	"certificate_number" varchar(64),
	"provider" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "brokers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid,
	"name" text NOT NULL,
	"employing_organization_id" uuid,
	"status" varchar(16) NOT NULL,
	"specialties" text DEFAULT '' NOT NULL,
	"bio" text DEFAULT '' NOT NULL,
	"phone" varchar(32),
	"email" text,
	"status_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "broker_accreditations" ADD CONSTRAINT "broker_accreditations_broker_id_brokers_id_fk" FOREIGN KEY ("broker_id") REFERENCES "public"."brokers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "broker_declarations" ADD CONSTRAINT "broker_declarations_broker_id_brokers_id_fk" FOREIGN KEY ("broker_id") REFERENCES "public"."brokers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "broker_trainings" ADD CONSTRAINT "broker_trainings_broker_id_brokers_id_fk" FOREIGN KEY ("broker_id") REFERENCES "public"."brokers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brokers" ADD CONSTRAINT "brokers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brokers" ADD CONSTRAINT "brokers_employing_organization_id_organizations_id_fk" FOREIGN KEY ("employing_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "broker_accreditations_certificate_key" ON "broker_accreditations" USING btree ("certificate_number");--> statement-breakpoint
CREATE INDEX "broker_accreditations_broker_idx" ON "broker_accreditations" USING btree ("broker_id");--> statement-breakpoint
CREATE UNIQUE INDEX "broker_declarations_contract_key" ON "broker_declarations" USING btree ("broker_id","contract_id");--> statement-breakpoint
CREATE INDEX "broker_trainings_broker_idx" ON "broker_trainings" USING btree ("broker_id","completed_on");--> statement-breakpoint
CREATE UNIQUE INDEX "brokers_user_key" ON "brokers" USING btree ("user_id") WHERE user_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "brokers_employer_idx" ON "brokers" USING btree ("employing_organization_id");