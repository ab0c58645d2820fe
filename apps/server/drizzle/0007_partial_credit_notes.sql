ALTER TABLE "invoice_lines" ADD COLUMN "credited_line_id" uuid;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "credited_cents" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_credited_line_id_invoice_lines_id_fk" FOREIGN KEY ("credited_line_id") REFERENCES "public"."invoice_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invoice_lines_invoice_idx" ON "invoice_lines" USING btree ("invoice_id");--> statement-breakpoint
CREATE INDEX "invoice_lines_credited_line_idx" ON "invoice_lines" USING btree ("credited_line_id");--> statement-breakpoint
CREATE INDEX "invoices_credited_invoice_idx" ON "invoices" USING btree ("credited_invoice_id");--> statement-breakpoint
-- Credit notes issued before this column existed credited their invoice in full.
UPDATE "invoices" i SET "credited_cents" = least(i."total_cents", c."sum") FROM (SELECT "credited_invoice_id" id, sum("total_cents")::int "sum" FROM "invoices" WHERE "kind" = 'credit_note' GROUP BY 1) c WHERE c.id = i."id";--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_credited" CHECK ("invoices"."credited_cents" >= 0 and "invoices"."credited_cents" <= "invoices"."total_cents");