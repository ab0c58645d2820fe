ALTER TABLE "quote_lines" DROP CONSTRAINT "quote_lines_vat";--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "vat_number" text;--> statement-breakpoint
ALTER TABLE "quote_lines" ADD COLUMN "vat_category" text;--> statement-breakpoint
-- Hand-added: existing lines get the category their rate stands for (reverse charge did not exist yet).
UPDATE "quote_lines" SET "vat_category" = CASE "vat_rate" WHEN 9 THEN 'reduced' WHEN 0 THEN 'zero' ELSE 'standard' END;--> statement-breakpoint
ALTER TABLE "quote_lines" ALTER COLUMN "vat_category" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "vat_category" text;--> statement-breakpoint
-- Hand-added: existing lines get the category their rate stands for (reverse charge did not exist yet).
UPDATE "order_lines" SET "vat_category" = CASE "vat_rate" WHEN 9 THEN 'reduced' WHEN 0 THEN 'zero' ELSE 'standard' END;--> statement-breakpoint
ALTER TABLE "order_lines" ALTER COLUMN "vat_category" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD COLUMN "vat_category" text;--> statement-breakpoint
-- Hand-added: existing lines get the category their rate stands for (reverse charge did not exist yet).
UPDATE "invoice_lines" SET "vat_category" = CASE "vat_rate" WHEN 9 THEN 'reduced' WHEN 0 THEN 'zero' ELSE 'standard' END;--> statement-breakpoint
ALTER TABLE "invoice_lines" ALTER COLUMN "vat_category" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "buyer_vat_number" text;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "reverse_charge" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "quote_lines" ADD CONSTRAINT "quote_lines_vat" CHECK (("quote_lines"."vat_category" = 'standard' and "quote_lines"."vat_rate" = 21) or ("quote_lines"."vat_category" = 'reduced' and "quote_lines"."vat_rate" = 9) or ("quote_lines"."vat_category" in ('zero', 'reverse_charge') and "quote_lines"."vat_rate" = 0));--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_vat" CHECK (("order_lines"."vat_category" = 'standard' and "order_lines"."vat_rate" = 21) or ("order_lines"."vat_category" = 'reduced' and "order_lines"."vat_rate" = 9) or ("order_lines"."vat_category" in ('zero', 'reverse_charge') and "order_lines"."vat_rate" = 0));--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_vat" CHECK (("invoice_lines"."vat_category" = 'standard' and "invoice_lines"."vat_rate" = 21) or ("invoice_lines"."vat_category" = 'reduced' and "invoice_lines"."vat_rate" = 9) or ("invoice_lines"."vat_category" in ('zero', 'reverse_charge') and "invoice_lines"."vat_rate" = 0));--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_reverse_charge_vat_number" CHECK (not "invoices"."reverse_charge" or "invoices"."buyer_vat_number" is not null);