CREATE TABLE "message_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"message_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"language" text NOT NULL,
	"channel" text NOT NULL,
	"version" integer NOT NULL,
	"subject" text,
	"body" text,
	"saved_by" text NOT NULL,
	"saved_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "sender" text;--> statement-breakpoint
CREATE UNIQUE INDEX "message_templates_version_idx" ON "message_templates" USING btree ("message_type","entity_id","language","channel","version" DESC NULLS LAST);