ALTER TABLE "business_entities" ADD COLUMN "invoice_on_completion" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "required_skills" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "after_visit_id" uuid;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_after_visit_id_visits_id_fk" FOREIGN KEY ("after_visit_id") REFERENCES "public"."visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_not_after_itself" CHECK ("visits"."after_visit_id" is null or "visits"."after_visit_id" <> "visits"."id");