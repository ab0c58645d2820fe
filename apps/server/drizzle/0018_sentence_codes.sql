ALTER TABLE "interactions" ALTER COLUMN "summary" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "lead_timeline" ALTER COLUMN "summary" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "interactions" ADD COLUMN "code" text;--> statement-breakpoint
ALTER TABLE "interactions" ADD COLUMN "params" jsonb;--> statement-breakpoint
ALTER TABLE "lead_timeline" ADD COLUMN "code" text;--> statement-breakpoint
ALTER TABLE "lead_timeline" ADD COLUMN "params" jsonb;--> statement-breakpoint
ALTER TABLE "order_events" ADD COLUMN "reason_code" text;--> statement-breakpoint
ALTER TABLE "order_events" ADD COLUMN "reason_params" jsonb;--> statement-breakpoint
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_worded" CHECK ("interactions"."code" is not null or "interactions"."summary" is not null);--> statement-breakpoint
ALTER TABLE "lead_timeline" ADD CONSTRAINT "lead_timeline_worded" CHECK ("lead_timeline"."code" is not null or "lead_timeline"."summary" is not null);