ALTER TABLE "field_cases" ADD COLUMN "resolved_by" uuid;--> statement-breakpoint
ALTER TABLE "field_cases" ADD COLUMN "resolution_note" text;