CREATE TABLE "partner_mail_settings" (
	"partner_id" uuid PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"language" text DEFAULT 'nl' NOT NULL,
	"lead_qualified" boolean DEFAULT false NOT NULL,
	"order_created" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inbound_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"channel" text NOT NULL,
	"provider_message_id" text NOT NULL,
	"from_address" text NOT NULL,
	"from_name" text,
	"to_address" text NOT NULL,
	"subject" text DEFAULT '' NOT NULL,
	"body_text" text NOT NULL,
	"customer_id" uuid,
	"entity_id" text,
	"in_reply_to" uuid,
	"matched_by" text,
	"thread_key" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "satisfaction_surveys" (
	"visit_id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"asked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"score" integer,
	"remark" text,
	"answered_at" timestamp with time zone,
	CONSTRAINT "satisfaction_surveys_score" CHECK ("satisfaction_surveys"."score" is null or "satisfaction_surveys"."score" between 1 and 10),
	CONSTRAINT "satisfaction_surveys_answered" CHECK (("satisfaction_surveys"."score" is null) = ("satisfaction_surveys"."answered_at" is null))
);
--> statement-breakpoint
ALTER TABLE "stock_locations" ADD COLUMN "contact_language" text DEFAULT 'nl' NOT NULL;--> statement-breakpoint
ALTER TABLE "visit_executions" ADD COLUMN "on_the_way_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "partner_mail_settings" ADD CONSTRAINT "partner_mail_settings_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_messages" ADD CONSTRAINT "inbound_messages_in_reply_to_email_outbox_id_fk" FOREIGN KEY ("in_reply_to") REFERENCES "public"."email_outbox"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "satisfaction_surveys" ADD CONSTRAINT "satisfaction_surveys_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "inbound_messages_provider_key" ON "inbound_messages" USING btree ("channel","provider_message_id");--> statement-breakpoint
CREATE INDEX "inbound_messages_received_idx" ON "inbound_messages" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "inbound_messages_customer_idx" ON "inbound_messages" USING btree ("customer_id","received_at");--> statement-breakpoint
CREATE INDEX "inbound_messages_thread_idx" ON "inbound_messages" USING btree ("thread_key","received_at");--> statement-breakpoint
CREATE INDEX "inbound_messages_from_idx" ON "inbound_messages" USING btree ("channel","from_address","received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "satisfaction_surveys_token_key" ON "satisfaction_surveys" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "satisfaction_surveys_answered_idx" ON "satisfaction_surveys" USING btree ("answered_at");--> statement-breakpoint
CREATE INDEX "email_outbox_to_idx" ON "email_outbox" USING btree (lower("to"),"created_at");