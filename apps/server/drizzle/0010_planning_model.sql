CREATE TABLE "team_absences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"date_from" date NOT NULL,
	"date_to" date NOT NULL,
	"kind" text NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_absences_order" CHECK ("team_absences"."date_from" <= "team_absences"."date_to")
);
--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "working_days" integer[] DEFAULT '{1,2,3,4,5}'::integer[] NOT NULL;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "priority" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "window_start" text;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "window_end" text;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "confirmed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "lock_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "team_absences" ADD CONSTRAINT "team_absences_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "team_absences_team_idx" ON "team_absences" USING btree ("team_id","date_from");--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_priority" CHECK ("visits"."priority" between 0 and 2);--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_window" CHECK (("visits"."window_start" is null) = ("visits"."window_end" is null) and ("visits"."window_start" is null or "visits"."window_start" < "visits"."window_end"));