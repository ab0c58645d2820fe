ALTER TABLE "interactions" ADD COLUMN "summary_en" text;--> statement-breakpoint
ALTER TABLE "lead_timeline" ADD COLUMN "summary_en" text;--> statement-breakpoint
ALTER TABLE "order_events" ADD COLUMN "reason_en" text;