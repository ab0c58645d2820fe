CREATE TABLE "planning_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"date_from" date NOT NULL,
	"date_to" date NOT NULL,
	"region_code" text,
	"absent_team_id" uuid,
	"absent_date" date,
	"requested_by" uuid,
	"fingerprint" text,
	"progress" jsonb,
	"error" text,
	"result" jsonb,
	"applied_team_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"claimed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "planning_proposals" ADD CONSTRAINT "planning_proposals_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_proposals" ADD CONSTRAINT "planning_proposals_absent_team_id_teams_id_fk" FOREIGN KEY ("absent_team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "planning_proposals_status_idx" ON "planning_proposals" USING btree ("status","created_at");