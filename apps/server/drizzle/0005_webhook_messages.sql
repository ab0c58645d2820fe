CREATE TABLE "webhook_messages" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" uuid NOT NULL,
	"event_type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- Existing deliveries keep their payload: one message per message id (a message id names one event).
INSERT INTO "webhook_messages" ("id", "partner_id", "event_type", "payload", "created_at")
SELECT DISTINCT ON ("message_id") "message_id", "partner_id", "event_type", "payload", "created_at"
FROM "webhook_deliveries" ORDER BY "message_id", "created_at";--> statement-breakpoint
DROP INDEX "webhook_deliveries_message_key";--> statement-breakpoint
CREATE INDEX "webhook_messages_created_idx" ON "webhook_messages" USING btree ("created_at");--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_message_id_webhook_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."webhook_messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_deliveries_message_key" ON "webhook_deliveries" USING btree ("message_id","endpoint_id");--> statement-breakpoint
ALTER TABLE "webhook_deliveries" DROP COLUMN "payload";