CREATE TABLE "field_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"visit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"field" text,
	"winner" jsonb NOT NULL,
	"loser" jsonb NOT NULL,
	"command_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "installation_reports" (
	"visit_id" uuid PRIMARY KEY NOT NULL,
	"pdf" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mobile_commands" (
	"id" uuid PRIMARY KEY NOT NULL,
	"device_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"visit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"acted_at" timestamp with time zone NOT NULL,
	"base_version" bigint NOT NULL,
	"request_hash" text NOT NULL,
	"result" text NOT NULL,
	"answer" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mobile_device_visits" (
	"device_id" uuid NOT NULL,
	"visit_id" uuid NOT NULL,
	CONSTRAINT "mobile_device_visits_device_id_visit_id_pk" PRIMARY KEY("device_id","visit_id")
);
--> statement-breakpoint
CREATE TABLE "mobile_devices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"label" text NOT NULL,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_sync_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid
);
--> statement-breakpoint
CREATE TABLE "mobile_photos" (
	"sha256" text PRIMARY KEY NOT NULL,
	"content_type" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"size" integer NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visit_checklist_answers" (
	"visit_id" uuid NOT NULL,
	"field" text NOT NULL,
	"value" jsonb NOT NULL,
	"acted_at" timestamp with time zone NOT NULL,
	"command_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	CONSTRAINT "visit_checklist_answers_visit_id_field_pk" PRIMARY KEY("visit_id","field")
);
--> statement-breakpoint
CREATE TABLE "visit_executions" (
	"visit_id" uuid PRIMARY KEY NOT NULL,
	"arrived_at" timestamp with time zone,
	"signature" jsonb,
	"satisfaction" integer,
	"satisfaction_acted_at" timestamp with time zone,
	"outcome" text,
	"outcome_reason" text,
	"outcome_acted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "visit_issue_reports" (
	"command_id" uuid PRIMARY KEY NOT NULL,
	"visit_id" uuid NOT NULL,
	"category" text NOT NULL,
	"note" text NOT NULL,
	"photo_sha256" text,
	"acted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visit_parts_used" (
	"command_id" uuid PRIMARY KEY NOT NULL,
	"visit_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"serial_number" text,
	"posting_id" uuid NOT NULL,
	"acted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "visit_parts_used_quantity" CHECK ("visit_parts_used"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "visit_photos" (
	"command_id" uuid PRIMARY KEY NOT NULL,
	"visit_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"step" text NOT NULL,
	"acted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "field_cases" ADD CONSTRAINT "field_cases_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "installation_reports" ADD CONSTRAINT "installation_reports_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mobile_commands" ADD CONSTRAINT "mobile_commands_device_id_mobile_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."mobile_devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mobile_device_visits" ADD CONSTRAINT "mobile_device_visits_device_id_mobile_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."mobile_devices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mobile_device_visits" ADD CONSTRAINT "mobile_device_visits_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mobile_devices" ADD CONSTRAINT "mobile_devices_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mobile_devices" ADD CONSTRAINT "mobile_devices_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_checklist_answers" ADD CONSTRAINT "visit_checklist_answers_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_executions" ADD CONSTRAINT "visit_executions_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_issue_reports" ADD CONSTRAINT "visit_issue_reports_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_issue_reports" ADD CONSTRAINT "visit_issue_reports_photo_sha256_mobile_photos_sha256_fk" FOREIGN KEY ("photo_sha256") REFERENCES "public"."mobile_photos"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_parts_used" ADD CONSTRAINT "visit_parts_used_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_parts_used" ADD CONSTRAINT "visit_parts_used_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_photos" ADD CONSTRAINT "visit_photos_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_photos" ADD CONSTRAINT "visit_photos_sha256_mobile_photos_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."mobile_photos"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "field_cases_open_idx" ON "field_cases" USING btree ("created_at") WHERE "field_cases"."resolved_at" is null;--> statement-breakpoint
CREATE INDEX "mobile_commands_visit_idx" ON "mobile_commands" USING btree ("visit_id");--> statement-breakpoint
CREATE INDEX "mobile_devices_user_idx" ON "mobile_devices" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "visit_issue_reports_visit_idx" ON "visit_issue_reports" USING btree ("visit_id");--> statement-breakpoint
CREATE INDEX "visit_parts_used_visit_idx" ON "visit_parts_used" USING btree ("visit_id");--> statement-breakpoint
CREATE INDEX "visit_photos_visit_idx" ON "visit_photos" USING btree ("visit_id");--> statement-breakpoint
CREATE INDEX "outbox_events_subject_idx" ON "outbox_events" USING btree ("subject_type","subject_id","id");