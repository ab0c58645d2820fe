CREATE TABLE "tool_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tool_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"happened_on" date NOT NULL,
	"team_id" uuid,
	"result" text,
	"note" text,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tools" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"type" text NOT NULL,
	"serial_number" text,
	"team_id" uuid,
	"location_id" uuid,
	"status" text DEFAULT 'in_use' NOT NULL,
	"inspection_interval_months" integer,
	"inspection_due_on" date,
	"calibration_interval_months" integer,
	"calibration_due_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tools_code_unique" UNIQUE("code"),
	CONSTRAINT "tools_intervals" CHECK (coalesce("tools"."inspection_interval_months", 1) > 0 and coalesce("tools"."calibration_interval_months", 1) > 0)
);
--> statement-breakpoint
ALTER TABLE "tool_events" ADD CONSTRAINT "tool_events_tool_id_tools_id_fk" FOREIGN KEY ("tool_id") REFERENCES "public"."tools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tool_events" ADD CONSTRAINT "tool_events_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tools" ADD CONSTRAINT "tools_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tools" ADD CONSTRAINT "tools_location_id_stock_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."stock_locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tool_events_tool_idx" ON "tool_events" USING btree ("tool_id","happened_on");--> statement-breakpoint
CREATE INDEX "tools_team_idx" ON "tools" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "tools_inspection_due_idx" ON "tools" USING btree ("inspection_due_on");